import { createBsmEngine, type BsmEngine } from "../bsm";
import type { Database } from "../db/client";
import type { SqlConnection } from "../db/sql";
import type { LiveEvent } from "../events/live-events";
import { lineLogger, logFor, type LogLine } from "../log";
import type { MonitoringSource, SourceRead } from "../sources/types";
import { describePollCycle, roundCyclePhases, type CyclePhases } from "./cycle-cost";
import { detectChanges, rememberChanges, toEngineCheck, type EstateDelta, type KnownEstate } from "./detect-changes";
import {
  deleteObjectStatuses,
  deleteServiceChecks,
  insertCheckHistory,
  insertTransitions,
  loadKnownChecks,
  loadKnownHostFingerprints,
  loadObjectStatuses,
  markHostsRemoved,
  upsertHosts,
  upsertObjectStatuses,
  upsertServiceChecks,
  type ObjectStatusChange,
} from "./estate-store";
import { AvailabilityKeeper, type KeptAvailability } from "./availability-keeper";
import { loadBsmConfig, readConfigurationVersion } from "./load-bsm-config";
import { StoredCountsMirror } from "./object-counts";
import { latestRowPerObject, StoredStatusMirror } from "./object-statuses";
import { storeAvailability, storeObjectCounts } from "./store-figures";
import { utcFromEpochMs } from "../db/sql-time";

/** What a step after the poll (host reflection, notifications) is given. */
export interface AfterPollContext {
  database: Database;
  now: number;
  read: "full" | "changes";
  delta: EstateDelta;
  changes: ObjectStatusChange[];
  engine: BsmEngine;
  /** The 24-hour availability the poller stored last (as of a whole minute). */
  availability?: KeptAvailability;
}
export type AfterPollStep = (context: AfterPollContext) => Promise<void>;

export interface PollerOptions {
  database: Database;
  source: MonitoringSource;
  pollIntervalMs: number;
  fullResyncEveryMs?: number;
  maxBackoffMs?: number;
  now?: () => number;
  publish?: (event: LiveEvent) => void | Promise<void>;
  /** Seams for host reflection and notifications; a failing step is logged and never stops polling. */
  afterPoll?: AfterPollStep[];
  log?: LogLine;
}

export interface PollCycleReport {
  ok: boolean;
  read?: "full" | "changes";
  checksWritten: number;
  historyEntries: number;
  changes: ObjectStatusChange[];
  skipped: number;
  durationMs: number;
  phases?: CyclePhases;
  /** How long the cycle's availability refresh took (after the poll's own phases); absent when none was due. */
  availabilityRefreshMs?: number;
  error?: string;
}

interface PollerMemory {
  engine: BsmEngine;
  storedStatuses: StoredStatusMirror;
  storedCounts: StoredCountsMirror;
  availability: AvailabilityKeeper;
  known: KnownEstate;
  configVersion: string;
}

/**
 * One poller per database ("opsviewhd"): reads the source, persists check status and history,
 * keeps the status engine up to date, and persists and publishes every BSM status change.
 */
export class Poller {
  private memory: PollerMemory | null = null;
  private cursor: string | null = null;
  private lastFullReadAt = Number.NEGATIVE_INFINITY;
  private consecutiveFailures = 0;
  private staleSince: number | null = null;
  private readonly now: () => number;
  private readonly log: LogLine;

  constructor(private readonly options: PollerOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? lineLogger(logFor("poller"));
  }

  get engine(): BsmEngine | null {
    return this.memory?.engine ?? null;
  }

  /** How long to wait before the next cycle: the interval, or an exponential backoff while failing. */
  nextDelayMs(): number {
    if (this.consecutiveFailures === 0) return this.options.pollIntervalMs;
    const backoff = this.options.pollIntervalMs * 2 ** Math.min(this.consecutiveFailures, 10);
    return Math.min(backoff, this.options.maxBackoffMs ?? 5 * 60_000);
  }

