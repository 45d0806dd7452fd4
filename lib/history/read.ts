// Reading history for any window: availability, problem periods and the tree's state at a moment.
// These are the functions every page, API route, report and trigger calls (docs/history.md). They read
// what the history job stored (DAY and HOUR roll-ups, segments, daily checkpoints) and compute only the
// part after rolledUpTo from the raw history; the results equal the reference reads (reference.ts).

import { Prisma, type PrismaClient } from "@prisma/client";
import type { BsmConfig, BsmState, StateSegment } from "../bsm";
import { loadBsmConfig } from "../poller/load-bsm-config";
import { objectRefKey, parseComponentHostKey, type BsmObjectRef } from "../status/bsm-object";
import { DAY_MS, type Interval } from "../time/calendar";
import { mergeProblemPeriods, type WindowFigures } from "./figures";
import { checkpointStates, hasCheckpoint } from "./job";
import {
  bucketFigures,
  cutToNow,
  excludedIntervalsOver,
  existedAtFunction,
  lastTransitionsUntil,
  noExcludedPeriods,
  referenceProblemPeriods,
  referenceTreeStateAt,
  type ByObject,
  type ObjectStateAt,
  type WindowQuery,
} from "./reference";
import { clipPeriods, figuresWithRollups, planWindow, type Totals } from "./rollup";

export { creationTimes, excludedIntervalsOver, type ByObject, type ObjectStateAt, type WindowQuery } from "./reference";

async function rolledUpTo(prisma: PrismaClient): Promise<number | null> {
  const row = await prisma.historySettings.findUnique({ where: { id: 1 }, select: { rolledUpTo: true } });
  return row?.rolledUpTo?.getTime() ?? null;
}

/** The objects that exist (a component host: listed in its component), with their creation times. */
function existingObjects(config: BsmConfig, refs: readonly BsmObjectRef[]): ByObject<number | undefined> {
  const components = new Map(config.components.map((c) => [c.id, c]));
  const services = new Map(config.businessServices.map((s) => [s.id, s]));
  const result: ByObject<number | undefined> = new Map();
  for (const ref of refs) {
    if (ref.objectType === "BUSINESS_SERVICE") {
      const service = services.get(ref.objectKey);
      if (service) result.set(objectRefKey(ref), service.createdAt);
    } else if (ref.objectType === "COMPONENT") {
      const component = components.get(ref.objectKey);
      if (component) result.set(objectRefKey(ref), component.createdAt);
    } else {
      const parsed = parseComponentHostKey(ref.objectKey);
      const component = parsed ? components.get(String(parsed.componentId)) : undefined;
      if (component && parsed && component.hosts.includes(parsed.host)) result.set(objectRefKey(ref), component.createdAt);
    }
  }
  return result;
}

/** SQL: the row is one of these objects. */
function isOneOf(refs: readonly BsmObjectRef[]): Prisma.Sql {
  const byType = new Map<string, string[]>();
  for (const ref of refs) byType.set(ref.objectType, [...(byType.get(ref.objectType) ?? []), ref.objectKey]);
  const parts = [...byType].map(([type, keys]) => Prisma.sql`("objectType" = ${type}::"BsmObjectType" AND "objectKey" = ANY(${keys}::text[]))`);
  return parts.length === 0 ? Prisma.sql`FALSE` : Prisma.join(parts, " OR ");
}

/** Stored segments of the objects cut to the intervals. */
async function storedSegments(prisma: PrismaClient, refs: readonly BsmObjectRef[], intervals: readonly Interval[]): Promise<ByObject<StateSegment<BsmState>[]>> {
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  if (refs.length === 0 || intervals.length === 0) return result;
  const overlaps = Prisma.join(
    intervals.map((i) => Prisma.sql`("from" < ${new Date(i.to)} AND "to" > ${new Date(i.from)})`),
    " OR ",
  );
  const rows = await prisma.$queryRaw<{ objectType: string; objectKey: string; from: Date; to: Date; state: BsmState }[]>(Prisma.sql`
    SELECT "objectType"::text AS "objectType", "objectKey", "from", "to", state::text AS state
    FROM "BsmStateSegment" WHERE (${isOneOf(refs)}) AND (${overlaps}) ORDER BY "from"`);
  for (const row of rows) {
    const key = `${row.objectType}:${row.objectKey}`;
    const list = result.get(key) ?? [];
    list.push(...clipPeriods([{ from: new Date(row.from).getTime(), to: new Date(row.to).getTime(), state: row.state }], intervals));
    result.set(key, list);
  }
  return result;
}

