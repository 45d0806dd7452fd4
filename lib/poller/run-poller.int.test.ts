import { countPollerLockHolders, terminatePollerLockHolder } from "@/tests/support/poller-lock";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { createSimulatedSource } from "../sources/simulated";
import { postgresLeadership } from "./leadership";
import { runPoller } from "./run-poller";
import { seedConfigurationIfEmpty } from "./seed-configuration";

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the poll loop on PostgreSQL", () => {
  const freshDatabase = freshDatabaseOpener("postgres");

  it("goes back to the election when its lock connection dies, and polls again once it wins", async () => {
    const database = await freshDatabase();
    if (database.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const source = createSimulatedSource({ seed: 3, hosts: 60, businessServices: 5, eventsPerHour: 600, now: Date.now });
    const { components, businessServices } = source.configuration;
    await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, components, businessServices }, Date.now());
    const lines: string[] = [];
    const running = runPoller({
      database,
      source,
      pollIntervalMs: 100,
      leadership: postgresLeadership(database.target.url, 100),
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
      await waitFor(() => lines.filter((line) => line.startsWith("Poller started")).length === 2);
      await waitFor(async () => (await lastPollAt()) > lostAt);
      expect(await countPollerLockHolders(admin)).toBe(1);
    } finally {
      await admin.end();
      await running.stop();
    }
  });
});
