import pg from "pg";
import { countPollerLockHolders, terminatePollerLockHolder } from "@/tests/support/poller-lock";
import { describe, expect, it } from "vitest";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { parseEnv } from "../env";
import { postgresLeadership } from "../poller/leadership";
import { SourceSettingsError } from "../sources/create-source";
import { startPolling } from "./polling";

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const config = parseEnv({ BSM_SOURCE: "simulated", BSM_SOURCE_SETTINGS: JSON.stringify({ seed: 3, hosts: 30, businessServices: 5 }), BSM_POLL_INTERVAL_SECONDS: "1" });

describe("startPolling", () => {
  const freshPgliteDatabase = freshDatabaseOpener("pglite");
  const freshPostgresDatabase = freshDatabaseOpener("postgres");

  it("refuses invalid environment settings at start, as every start-up setting is checked", async () => {
    const database = await freshPgliteDatabase();
    const bad = parseEnv({ BSM_SOURCE: "opsview-db", BSM_SOURCE_SETTINGS: JSON.stringify({ main: { host: "" } }) });
    await expect(startPolling(bad, database, { log: () => {} })).rejects.toThrow(SourceSettingsError);
    expect(await database.prisma.pollerStatus.count()).toBe(0);
  });

  it("on PostgreSQL goes back to the election when its lock connection dies, and polls the settings in force once it wins", async () => {
    const database = await freshPostgresDatabase();
    if (database.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const lines: string[] = [];
    const polling = await startPolling(config, database, {
      leadership: postgresLeadership(database.target.url, 100),
      settingsCheckMs: 200,
      log: (line) => lines.push(line),
    });
    const admin = new pg.Client({ connectionString: database.target.url });
    await admin.connect();
    const lastPollAt = async () => (await database.prisma.pollerStatus.findUnique({ where: { id: 1 } }))?.lastPollAt?.getTime() ?? 0;
    try {
      await waitFor(async () => (await lastPollAt()) > 0);
      await terminatePollerLockHolder(admin);
      await waitFor(() => lines.includes("Poller lost its database lock; waiting to poll again"));
      const lostAt = Date.now();
      await waitFor(async () => (await lastPollAt()) > lostAt + 500);
      expect(await countPollerLockHolders(admin)).toBe(1);
    } finally {
      await admin.end();
      await polling.stop();
    }
  });
});
