// The pure half of readiness (lib/health/check-readiness.ts reads the database): what counts as
// "migrations applied", "a poller leads somewhere" and "not stale", and the threshold for stale.

/** Who holds the poller's election: a PostgreSQL session holding the advisory lock, or this process (PGlite). */
export type PollerLeader = { via: "advisory-lock"; backendPid: number } | { via: "this-process" };

export interface DatabaseCheck {
  ok: boolean;
  detail: string;
}

export interface MigrationsCheck {
  ok: boolean;
  /** Migrations shipped with this app that the database has not (successfully) applied. */
  pending: string[];
  detail: string;
}

export interface PollerCheck {
  ok: boolean;
  leader: PollerLeader | null;
  lastSuccessAt: string | null;
  /** Whole seconds since the last successful poll cycle; null before the first one. */
  ageSeconds: number | null;
  thresholdSeconds: number;
  detail: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { database: DatabaseCheck; migrations: MigrationsCheck; poller: PollerCheck };
}

/** Below this, a healthy poller on a large estate or a busy machine could look stale between two cycles. */
export const MIN_STALENESS_THRESHOLD_SECONDS = 60;
/** Poll cycles a poller may miss before readiness gives up on it. */
export const MISSED_CYCLES_ALLOWED = 3;

/** BSM_READY_MAX_STALENESS_SECONDS when set; otherwise three poll intervals, at least a minute. */
export function stalenessThresholdSeconds(pollIntervalSeconds: number, maxStalenessSeconds?: number): number {
  return maxStalenessSeconds ?? Math.max(MIN_STALENESS_THRESHOLD_SECONDS, MISSED_CYCLES_ALLOWED * pollIntervalSeconds);
}

/** The shipped migrations the database has not applied, in name order; ones it has and we do not know are fine (a newer instance). */
export function pendingMigrations(shipped: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return shipped.filter((name) => !done.has(name)).sort();
}

export function judgeMigrations(shipped: readonly string[], applied: readonly string[]): MigrationsCheck {
  const pending = pendingMigrations(shipped, applied);
  return {
    ok: pending.length === 0,
    pending,
    detail: pending.length === 0 ? "all applied" : `${pending.length} migration(s) not applied`,
  };
}

export interface PollerObservation {
  leader: PollerLeader | null;
  lastSuccessAt: Date | null;
  now: number;
  thresholdSeconds: number;
}

/** Ready when a poller leads somewhere and its last successful cycle is at most thresholdSeconds old. */
export function judgePoller({ leader, lastSuccessAt, now, thresholdSeconds }: PollerObservation): PollerCheck {
  const ageSeconds = lastSuccessAt === null ? null : Math.max(0, Math.floor((now - lastSuccessAt.getTime()) / 1000));
  const base = { leader, lastSuccessAt: lastSuccessAt?.toISOString() ?? null, ageSeconds, thresholdSeconds };
  if (leader === null) return { ...base, ok: false, detail: "no poller holds the election" };
  if (ageSeconds === null) return { ...base, ok: false, detail: "no successful poll cycle yet" };
  if (ageSeconds > thresholdSeconds) return { ...base, ok: false, detail: `last successful poll cycle ${ageSeconds} s ago, more than ${thresholdSeconds} s` };
  return { ...base, ok: true, detail: `last successful poll cycle ${ageSeconds} s ago` };
}

export function readinessReport(checks: ReadinessReport["checks"]): ReadinessReport {
  return { ready: checks.database.ok && checks.migrations.ok && checks.poller.ok, checks };
}
