import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { startPostgresServer, type PostgresServer } from "@/tests/support/postgres-server";
import { createFreshnessMonitor, type FreshnessEvent, type FreshnessMonitor } from "./data-freshness";
import { emitLiveEvent } from "./live-events";

const CHECK_EVERY_MS = 50;

describe.each(RUNTIMES)("the event stream's stale and fresh events on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let monitor: FreshnessMonitor | undefined;

  afterEach(async () => {
    monitor?.stop();
  });

  it("says stale when the poller marks the source stale (at once on a poll event), and fresh when it recovers", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    // A long interval: the changes below must arrive through the poll events.
    monitor = createFreshnessMonitor(database, { intervalMs: 3_600_000 });
    const events: FreshnessEvent[] = [];
    const unsubscribe = monitor.subscribe((event) => events.push(event));
    await monitor.settled();
    expect(events).toEqual([]);

    await prisma.pollerStatus.create({ data: { sourceKind: "opsview-db", sourceDescription: "x", lastError: "connect ECONNREFUSED 10.0.0.5:3306", staleSince: new Date("2026-12-03T10:00:00Z") } });
    emitLiveEvent({ type: "poll", at: Date.parse("2026-12-03T10:00:10Z"), ok: false, staleSince: Date.parse("2026-12-03T10:00:00Z"), message: "connect ECONNREFUSED 10.0.0.5:3306" });
    await expect.poll(() => events.length, { timeout: 20_000 }).toBe(1);
    expect(events[0]).toEqual({
      type: "stale",
      reason: "source",
      since: Date.parse("2026-12-03T10:00:00Z"),
      message: "Monitoring data is stale since 2026-12-03T10:00:00.000Z",
    });

    const late: FreshnessEvent[] = [];
    const unsubscribeLate = monitor.subscribe((event) => late.push(event));
    expect(late).toEqual([events[0]]);

    await prisma.pollerStatus.update({ where: { id: 1 }, data: { lastError: null, staleSince: null } });
    emitLiveEvent({ type: "poll", at: Date.parse("2026-12-03T10:01:00Z"), ok: true, staleSince: null, message: null });
    await expect.poll(() => events.length, { timeout: 20_000 }).toBe(2);
    expect(events[1]).toMatchObject({ type: "fresh" });
    expect(late.map((event) => event.type)).toEqual(["stale", "fresh"]);
    unsubscribe();
    unsubscribeLate();
  });

  it("says stale when the application database cannot be reached", async () => {
    let server: PostgresServer | undefined;
    let outage: Database;
    if (runtime === "postgres") {
      server = await startPostgresServer();
      outage = openDatabase({ kind: "postgres", url: server.url() }, { log: () => {} });
    } else {
      outage = openDatabase({ kind: "pglite", dataDir: "memory://" });
    }
    try {
      await outage.migrate();
      monitor = createFreshnessMonitor(outage, { intervalMs: CHECK_EVERY_MS });
      const events: FreshnessEvent[] = [];
      monitor.subscribe((event) => events.push(event));
      await monitor.settled();
      expect(events).toEqual([]);

      if (server) server.stop();
      else await outage.close();
      await expect.poll(() => events.length, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(events).toEqual([
        { type: "stale", reason: "database", since: expect.any(Number), message: "The dashboard's database cannot be reached; what is shown may be out of date" },
      ]);
    } finally {
      monitor?.stop();
      server?.stop();
      await outage.close().catch(() => {});
    }
  });
});