/** Per object, the roll-ups summed: DAY rows starting inside `days`, HOUR rows starting inside `hours`. */
async function rolledUpTotals(prisma: PrismaClient, refs: readonly BsmObjectRef[], days: Interval | null, hours: readonly Interval[]): Promise<ByObject<Totals>> {
  const result: ByObject<Totals> = new Map();
  const buckets = [
    ...(days ? [Prisma.sql`(bucket = 'DAY' AND start >= ${new Date(days.from)} AND start < ${new Date(days.to)})`] : []),
    ...hours.map((h) => Prisma.sql`(bucket = 'HOUR' AND start >= ${new Date(h.from)} AND start < ${new Date(h.to)})`),
  ];
  if (refs.length === 0 || buckets.length === 0) return result;
  const rows = await prisma.$queryRaw<{ objectType: string; objectKey: string; downtimeMs: bigint | number; failedMs: bigint | number }[]>(Prisma.sql`
    SELECT "objectType"::text AS "objectType", "objectKey", SUM("downtimeMs") AS "downtimeMs", SUM("failedMs") AS "failedMs"
    FROM "BsmRollup" WHERE (${isOneOf(refs)}) AND (${Prisma.join(buckets, " OR ")})
    GROUP BY "objectType", "objectKey"`);
  for (const row of rows) result.set(`${row.objectType}:${row.objectKey}`, { downtimeMs: Number(row.downtimeMs), failedMs: Number(row.failedMs) });
  return result;
}

/** Problem periods of the existing objects over the window: stored segments up to rolledUpTo, the raw history after. */
async function periodsOver(
  prisma: PrismaClient,
  config: BsmConfig,
  refs: readonly BsmObjectRef[],
  window: Interval,
  rolledEnd: number,
): Promise<ByObject<StateSegment<BsmState>[]>> {
  const rolled = rolledEnd > window.from ? [{ from: window.from, to: rolledEnd }] : [];
  const tail = window.to > Math.max(rolledEnd, window.from) ? { from: Math.max(rolledEnd, window.from), to: window.to } : null;
  const [stored, raw] = await Promise.all([
    storedSegments(prisma, refs, rolled),
    tail ? referenceProblemPeriods(prisma, refs, { ...tail, now: tail.to }, config) : Promise.resolve(new Map<string, StateSegment<BsmState>[]>()),
  ]);
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  for (const key of existingObjects(config, refs).keys()) result.set(key, mergeProblemPeriods([...(stored.get(key) ?? []), ...(raw.get(key) ?? [])]));
  return result;
}

function rolledEndOf(window: Interval, rolledUpTo: number | null): number {
  return rolledUpTo === null ? window.from : Math.max(window.from, Math.min(window.to, rolledUpTo));
}

/**
 * Every non-OPERATIONAL period of each object inside the window (merged: one row per outage, cut to the
 * window). Objects that do not exist (any more) are absent.
 */
export async function problemPeriodsOver(
  prisma: PrismaClient,
  refs: readonly BsmObjectRef[],
  window: Interval & { now?: number },
): Promise<ByObject<StateSegment<BsmState>[]>> {
  const cut = cutToNow(window);
  if (refs.length === 0 || cut.to <= cut.from) return new Map();
  const [config, rolled] = await Promise.all([loadBsmConfig(prisma), rolledUpTo(prisma)]);
  return periodsOver(prisma, config, refs, cut, rolledEndOf(cut, rolled));
}

