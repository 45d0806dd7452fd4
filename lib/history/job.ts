// The history job, run by the leading poller between poll cycles (lib/poller/run-poller.ts): segments and
// roll-ups from the check history, daily checkpoints from the transitions, retention pruning. Each run does
// a bounded amount of work in its own short transactions, so a poll never waits long. Rules: docs/history.md.

import { Prisma, type PrismaClient } from "@prisma/client";
import type { BsmState } from "../bsm";
import { readRows } from "../db/direct-read";
import { readPackedRows } from "../db/packed-rows";
import { LONG_TRANSACTION } from "../db/transaction-options";
import type { LogLine } from "../log";
import { DAY_MS, HOUR_MS } from "../time/calendar";
import { CHECKPOINT_MARKER_KEY, checkpointRowsOf, nextCheckpoint, pruneCutoff, rollUpChunk, splitObjectKey } from "./job-plan";
import { lastTransitionsUntil, replayStatesAt, referenceTimelines, type ObjectStateAt } from "./reference";
import { hourRollupsOf, segmentsOfTimelines } from "./rollup";
import { utcFromEpochMs } from "../db/sql-time";

export const DEFAULT_RETENTION_DAYS = 400;
/** History younger than this may still change (late check results): it is not rolled up yet. */
export const SETTLE_MS = 5 * 60_000;
/** The longest stretch one run computes timelines for (memory). */
export const ROLL_UP_CHUNK_MS = DAY_MS;
export const PRUNE_BATCH_ROWS = 5_000;
export const PRUNE_EVERY_MS = HOUR_MS;
/** How often each history table is vacuumed where the database has no autovacuum (PGlite). */
export const VACUUM_EVERY_MS = HOUR_MS;
/** How often the job runs when it has nothing to catch up on. */
export const HISTORY_JOB_EVERY_MS = 5 * 60_000;
/** Rows per insert statement. */
const WRITE_BATCH_ROWS = 5_000;

export interface HistorySettingsView {
  retentionDays: number;
  rolledUpTo: number | null;
  checkpointedTo: number | null;
  prunedAt: number | null;
}

export async function loadHistorySettings(prisma: PrismaClient): Promise<HistorySettingsView> {
  const row = await prisma.historySettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  return {
    retentionDays: row.retentionDays,
    rolledUpTo: row.rolledUpTo?.getTime() ?? null,
    checkpointedTo: row.checkpointedTo?.getTime() ?? null,
    prunedAt: row.prunedAt?.getTime() ?? null,
  };
}

const yieldToPolls = () => new Promise<void>((resolve) => setImmediate(resolve));

async function earliest(prisma: PrismaClient, table: "CheckStateChange" | "BsmTransition"): Promise<number | null> {
  const [row] = await prisma.$queryRaw<{ at: Date | null }[]>(Prisma.sql`SELECT MIN(at) AS at FROM ${Prisma.raw(`"${table}"`)}`);
  return row?.at ? new Date(row.at).getTime() : null;
}

/**
 * Rolls up one chunk (at most ROLL_UP_CHUNK_MS) after rolledUpTo: the object timelines over it, their
 * non-OPERATIONAL segments, HOUR roll-ups, and the DAY roll-ups of the days it touches recomputed from
 * their HOUR rows. Returns true when more is left to roll up.
 */
