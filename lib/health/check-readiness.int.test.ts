import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";
import { readMigrationNames } from "@/lib/db/migrate";
import { RUNTIMES, freshDatabaseOpener, type Runtime } from "@/tests/support/databases";
import { startPostgresServer, type PostgresServer } from "@/tests/support/postgres-server";
import { POLLER_ADVISORY_LOCK, postgresLeadership } from "../poller/leadership";
import { runPoller } from "../poller/run-poller";
import { seedConfigurationIfEmpty } from "../poller/seed-configuration";
import { createSimulatedSource } from "../sources/simulated";
import { checkReadiness, type ReadinessOptions } from "./check-readiness";

const TIMEOUT_MS = 2_000;
const options: ReadinessOptions = { pollIntervalSeconds: 10, pollerInThisProcess: true, timeoutMs: TIMEOUT_MS };

async function recordPoll(database: Database, lastSuccessAt: Date): Promise<void> {
  await database.prisma.pollerStatus.upsert({
    where: { id: 1 },
    create: { sourceKind: "simulated", sourceDescription: "test", lastPollAt: lastSuccessAt, lastSuccessAt },
    update: { lastPollAt: lastSuccessAt, lastSuccessAt },
  });
}

/** Holds the poller's advisory lock on its own connection, as an elected poller in another process does. */
async function holdPollerLock(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // The server going away ends this connection; that is the point of some tests, not a failure.
  client.on("error", () => undefined);
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [POLLER_ADVISORY_LOCK]);
  return client;
}

/** Makes a poller lead: on PostgreSQL, a lock held by some connection; on PGlite, this process polls. */
async function electPoller(runtime: Runtime, database: Database): Promise<{ options: ReadinessOptions; release(): Promise<void> }> {
  if (runtime === "pglite" || database.target.kind !== "postgres") return { options, release: async () => undefined };
  const holder = await holdPollerLock(database.target.url);
  return { options: { ...options, pollerInThisProcess: false }, release: () => holder.end().catch(() => undefined) };
}