  async runCycle(): Promise<PollCycleReport> {
    const startedAt = performance.now();
    const now = this.now();
    const full = this.cursor === null || now - this.lastFullReadAt >= (this.options.fullResyncEveryMs ?? 15 * 60_000);
    const readSource = async (): Promise<{ read: SourceRead } | { error: Error }> => {
      try {
        return { read: full ? await this.options.source.readFull() : await this.options.source.readChanges(this.cursor!) };
      } catch (error) {
        return { error: error as Error };
      }
    };
    // On PostgreSQL the source is read while the state loads (after a start or a failed store): neither
    // needs the other. PGlite loads in this thread, where its long synchronous queries would hold up the
    // source's connection and make its timeouts fire, so there the read waits.
    const alongside = this.memory === null && this.options.database.target.kind === "postgres" ? readSource() : null;
    const memory = this.memory ?? (await this.loadMemory());
    const outcome = await (alongside ?? readSource());
    if ("error" in outcome) return this.recordFailure(outcome.error, now, startedAt);
    const { read } = outcome;

    const readDone = performance.now();
    const delta = detectChanges(memory.known, read, now);
    for (const row of delta.skipped) this.log(`Skipped a source row ${row.key}: ${row.reason}`, "warn");

    const configVersion = await this.options.database.withConnection(readConfigurationVersion);
    const configChanged = configVersion !== memory.configVersion;
    if (configChanged) {
      memory.engine.reconfigure(await loadBsmConfig(this.options.database.prisma));
      memory.configVersion = configVersion;
    }
    const transitions = [
      ...memory.engine.applyCheckChanges(delta.checksToWrite.map(toEngineCheck)),
      ...delta.removedChecks.flatMap((check) => memory.engine.removeCheck(check.host, check.name)),
    ];
    const changes = memory.storedStatuses.applyTransitions(transitions);
    const reconciled = configChanged ? memory.storedStatuses.reconcile(memory.engine.listAll()) : null;
    const allChanges = reconciled ? [...changes, ...reconciled.changes] : changes;
    const counts = configChanged ? memory.storedCounts.reconcile(memory.engine) : memory.storedCounts.applyTransitions(memory.engine, transitions);
    memory.availability.takeDelta(delta, memory.known);
    const evaluateDone = performance.now();
    const phasesSoFar = (): CyclePhases => ({ readMs: readDone - startedAt, evaluateMs: evaluateDone - readDone, storeMs: performance.now() - evaluateDone });

    try {
      await this.options.database.withConnection((connection) =>
        connection.transaction(async (tx) => {
          await upsertHosts(tx, delta.hostsToWrite, now);
          await markHostsRemoved(tx, delta.removedHosts, now);
          await upsertServiceChecks(tx, delta.checksToWrite, now);
          await deleteServiceChecks(tx, delta.removedChecks);
          await insertCheckHistory(tx, delta.history);
          await upsertObjectStatuses(tx, latestRowPerObject([...changes.map((change) => change.after), ...(reconciled?.upserts ?? [])]), now);
          await deleteObjectStatuses(tx, reconciled?.removed ?? []);
          await storeObjectCounts(tx, counts);
          await insertTransitions(tx, allChanges, now);
          await this.writePollerStatus(tx, { now, ok: true, full, error: null, durationMs: performance.now() - startedAt, cursor: read.cursor, phases: phasesSoFar() });
        }),
      );
    } catch (error) {
      // The engine already moved on; rebuild everything from the database next cycle.
      this.memory = null;
      this.cursor = null;
      return this.recordFailure(new Error(`could not store the poll: ${(error as Error).message}`), now, startedAt);
    }

    const phases = phasesSoFar();
    const readKind = full ? "full" : "changes";
    this.log(describePollCycle({ read: readKind, checksWritten: delta.checksToWrite.length, statusChanges: allChanges.length, phases }));
    rememberChanges(memory.known, read.kind, delta);
    this.cursor = read.cursor;
    if (full) this.lastFullReadAt = now;
    this.consecutiveFailures = 0;
    this.staleSince = null;

    await this.publish({
      type: "bsm",
      at: now,
      changes: allChanges.map(({ after }) => after),
    }, allChanges.length > 0);
    await this.publish({ type: "poll", at: now, ok: true, staleSince: null, message: null, phases: roundCyclePhases(phases) }, true);
    const availabilityRefreshMs = await this.refreshAvailability(memory, now);
    await this.runAfterPollSteps({
      database: this.options.database,
      now,
      read: readKind,
      delta,
      changes: allChanges,
      engine: memory.engine,
      availability: memory.availability,
    });

    return {
      ok: true,
      read: readKind,
      checksWritten: delta.checksToWrite.length,
      historyEntries: delta.history.length,
      changes: allChanges,
      skipped: delta.skipped.length,
      durationMs: performance.now() - startedAt,
      phases,
      ...(availabilityRefreshMs === null ? {} : { availabilityRefreshMs }),
    };
  }