export async function rollUpHistory(prisma: PrismaClient, now: number): Promise<boolean> {
  const settings = await loadHistorySettings(prisma);
  const chunk = rollUpChunk(settings, await earliest(prisma, "CheckStateChange"), now, { settleMs: SETTLE_MS, chunkMs: ROLL_UP_CHUNK_MS });
  if (chunk === null) return false;
  const timelines = await referenceTimelines(prisma, chunk);
  const segments = segmentsOfTimelines(timelines, chunk);
  const hours = hourRollupsOf(segments);
  const from = new Date(chunk.from);
  const to = new Date(chunk.to);
  const dayFrom = new Date(Math.floor(chunk.from / DAY_MS) * DAY_MS);
  await prisma.$transaction(async (tx) => {
    // Every stored segment ends by rolledUpTo: this finds none unless an earlier write got this far (by the "to" index).
    await tx.$executeRaw`DELETE FROM "BsmStateSegment" WHERE "to" > ${from}`;
    await tx.$executeRaw`DELETE FROM "BsmRollup" WHERE bucket = 'HOUR' AND start >= ${from} AND start < ${to}`;
    for (let offset = 0; offset < segments.length; offset += WRITE_BATCH_ROWS) {
      const rows = segments.slice(offset, offset + WRITE_BATCH_ROWS).map((s) => ({ ...splitObjectKey(s.key), from: s.from, to: s.to, state: s.state }));
      await tx.$executeRaw`
        INSERT INTO "BsmStateSegment" ("objectType", "objectKey", "from", "to", state)
        SELECT r."objectType"::"BsmObjectType", r."objectKey", ${Prisma.raw(utcFromEpochMs('r."from"'))}, ${Prisma.raw(utcFromEpochMs('r."to"'))}, r.state::"BsmState"
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("objectType" text, "objectKey" text, "from" bigint, "to" bigint, state text)`;
    }
    for (let offset = 0; offset < hours.length; offset += WRITE_BATCH_ROWS) {
      const rows = hours.slice(offset, offset + WRITE_BATCH_ROWS).map((h) => ({ ...splitObjectKey(h.key), start: h.start, downtimeMs: h.downtimeMs, failedMs: h.failedMs }));
      await tx.$executeRaw`
        INSERT INTO "BsmRollup" ("objectType", "objectKey", bucket, start, "downtimeMs", "failedMs")
        SELECT r."objectType"::"BsmObjectType", r."objectKey", 'HOUR', ${Prisma.raw(utcFromEpochMs("r.start"))}, r."downtimeMs", r."failedMs"
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r("objectType" text, "objectKey" text, start bigint, "downtimeMs" int, "failedMs" int)`;
    }
    await tx.$executeRaw`DELETE FROM "BsmRollup" WHERE bucket = 'DAY' AND start >= ${dayFrom} AND start < ${to}`;
    await tx.$executeRaw`
      INSERT INTO "BsmRollup" ("objectType", "objectKey", bucket, start, "downtimeMs", "failedMs")
      SELECT "objectType", "objectKey", 'DAY', date_trunc('day', start), SUM("downtimeMs"), SUM("failedMs")
      FROM "BsmRollup" WHERE bucket = 'HOUR' AND start >= ${dayFrom} AND start < ${new Date(Math.ceil(chunk.to / DAY_MS) * DAY_MS)}
      GROUP BY "objectType", "objectKey", date_trunc('day', start)`;
    await tx.historySettings.update({ where: { id: 1 }, data: { rolledUpTo: to } });
  }, LONG_TRANSACTION);
  return rollUpChunk({ ...settings, rolledUpTo: chunk.to }, null, now, { settleMs: SETTLE_MS, chunkMs: ROLL_UP_CHUNK_MS }) !== null;
}

/**
 * Writes the next daily checkpoint (UTC midnight) not written yet, up to floor-day(now): from the previous
 * checkpoint and the transitions since, or by a full replay for the first. Returns true when more are due.
 */