/** Availability of each object over the window (cut to now), excluded periods left out unless asked not to. */
export async function availabilityOver(prisma: PrismaClient, refs: readonly BsmObjectRef[], query: WindowQuery): Promise<ByObject<WindowFigures>> {
  const window = cutToNow(query);
  const [config, rolled, excluded] = await Promise.all([
    loadBsmConfig(prisma),
    rolledUpTo(prisma),
    query.applyExcludedPeriods === false ? noExcludedPeriods() : excludedIntervalsOver(prisma, refs, window),
  ]);
  const existing = existingObjects(config, refs);
  const plan = planWindow(window, rolled);
  const rolledEnd = rolledEndOf(window, rolled);
  // Excluded periods need the exact intervals: those objects read segments for the whole rolled-up part.
  const exact = refs.filter((ref) => existing.has(objectRefKey(ref)) && (excluded.get(objectRefKey(ref))?.length ?? 0) > 0);
  const summed = refs.filter((ref) => existing.has(objectRefKey(ref)) && !exact.includes(ref));
  const [totals, edges, exactPeriods, tail] = await Promise.all([
    rolledUpTotals(prisma, summed, plan.days, plan.hours),
    storedSegments(prisma, summed, plan.edges),
    storedSegments(prisma, exact, rolledEnd > window.from ? [{ from: window.from, to: rolledEnd }] : []),
    plan.tail ? referenceProblemPeriods(prisma, [...summed, ...exact], { ...plan.tail, now: plan.tail.to }, config) : Promise.resolve(new Map<string, StateSegment<BsmState>[]>()),
  ]);
  const result: ByObject<WindowFigures> = new Map();
  for (const [key, createdAt] of existing) {
    const periods = [...(edges.get(key) ?? []), ...(exactPeriods.get(key) ?? []), ...(tail.get(key) ?? [])];
    result.set(
      key,
      figuresWithRollups(periods, totals.get(key) ?? { downtimeMs: 0, failedMs: 0 }, window, {
        createdAt,
        excluded: excluded.get(key),
        excludeDowntime: query.excludeDowntime,
      }),
    );
  }
  return result;
}

/** One object's figures per bucket (buckets tile a range, e.g. from bucketsFor); empty when it does not exist. */
export async function bucketedAvailability(
  prisma: PrismaClient,
  ref: BsmObjectRef,
  buckets: readonly Interval[],
  query: Omit<WindowQuery, "from" | "to">,
): Promise<WindowFigures[]> {
  if (buckets.length === 0) return [];
  const span = cutToNow({ from: buckets[0]!.from, to: buckets.at(-1)!.to, now: query.now });
  const key = objectRefKey(ref);
  const [config, rolled, excluded] = await Promise.all([
    loadBsmConfig(prisma),
    rolledUpTo(prisma),
    query.applyExcludedPeriods === false ? noExcludedPeriods() : excludedIntervalsOver(prisma, [ref], span),
  ]);
  const existing = existingObjects(config, [ref]);
  if (!existing.has(key)) return [];
  const periods = span.to > span.from ? await periodsOver(prisma, config, [ref], span, rolledEndOf(span, rolled)) : new Map<string, StateSegment<BsmState>[]>();
  return bucketFigures(periods.get(key) ?? [], buckets, span, { createdAt: existing.get(key), excluded: excluded.get(key), excludeDowntime: query.excludeDowntime });
}

/**
 * Every current object's state and flags as the dashboard showed them at `at` (as replayed from the stored
 * transitions: the last transition at or before `at`, else the state the first later one left, else the
 * current status), read from the day's checkpoint and the transitions since. Objects created after `at` are absent.
 */
export async function treeStateAt(prisma: PrismaClient, at: number): Promise<ByObject<ObjectStateAt>> {
  const checkpoint = Math.floor(at / DAY_MS) * DAY_MS;
  if (!(await hasCheckpoint(prisma, checkpoint))) return referenceTreeStateAt(prisma, at);
  const [statuses, stored, changed, existedAt] = await Promise.all([
    prisma.bsmObjectStatus.findMany({ select: { objectType: true, objectKey: true } }),
    checkpointStates(prisma, checkpoint),
    lastTransitionsUntil(prisma, new Date(at), new Date(checkpoint)),
    existedAtFunction(prisma, at),
  ]);
  const result: ByObject<ObjectStateAt> = new Map();
  for (const status of statuses) {
    if (!existedAt(status.objectType, status.objectKey)) continue;
    const key = `${status.objectType}:${status.objectKey}`;
    result.set(key, changed.get(key) ?? stored.get(key) ?? { state: "OPERATIONAL", acknowledged: false, impacted: false });
  }
  return result;
}