async function waitUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(RUNTIMES)("readiness on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  const releases: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const release of releases.splice(0)) await release();
  });
  const elect = async (database: Database) => {
    const election = await electPoller(runtime, database);
    releases.push(election.release);
    return election.options;
  };

  it("is ready on a migrated database whose elected poller has just polled", async () => {
    const database = await freshDatabase();
    const now = Date.now();
    await recordPoll(database, new Date(now - 2_000));
    const report = await checkReadiness(database, now, await elect(database));
    expect(report).toEqual({
      ready: true,
      checks: {
        database: { ok: true, detail: runtime === "pglite" ? "embedded database answers" : "PostgreSQL answers" },
        migrations: { ok: true, pending: [], detail: "all applied" },
        poller: {
          ok: true,
          leader: runtime === "pglite" ? { via: "this-process" } : { via: "advisory-lock", backendPid: expect.any(Number) },
          lastSuccessAt: new Date(now - 2_000).toISOString(),
          ageSeconds: 2,
          thresholdSeconds: 60,
          detail: "last successful poll cycle 2 s ago",
        },
      },
    });
  });

  it("is not ready when no poller holds the election anywhere", async () => {
    const database = await freshDatabase();
    const now = Date.now();
    await recordPoll(database, new Date(now));
    // PostgreSQL: nobody holds the lock (this process runs no poller either); PGlite: BSM_POLLER=off.
    const report = await checkReadiness(database, now, { ...options, pollerInThisProcess: false });
    expect(report.ready).toBe(false);
    expect(report.checks.poller).toMatchObject({ ok: false, leader: null, detail: "no poller holds the election" });
    expect(report.checks.database.ok && report.checks.migrations.ok).toBe(true);
  });

  it("is not ready when the last successful poll is older than the threshold, or there is none", async () => {
    const database = await freshDatabase();
    const electedOptions = await elect(database);
    const now = Date.now();
    expect((await checkReadiness(database, now, electedOptions)).checks.poller).toMatchObject({ ok: false, detail: "no successful poll cycle yet" });

    await recordPoll(database, new Date(now - 61_000));
    const stale = await checkReadiness(database, now, electedOptions);
    expect(stale.ready).toBe(false);
    expect(stale.checks.poller).toMatchObject({ ok: false, ageSeconds: 61, thresholdSeconds: 60, detail: "last successful poll cycle 61 s ago, more than 60 s" });

    // BSM_READY_MAX_STALENESS_SECONDS overrides the derived threshold.
    expect((await checkReadiness(database, now, { ...electedOptions, maxStalenessSeconds: 120 })).ready).toBe(true);
  });

  it("derives the threshold from the poll interval saved in the UI, which wins over the environment's", async () => {
    const database = await freshDatabase();
    const electedOptions = await elect(database);
    const now = Date.now();
    await recordPoll(database, new Date(now - 300_000));
    expect((await checkReadiness(database, now, electedOptions)).ready).toBe(false);
    await database.prisma.sourceSettings.create({ data: { kind: "simulated", settings: {}, pollIntervalSeconds: 600, updatedByEmail: "admin@test.local" } });
    const report = await checkReadiness(database, now, electedOptions);
    expect(report.ready).toBe(true);
    expect(report.checks.poller.thresholdSeconds).toBe(1800);
  });

  it("is not ready while a shipped migration is not applied", async () => {
    const database = await freshDatabase();
    const now = Date.now();
    await recordPoll(database, new Date(now));
    const shipped = [...(await readMigrationNames()), "29991231000000_a_migration_from_the_future"];
    const report = await checkReadiness(database, now, { ...(await elect(database)), shippedMigrations: shipped });
    expect(report.ready).toBe(false);
    expect(report.checks.migrations).toEqual({ ok: false, pending: ["29991231000000_a_migration_from_the_future"], detail: "1 migration(s) not applied" });
    expect(report.checks.poller.ok).toBe(true);
  });

  it("lists every migration as pending on a database never migrated", async () => {
    const database = await freshDatabaseOpener(runtime, { migrate: false })();
    const report = await checkReadiness(database, Date.now(), options);
    expect(report.ready).toBe(false);
    expect(report.checks.database.ok).toBe(true);
    expect(report.checks.migrations.pending).toEqual(await readMigrationNames());
    expect(report.checks.poller).toMatchObject({ ok: false, detail: "cannot be read: query failed" });
  });
});

describe("readiness with the real poller on PostgreSQL", () => {
  const freshDatabase = freshDatabaseOpener("postgres");

  it("is ready once the elected poller has polled, and not ready after it stops", async () => {
    const database = await freshDatabase();
    if (database.target.kind !== "postgres") throw new Error("expected PostgreSQL");
    const source = createSimulatedSource({ seed: 3, hosts: 30, businessServices: 5, eventsPerHour: 0, now: Date.now });
    const { components, businessServices } = source.configuration;
    await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, components, businessServices }, Date.now());
    const notPollingHere = { ...options, pollerInThisProcess: false };
    expect((await checkReadiness(database, Date.now(), notPollingHere)).ready).toBe(false);

    const running = runPoller({ database, source, pollIntervalMs: 200, leadership: postgresLeadership(database.target.url, 100), log: () => undefined });
    let stopped = false;
    try {
      const ready = await waitUntil(() => checkReadiness(database, Date.now(), notPollingHere), (report) => report.ready);
      expect(ready.checks.poller).toMatchObject({ ok: true, leader: { via: "advisory-lock" } });
      await running.stop();
      stopped = true;
      const after = await waitUntil(() => checkReadiness(database, Date.now(), notPollingHere), (report) => !report.ready);
      expect(after.checks.poller).toMatchObject({ ok: false, leader: null, detail: "no poller holds the election" });
    } finally {
      if (!stopped) await running.stop();
    }
  });
});