export async function writeCheckpoint(prisma: PrismaClient, now: number): Promise<boolean> {
  const settings = await loadHistorySettings(prisma);
  const at = nextCheckpoint(settings, await earliest(prisma, "BsmTransition"), now);
  if (at === null) return false;
  const previous = settings.checkpointedTo;
  let states: Map<string, ObjectStateAt>;
  if (previous !== null && (await hasCheckpoint(prisma, previous))) {
    const [rows, changed] = await Promise.all([checkpointStates(prisma, previous), lastTransitionsUntil(prisma, new Date(at), new Date(previous))]);
    states = new Map([...rows, ...changed]);
  } else {
    states = await replayStatesAt(prisma, at);
  }
  const rows = checkpointRowsOf(states);
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "BsmCheckpoint" WHERE at = ${new Date(at)}`;
    for (let offset = 0; offset < rows.length; offset += WRITE_BATCH_ROWS) {
      const batch = rows.slice(offset, offset + WRITE_BATCH_ROWS);
      await tx.$executeRaw`
        INSERT INTO "BsmCheckpoint" (at, "objectType", "objectKey", state, acknowledged, impacted)
        SELECT ${new Date(at)}, r."objectType"::"BsmObjectType", r."objectKey", r.state::"BsmState", r.acknowledged, r.impacted
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r("objectType" text, "objectKey" text, state text, acknowledged boolean, impacted boolean)`;
    }
    await tx.historySettings.update({ where: { id: 1 }, data: { checkpointedTo: new Date(at) } });
  }, LONG_TRANSACTION);
  return nextCheckpoint({ ...settings, checkpointedTo: at }, null, now) !== null;
}

/** A checkpoint is complete when its marker row is there (it is written in the same transaction). */
export async function hasCheckpoint(prisma: PrismaClient, at: number): Promise<boolean> {
  const rows = await readRows<{ found: number }>(
    prisma,
    Prisma.sql`SELECT 1 AS found FROM "BsmCheckpoint" WHERE at = ${new Date(at)} AND "objectType" = 'BUSINESS_SERVICE' AND "objectKey" = ${CHECKPOINT_MARKER_KEY}`,
  );
  return rows.length > 0;
}

/** The objects stored in the checkpoint at `at` (all others were OPERATIONAL without flags). */
export async function checkpointStates(prisma: PrismaClient, at: number): Promise<Map<string, ObjectStateAt>> {
  const rows = await readPackedRows<{ objectType: string; objectKey: string; state: BsmState; acknowledged: boolean; impacted: boolean }>(
    prisma,
    Prisma.sql`SELECT "objectType"::text AS "objectType", "objectKey", state::text AS state, acknowledged, impacted
      FROM "BsmCheckpoint" WHERE at = ${new Date(at)} AND "objectKey" <> ${CHECKPOINT_MARKER_KEY}`,
  );
  return new Map(rows.map((row) => [`${row.objectType}:${row.objectKey}`, { state: row.state, acknowledged: row.acknowledged, impacted: row.impacted }]));
}

/**
 * The rows before the cutoff (`where`), deleted in batches by ctid. Where only some of them go (`expired`),
 * their ctids are read first; `where` still guards each delete.
 * By ctid, a delete visits only the pages it writes anyway, reached through the table's time index. By id,
 * each row cost a probe into the id index, and where ids do not follow time (history copied in, as
 * bench:history loads it) 5,000 segments' probes read as many scattered pages: 0.6–3.8 s a batch at full
 * size on PGlite, against at most 27 ms by ctid.
 */
export type PruneTarget = { table: string; where: (cutoff: Date) => Prisma.Sql; expired?: (cutoff: Date, limit: number) => Prisma.Sql };

/** How many batches of expired rows one read of an `expired` target returns. */
export const EXPIRED_BATCHES_PER_READ = 20;

export const PRUNE_TARGETS: readonly PruneTarget[] = [
  {
    // Each check's last entry before the cutoff still holds at the cutoff: it stays. The rest are found in
    // one read of the rows before the cutoff (a contiguous stretch of the `at` index), ranked per check,
    // then deleted. Choosing each batch with a newer-entry EXISTS made every batch sort or probe that
    // whole stretch again: 0.3–1.4 s a batch of 5,000 at full size, against 17 ms to delete them.
    table: "CheckStateChange",
    where: (cutoff) => Prisma.sql`at < ${cutoff}`,
    expired: (cutoff, limit) => Prisma.sql`SELECT ctid::text AS ctid FROM (
      SELECT ctid, row_number() OVER (PARTITION BY host, "check" ORDER BY at DESC, id DESC) AS rank FROM "CheckStateChange" WHERE at < ${cutoff}
    ) ranked WHERE rank > 1 LIMIT ${limit}`,
  },
  { table: "BsmTransition", where: (cutoff) => Prisma.sql`at < ${cutoff}` },
  { table: "BsmStateSegment", where: (cutoff) => Prisma.sql`"to" < ${cutoff}` },
  // One target per bucket, so each statement uses the (bucket, start) index.
  { table: "BsmRollup", where: (cutoff) => Prisma.sql`bucket = 'HOUR' AND start < ${new Date(cutoff.getTime() - HOUR_MS)}` },
  { table: "BsmRollup", where: (cutoff) => Prisma.sql`bucket = 'DAY' AND start < ${new Date(cutoff.getTime() - DAY_MS)}` },
  { table: "BsmCheckpoint", where: (cutoff) => Prisma.sql`at < ${cutoff}` },
  { table: "ExcludedPeriod", where: (cutoff) => Prisma.sql`"to" < ${cutoff}` },
];

/** The tables pruning deletes from: where nothing vacuums them, their freed space is never reused. */
export const PRUNED_TABLES = [...new Set(PRUNE_TARGETS.map((target) => target.table))];

/**
 * VACUUM of one history table. PGlite runs PostgreSQL as a single process, without the autovacuum
 * workers: without this, pruned rows' space is never reused and retention bounds the rows but not the
 * files. Each run scans only the pages changed since the last (the visibility map), and PostgreSQL skips
 * the index pass while few pages hold deleted rows. No ANALYZE: it reads 30,000 random pages of a large
 * table, 2.6–11.9 s a table at full size on PGlite (bench:history), and these index-driven reads do not
 * need its statistics.
 */
export async function vacuumTable(prisma: PrismaClient, table: (typeof PRUNED_TABLES)[number]): Promise<void> {
  await prisma.$executeRawUnsafe(`VACUUM "${table}"`);
}

/** One statement of a pruning run: a read of expired rows, or a delete. */
export interface PruneStatement {
  table: string;
  kind: "read" | "delete";
  rows: number;
  ms: number;
}

export interface PruneOptions {
  batchRows?: number;
  /** Stop after this long and go on at the next run (prunedAt is set only when all is done). */
  budgetMs?: number;
  /** Told of every statement with its rows and time (bench:history prints them). */
  onStatement?: (statement: PruneStatement) => void;
}

/**
 * Deletes history older than the retention, at most once an hour, in batches of single statements with a
 * pause between them. Returns true when it stopped on its budget with more left.
 */
export async function pruneHistory(prisma: PrismaClient, now: number, options: PruneOptions = {}): Promise<boolean> {
  const settings = await loadHistorySettings(prisma);
  if (settings.prunedAt !== null && now - settings.prunedAt < PRUNE_EVERY_MS) return false;
  const cutoff = new Date(pruneCutoff(settings.retentionDays, now));
  const batchRows = options.batchRows ?? PRUNE_BATCH_ROWS;
  const startedAt = performance.now();
  const overBudget = () => options.budgetMs !== undefined && performance.now() - startedAt > options.budgetMs;
  const table = (target: PruneTarget) => Prisma.raw(`"${target.table}"`);
  const timed = async <T>(target: PruneTarget, kind: PruneStatement["kind"], statement: Promise<T>, rowsOf: (result: T) => number) => {
    const statementStart = performance.now();
    const result = await statement;
    options.onStatement?.({ table: target.table, kind, rows: rowsOf(result), ms: performance.now() - statementStart });
    return result;
  };
  for (const target of PRUNE_TARGETS) {
    if (target.expired) {
      for (;;) {
        const limit = batchRows * EXPIRED_BATCHES_PER_READ;
        const rows = await timed(target, "read", readPackedRows<{ ctid: string }>(prisma, target.expired(cutoff, limit)), (read) => read.length);
        const ctids = rows.map((row) => row.ctid);
        for (let offset = 0; offset < ctids.length; offset += batchRows) {
          const batch = ctids.slice(offset, offset + batchRows);
          await timed(target, "delete", prisma.$executeRaw(Prisma.sql`DELETE FROM ${table(target)} WHERE ctid = ANY(${batch}::tid[]) AND ${target.where(cutoff)}`), (deleted) => deleted);
          await yieldToPolls();
          if (overBudget()) return true;
        }
        if (ctids.length < limit) break;
      }
      continue;
    }
    for (;;) {
      const deleted = await timed(
        target,
        "delete",
        prisma.$executeRaw(Prisma.sql`DELETE FROM ${table(target)} WHERE ctid IN (SELECT ctid FROM ${table(target)} WHERE ${target.where(cutoff)} LIMIT ${batchRows})`),
        (count) => count,
      );
      await yieldToPolls();
      if (deleted < batchRows) break;
      if (overBudget()) return true;
    }
  }
  await prisma.historySettings.update({ where: { id: 1 }, data: { prunedAt: new Date(now) } });
  return false;
}

export interface HistoryJobOptions {
  prisma: PrismaClient;
  now?: () => number;
  log?: LogLine;
  everyMs?: number;
  /** Pruning's share of one run. */
  pruneBudgetMs?: number;
  /** Vacuum the history tables, one a run, every VACUUM_EVERY_MS: for a database without autovacuum (PGlite). */
  vacuum?: boolean;
}

/**
 * Runs the history job when due: every few minutes, or at each call while it is catching up (one chunk
 * of roll-ups, one checkpoint, a budget of pruning per call). Never throws: a failing run is logged.
 */
export class HistoryJob {
  private dueAt = 0;
  private vacuumDueAt = 0;
  private nextVacuumTable = 0;
  private readonly now: () => number;

  constructor(private readonly options: HistoryJobOptions) {
    this.now = options.now ?? Date.now;
  }

  async runIfDue(): Promise<void> {
    const now = this.now();
    if (now < this.dueAt) return;
    const { prisma } = this.options;
    try {
      const moreRollUps = await rollUpHistory(prisma, now);
      const moreCheckpoints = await writeCheckpoint(prisma, now);
      const morePruning = await pruneHistory(prisma, now, { budgetMs: this.options.pruneBudgetMs ?? 500 });
      const moreVacuums = this.options.vacuum ? await this.vacuumNextTable(now) : false;
      this.dueAt = moreRollUps || moreCheckpoints || morePruning || moreVacuums ? now : now + (this.options.everyMs ?? HISTORY_JOB_EVERY_MS);
    } catch (error) {
      this.options.log?.(`History job failed: ${(error as Error).message}`, "error");
      this.dueAt = now + (this.options.everyMs ?? HISTORY_JOB_EVERY_MS);
    }
  }

  /** One table per run, so a poll waits for one table's vacuum at most. Returns true when more are due. */
  private async vacuumNextTable(now: number): Promise<boolean> {
    if (now < this.vacuumDueAt) return false;
    await vacuumTable(this.options.prisma, PRUNED_TABLES[this.nextVacuumTable]);
    this.nextVacuumTable = (this.nextVacuumTable + 1) % PRUNED_TABLES.length;
    if (this.nextVacuumTable > 0) return true;
    this.vacuumDueAt = now + VACUUM_EVERY_MS;
    return false;
  }
}
