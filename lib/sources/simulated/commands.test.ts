import { describe, expect, it } from "vitest";
import { SourceCommandError, type SourceCommand, type SourceServiceCheck } from "../types";
import { createSimulatedSource } from "./source";

const T0 = Date.UTC(2026, 11, 6, 12, 0, 0);
const MINUTE = 60_000;
const command = (fields: Partial<SourceCommand> & Pick<SourceCommand, "kind" | "targets">): SourceCommand => ({ comment: "c", author: "a", sticky: false, expiresAt: null, startAt: null, endAt: null, ...fields });

function setUp() {
  const clock = { now: T0 };
  const source = createSimulatedSource({ seed: 5, hosts: 40, businessServices: 5, eventsPerHour: 0, now: () => clock.now });
  return { clock, source };
}
const find = (checks: SourceServiceCheck[], host: string, name?: string) => checks.filter((check) => check.host === host && (name === undefined || check.name === name));

describe("the simulated source takes commands", () => {
  it("downtime starts at its start, ends at its end, is reported by the next read of changes, and can be removed", async () => {
    const { clock, source } = setUp();
    const full = await source.readFull();
    const host = full.hosts[0].name;
    await source.execute!(command({ kind: "downtime", targets: [{ host }], startAt: T0 + 5 * MINUTE, endAt: T0 + 15 * MINUTE }));
    expect((await source.readChanges(full.cursor)).serviceChecks).toEqual([]);
    clock.now = T0 + 6 * MINUTE;
    const started = await source.readFull();
    expect(find(started.serviceChecks, host).every((check) => check.inDowntime)).toBe(true);
    clock.now = T0 + 16 * MINUTE;
    const ended = await source.readChanges(started.cursor);
    expect(ended.serviceChecks.length).toBeGreaterThan(0);
    expect(ended.serviceChecks.every((check) => check.host === host && !check.inDowntime)).toBe(true);

    await source.execute!(command({ kind: "downtime", targets: [{ host }], startAt: T0, endAt: T0 + 60 * MINUTE }));
    expect(find((await source.readFull()).serviceChecks, host).every((check) => check.inDowntime)).toBe(true);
    expect(await source.execute!(command({ kind: "remove-downtime", targets: [{ host }] }))).toMatchObject({ message: expect.stringMatching(/^Removed the downtime of \d+ checks\.$/) });
    expect(find((await source.readFull()).serviceChecks, host).some((check) => check.inDowntime)).toBe(false);
  });

  it("acknowledges only failing checks; an expiry ends it; OK targets and unknown hosts are refused", async () => {
    const clock = { now: T0 };
    const source = createSimulatedSource({ seed: 5, hosts: 40, businessServices: 5, eventsPerHour: 20, now: () => clock.now });
    const failing = (await source.readFull()).serviceChecks.find((check) => check.state !== "OK" && !check.acknowledged)!;
    expect(failing).toBeDefined();
    const answer = await source.execute!(command({ kind: "acknowledge", targets: [{ host: failing.host }], expiresAt: T0 + MINUTE }));
    expect(answer.message).toMatch(/^Acknowledged \d+ failing checks?\.$/);
    expect(find((await source.readFull()).serviceChecks, failing.host, failing.name)[0].acknowledged).toBe(true);
    clock.now = T0 + 2 * MINUTE;
    expect(find((await source.readFull()).serviceChecks, failing.host, failing.name)[0].acknowledged).toBe(false);

    const healthy = (await source.readFull()).serviceChecks.find((check) => check.state === "OK")!;
    await expect(source.execute!(command({ kind: "acknowledge", targets: [{ host: healthy.host, check: healthy.name }] }))).rejects.toThrow(SourceCommandError);
    await expect(source.execute!(command({ kind: "downtime", targets: [{ host: "no-such-host" }], startAt: T0, endAt: T0 + MINUTE * 30 }))).rejects.toThrow("unknown host no-such-host");
  });
});