describe("readiness through a database outage", () => {
  let cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
    cleanup = [];
  });

  it("PGlite: not ready once the database is closed, ready again when it is reopened", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "bsm-ready-pglite-"));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const first = openDatabase({ kind: "pglite", dataDir });
    cleanup.push(() => first.close());
    await first.migrate();
    await recordPoll(first, new Date());
    expect((await checkReadiness(first, Date.now(), options)).ready).toBe(true);

    await first.close();
    const down = await checkReadiness(first, Date.now(), options);
    expect(down.ready).toBe(false);
    expect(down.checks.database).toEqual({ ok: false, detail: "database unreachable" });
    expect(down.checks.migrations.ok).toBe(false);
    expect(down.checks.poller.ok).toBe(false);

    const reopened = openDatabase({ kind: "pglite", dataDir });
    cleanup.push(() => reopened.close());
    await recordPoll(reopened, new Date());
    expect((await checkReadiness(reopened, Date.now(), options)).ready).toBe(true);
  });

  it("PostgreSQL: not ready within the timeout once the server stops, ready again once it is back", async () => {
    const server: PostgresServer = await startPostgresServer();
    cleanup.push(async () => server.stop());
    const database = openDatabase({ kind: "postgres", url: server.url() }, { log: () => undefined });
    cleanup.push(() => database.close());
    await database.migrate();
    await recordPoll(database, new Date());
    const holder = await holdPollerLock(server.url());
    cleanup.push(() => holder.end());
    const pollerElsewhere = { ...options, pollerInThisProcess: false };
    expect((await checkReadiness(database, Date.now(), pollerElsewhere)).ready).toBe(true);

    server.halt();
    const startedAt = Date.now();
    const down = await checkReadiness(database, Date.now(), pollerElsewhere);
    expect(Date.now() - startedAt).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(down.ready).toBe(false);
    expect(down.checks.database.ok).toBe(false);
    expect(down.checks.database.detail).toMatch(/^(database unreachable|no answer within 2000 ms)$/);

    server.resume();
    // The poller's lock went with the server; a poller wins the election again.
    const newHolder = await holdPollerLock(server.url());
    cleanup.push(() => newHolder.end());
    const back = await waitUntil(
      async () => {
        await recordPoll(database, new Date()).catch(() => undefined);
        return checkReadiness(database, Date.now(), pollerElsewhere);
      },
      (report) => report.ready,
      10_000,
    );
    expect(back).toMatchObject({ ready: true, checks: { database: { ok: true }, migrations: { ok: true }, poller: { ok: true } } });
  });

  it("answers not ready within the timeout when the database accepts connections but never answers", async () => {
    const sockets = new Set<Socket>();
    const blackHole = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
    const address = blackHole.address();
    if (typeof address !== "object" || address === null) throw new Error("no port");
    cleanup.push(() => new Promise<void>((resolve) => blackHole.close(() => resolve())));
    const database = openDatabase({ kind: "postgres", url: `postgresql://postgres@127.0.0.1:${address.port}/bsm` }, { log: () => undefined });
    // Closing waits for the hung connections, so the sockets go first.
    cleanup.push(() => Promise.race([database.close(), new Promise<void>((resolve) => setTimeout(resolve, 2_000))]));
    cleanup.push(async () => sockets.forEach((socket) => socket.destroy()));

    const startedAt = Date.now();
    const report = await checkReadiness(database, Date.now(), { ...options, timeoutMs: 300 });
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(report).toMatchObject({
      ready: false,
      checks: {
        database: { ok: false, detail: "no answer within 300 ms" },
        migrations: { ok: false, detail: "cannot be read: no answer within 300 ms" },
        poller: { ok: false, detail: "cannot be read: no answer within 300 ms" },
      },
    });
  });
});
