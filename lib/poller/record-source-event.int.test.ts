import { describe, expect, it } from "vitest";
import { openFreshDatabase } from "@/tests/support/databases";
import { listRecentSourceEvents } from "../status/list-source-events";
import { recordSourceEvent } from "./record-source-event";

describe("source events", () => {
  it("are stored and listed newest first, and a database failure is logged, not thrown", async () => {
    const database = await openFreshDatabase("pglite");
    await database.migrate();
    const lines: string[] = [];
    await recordSourceEvent(database, { at: Date.parse("2026-11-22T10:00:00Z"), kind: "failover", message: "main down; using backup" }, (line) => lines.push(line));
    await recordSourceEvent(database, { at: Date.parse("2026-11-22T10:05:00Z"), kind: "failback", message: "main answers again" }, (line) => lines.push(line));
    expect(await listRecentSourceEvents(database.prisma, { isAdmin: true, seesEstateFigures: true })).toEqual([
      { id: expect.any(String), at: "2026-11-22T10:05:00.000Z", kind: "failback", message: "main answers again" },
      { id: expect.any(String), at: "2026-11-22T10:00:00.000Z", kind: "failover", message: "main down; using backup" },
    ]);
    expect(lines).toEqual(["Source failover: main down; using backup", "Source failback: main answers again"]);

    await database.dropDatabase();
    await expect(recordSourceEvent(database, { at: 0, kind: "error", message: "x" }, (line) => lines.push(line))).resolves.toBeUndefined();
    expect(lines.at(-1)).toMatch(/^Could not record a source event: /);
  });
});
