import { countPollerLockHolders, terminatePollerLockHolder } from "@/tests/support/poller-lock";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { createSimulatedSource } from "../sources/simulated";
import type { MonitoringSource, SourceRead } from "../sources/types";
import { singleProcessLeadership } from "./leadership";
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

describe("the poll loop with a source that pushes", () => {
  const freshDatabase = freshDatabaseOpener("pglite");

  /** The simulated estate behind a `watch` the test drives, counting reads and how many run at once. */
  function pushingSource() {
    const inner = createSimulatedSource({ seed: 5, hosts: 30, businessServices: 5, eventsPerHour: 600, now: Date.now });
    const counts = { reads: 0, running: 0, mostAtOnce: 0, readDelayMs: 0 };
    let onChange: (() => void) | null = null;
    const counted = async (read: () => Promise<SourceRead>) => {
      counts.reads += 1;
      counts.running += 1;
      counts.mostAtOnce = Math.max(counts.mostAtOnce, counts.running);
      try {
        await new Promise((resolve) => setTimeout(resolve, counts.readDelayMs));
        return await read();
      } finally {
        counts.running -= 1;
      }
    };
    const source: MonitoringSource = {
      kind: inner.kind,
      describe: () => inner.describe(),
      close: () => inner.close(),
      readFull: () => counted(() => inner.readFull()) as ReturnType<MonitoringSource["readFull"]>,
      readChanges: (cursor) => counted(() => inner.readChanges(cursor)),
      watch(callback) {
        onChange = callback;
        return () => {
          onChange = null;
        };
      },
    };
    return { source, counts, signal: () => onChange?.(), watching: () => onChange !== null };
  }

  it("polls early once per burst of change signals, never two cycles at once, and stops watching when stopped", async () => {
    const database = await freshDatabase();
    const { source, counts, signal, watching } = pushingSource();
    const running = runPoller({ database, source, pollIntervalMs: 10 * 60_000, changeDebounceMs: 50, leadership: singleProcessLeadership(), log: () => {} });
    try {
      await waitFor(async () => (await database.prisma.pollerStatus.findUnique({ where: { id: 1 } }))?.lastSuccessAt != null);
      expect(counts.reads).toBe(1);
      expect(watching()).toBe(true);

      for (let burst = 0; burst < 20; burst += 1) signal();
      await waitFor(() => counts.reads === 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(counts.reads).toBe(2);

      // Signals while a read runs make exactly one more cycle, after it.
      counts.readDelayMs = 400;
      signal();
      await waitFor(() => counts.running === 1);
      signal();
      signal();
      await waitFor(() => counts.reads === 4);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(counts.reads).toBe(4);
      expect(counts.mostAtOnce).toBe(1);
    } finally {
      await running.stop();
    }
    expect(watching()).toBe(false);
  });
});