  private async loadMemory(): Promise<PollerMemory> {
    const { database } = this.options;
    // The version first: a change that lands while the configuration is read is then seen next cycle.
    const configVersion = await database.withConnection(readConfigurationVersion);
    const availability = new AvailabilityKeeper();
    const [checks, storedStatuses, config, hosts] = await Promise.all([
      database.withConnection(loadKnownChecks),
      database.withConnection(loadObjectStatuses),
      loadBsmConfig(database.prisma).then(async (config) => {
        await availability.load(database.prisma, config, this.now());
        return config;
      }),
      database.withConnection(loadKnownHostFingerprints),
    ]);
    const engine = createBsmEngine(config, [...checks.values()].map(toEngineCheck));
    const mirror = new StoredStatusMirror(storedStatuses);
    const reconciled = mirror.reconcile(engine.listAll());
    const now = this.now();
    const storedCounts = new StoredCountsMirror();
    const counts = storedCounts.reconcile(engine);
    const refresh = availability.refresh(engine.config, checks, now);
    await database.withConnection((connection) =>
      connection.transaction(async (tx) => {
        await upsertObjectStatuses(tx, reconciled.upserts, now);
        await deleteObjectStatuses(tx, reconciled.removed);
        await insertTransitions(tx, reconciled.changes, now);
        await storeObjectCounts(tx, counts);
        await storeAvailability(tx, refresh, this.sourceIdentity());
      }),
    );
    if (reconciled.changes.length > 0) {
      await this.publish({ type: "bsm", at: now, changes: reconciled.changes.map(({ after }) => after) }, true);
    }
    this.memory = { engine, storedStatuses: mirror, storedCounts, availability, known: { hosts, checks, skipped: new Set() }, configVersion };
    return this.memory;
  }

  /**
   * Stores fresh availability figures when a minute has passed or the past they describe changed (the
   * configuration too); a failure is logged and the next cycle computes and stores everything again.
   * Returns how long it took, null when none was due.
   */
  private async refreshAvailability(memory: PollerMemory, now: number): Promise<number | null> {
    const { availability, engine } = memory;
    const startedAt = performance.now();
    try {
      if (availability.needsLoad(engine.config)) await availability.load(this.options.database.prisma, engine.config, now);
      if (!availability.isDue(now)) return null;
      const refresh = availability.refresh(engine.config, memory.known.checks, now);
      await this.options.database.withConnection((connection) =>
        connection.transaction((tx) => storeAvailability(tx, refresh, this.sourceIdentity())),
      );
    } catch (error) {
      availability.forget();
      this.log(`Could not refresh availability: ${(error as Error).message}`, "error");
    }
    return performance.now() - startedAt;
  }

  private sourceIdentity(): { kind: string; description: string } {
    return { kind: this.options.source.kind, description: this.options.source.describe() };
  }

