import type { Database } from "../db/client";
import { readMigrationNames } from "../db/migrate";
import { isDatabaseUnavailable } from "../db/unavailable";
import { POLLER_ADVISORY_LOCK } from "../poller/leadership";
import {
  judgeMigrations,
  judgePoller,
  readinessReport,
  stalenessThresholdSeconds,
  type DatabaseCheck,
  type MigrationsCheck,
  type PollerCheck,
  type PollerLeader,
  type ReadinessReport,
} from "./judge-readiness";

export interface ReadinessOptions {
  /** The poll interval when none is saved in the UI (BSM_POLL_INTERVAL_SECONDS or the source's default). */
  pollIntervalSeconds: number;
  /** BSM_READY_MAX_STALENESS_SECONDS; unset derives the threshold from the poll interval in force. */
  maxStalenessSeconds?: number;
  /** Whether this process runs the poller (BSM_POLLER=on): on PGlite, the only process that can. */
  pollerInThisProcess: boolean;
  /** Longest wait for each check; a database that does not answer in time is not ready. Default 2 s. */
  timeoutMs?: number;
  /** The migrations this app ships; default: prisma/migrations. */
  shippedMigrations?: readonly string[];
}

export const DEFAULT_READINESS_TIMEOUT_MS = 2_000;

class CheckTimeout extends Error {}

let shippedMigrationNames: Promise<string[]> | undefined;

/**
 * Whether this instance should receive traffic: the database answers, every shipped migration is
 * applied, and a poller leads somewhere with a recent successful cycle. A few small queries, run
 * at once, each bounded by timeoutMs; never throws. Failure details name no address or error text
 * (the answer is public).
 */
export async function checkReadiness(database: Database, now: number, options: ReadinessOptions): Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS;
  const unreadable = (error: unknown) => describeFailure(error, timeoutMs);
  const [databaseCheck, migrations, poller] = await Promise.all([
    bounded(checkDatabase(database), timeoutMs).catch((error: unknown): DatabaseCheck => ({ ok: false, detail: unreadable(error) })),
    bounded(checkMigrations(database, options.shippedMigrations), timeoutMs).catch(
      (error: unknown): MigrationsCheck => ({ ok: false, pending: [], detail: `cannot be read: ${unreadable(error)}` }),
    ),
    bounded(checkPoller(database, now, options), timeoutMs).catch(
      (error: unknown): PollerCheck => ({
        ok: false,
        leader: null,
        lastSuccessAt: null,
        ageSeconds: null,
        thresholdSeconds: stalenessThresholdSeconds(options.pollIntervalSeconds, options.maxStalenessSeconds),
        detail: `cannot be read: ${unreadable(error)}`,
      }),
    ),
  ]);
  return readinessReport({ database: databaseCheck, migrations, poller });
}

async function checkDatabase(database: Database): Promise<DatabaseCheck> {
  await database.prisma.$queryRawUnsafe("SELECT 1");
  return { ok: true, detail: `${database.target.kind === "pglite" ? "embedded database" : "PostgreSQL"} answers` };
}

async function checkMigrations(database: Database, shipped?: readonly string[]): Promise<MigrationsCheck> {
  const expected = shipped ?? (await (shippedMigrationNames ??= readMigrationNames()));
  const [{ present }] = await database.prisma.$queryRawUnsafe<{ present: boolean }[]>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
  );
  const applied = present
    ? await database.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
    : [];
  return judgeMigrations(expected, applied.map((row) => row.migration_name));
}

async function checkPoller(database: Database, now: number, options: ReadinessOptions): Promise<PollerCheck> {
  const [[status], leader] = await Promise.all([
    database.prisma.$queryRawUnsafe<{ lastSuccessAt: Date | null; savedPollIntervalSeconds: number | null }[]>(
      `SELECT (SELECT "lastSuccessAt" FROM "PollerStatus" WHERE id = 1) AS "lastSuccessAt",
              (SELECT "pollIntervalSeconds" FROM "SourceSettings" WHERE id = 1) AS "savedPollIntervalSeconds"`,
    ),
    findPollerLeader(database, options.pollerInThisProcess),
  ]);
  // Settings saved in the UI win over the environment's, for the poller and so for its threshold.
  const pollIntervalSeconds = status.savedPollIntervalSeconds ?? options.pollIntervalSeconds;
  return judgePoller({
    leader,
    lastSuccessAt: status.lastSuccessAt === null ? null : new Date(status.lastSuccessAt),
    now,
    thresholdSeconds: stalenessThresholdSeconds(pollIntervalSeconds, options.maxStalenessSeconds),
  });
}

/**
 * On PostgreSQL, the session holding the poller's advisory lock (lib/poller/leadership.ts), in any
 * process; a one-number key is stored as classid = high 32 bits, objid = low 32 bits, objsubid = 1.
 * PGlite serves one process, so only this one can poll.
 */
async function findPollerLeader(database: Database, pollerInThisProcess: boolean): Promise<PollerLeader | null> {
  if (database.target.kind === "pglite") return pollerInThisProcess ? { via: "this-process" } : null;
  const key = BigInt(POLLER_ADVISORY_LOCK);
  const rows = await database.prisma.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT pid FROM pg_locks
      WHERE locktype = 'advisory' AND granted
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND classid = ${key >> 32n} AND objid = ${key & 0xffffffffn} AND objsubid = 1
      LIMIT 1`,
  );
  return rows.length > 0 ? { via: "advisory-lock", backendPid: Number(rows[0].pid) } : null;
}

function bounded<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout()), timeoutMs);
  });
  // A query still running after the timeout may fail later; nobody waits for it any more.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof CheckTimeout) return `no answer within ${timeoutMs} ms`;
  return isDatabaseUnavailable(error) ? "database unreachable" : "query failed";
}