  private async recordFailure(error: Error, now: number, startedAt: number): Promise<PollCycleReport> {
    this.consecutiveFailures += 1;
    this.staleSince ??= now;
    const message = error.message.split("\n")[0];
    this.log(`Poll failed (${this.consecutiveFailures} in a row; data stale since ${new Date(this.staleSince).toISOString()}): ${message}`, "warn");
    try {
      await this.options.database.withConnection((connection) =>
        this.writePollerStatus(connection, { now, ok: false, full: false, error: message, durationMs: performance.now() - startedAt, cursor: this.cursor, phases: null }),
      );
    } catch (storeError) {
      this.log(`Could not record the failed poll: ${(storeError as Error).message}`, "error");
    }
    await this.publish({ type: "poll", at: now, ok: false, staleSince: this.staleSince, message }, true);
    return { ok: false, checksWritten: 0, historyEntries: 0, changes: [], skipped: 0, durationMs: performance.now() - startedAt, error: message };
  }

  private async writePollerStatus(
    connection: SqlConnection,
    status: { now: number; ok: boolean; full: boolean; error: string | null; durationMs: number; cursor: string | null; phases: CyclePhases | null },
  ): Promise<void> {
    const phases = status.phases && roundCyclePhases(status.phases);
    const source = this.sourceIdentity();
    const at = utcFromEpochMs("$3");
    await connection.query(
      `INSERT INTO "PollerStatus" (id, "sourceKind", "sourceDescription", cursor, "lastPollAt", "lastSuccessAt", "lastFullReadAt",
         "lastCycleMs", "lastError", "staleSince", "consecutiveFailures", "lastReadMs", "lastEvaluateMs", "lastStoreMs", "updatedAt")
       VALUES (1, $1, $2, $4, ${at}, CASE WHEN $5 THEN ${at} END, CASE WHEN $6 THEN ${at} END, $7, $8,
         CASE WHEN $9::bigint IS NULL THEN NULL ELSE ${utcFromEpochMs("$9")} END, $10, $11, $12, $13, ${at})
       ON CONFLICT (id) DO UPDATE SET "sourceKind" = EXCLUDED."sourceKind", "sourceDescription" = EXCLUDED."sourceDescription",
         cursor = EXCLUDED.cursor, "lastPollAt" = EXCLUDED."lastPollAt",
         "lastSuccessAt" = COALESCE(EXCLUDED."lastSuccessAt", "PollerStatus"."lastSuccessAt"),
         "lastFullReadAt" = COALESCE(EXCLUDED."lastFullReadAt", "PollerStatus"."lastFullReadAt"),
         "lastCycleMs" = EXCLUDED."lastCycleMs", "lastError" = EXCLUDED."lastError", "staleSince" = EXCLUDED."staleSince",
         "consecutiveFailures" = EXCLUDED."consecutiveFailures",
         "lastReadMs" = COALESCE(EXCLUDED."lastReadMs", "PollerStatus"."lastReadMs"),
         "lastEvaluateMs" = COALESCE(EXCLUDED."lastEvaluateMs", "PollerStatus"."lastEvaluateMs"),
         "lastStoreMs" = COALESCE(EXCLUDED."lastStoreMs", "PollerStatus"."lastStoreMs"), "updatedAt" = EXCLUDED."updatedAt"`,
      [
        source.kind,
        source.description,
        status.now,
        status.cursor,
        status.ok,
        status.ok && status.full,
        Math.round(status.durationMs),
        status.error,
        status.ok ? null : this.staleSince,
        status.ok ? 0 : this.consecutiveFailures,
        phases?.readMs ?? null,
        phases?.evaluateMs ?? null,
        phases?.storeMs ?? null,
      ],
    );
  }

  private async publish(event: LiveEvent, worthSending: boolean): Promise<void> {
    if (!worthSending || !this.options.publish) return;
    try {
      await this.options.publish(event);
    } catch (error) {
      this.log(`Could not publish a live event: ${(error as Error).message}`, "error");
    }
  }

  private async runAfterPollSteps(context: AfterPollContext): Promise<void> {
    for (const step of this.options.afterPoll ?? []) {
      try {
        await step(context);
      } catch (error) {
        this.log(`A step after the poll failed: ${(error as Error).message}`, "error");
      }
    }
  }
}
