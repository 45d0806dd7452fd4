// Reading history for any window: availability, problem periods and the tree's state at a moment.
// These are the functions every page, API route, report and trigger calls (docs/history.md). They read
// what the history job stored (DAY and HOUR roll-ups, segments, daily checkpoints) and compute only the
// part after rolledUpTo from the raw history; the results equal the reference reads (reference.ts).

import { Prisma, type PrismaClient } from "@prisma/client";
import type { BsmState, StateSegment } from "../bsm";
import { objectRefKey, parseComponentHostKey, type BsmObjectRef } from "../status/bsm-object";
import { AVAILABILITY_REFRESH_MS } from "../poller/availability-keeper";
import { segmentsOfStoredTimeline } from "../status/stored-timeline";
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

const idsOf = (keys: readonly string[]) => keys.map(Number).filter((id) => Number.isSafeInteger(id));

/** The objects that exist (a component host: listed in its component), with their creation times (a component host: its component's). */
async function existingObjects(prisma: PrismaClient, refs: readonly BsmObjectRef[]): Promise<ByObject<number>> {
  const serviceIds = idsOf(refs.filter((ref) => ref.objectType === "BUSINESS_SERVICE").map((ref) => ref.objectKey));
  const componentKeys = refs.filter((ref) => ref.objectType === "COMPONENT").map((ref) => ref.objectKey);
  const hostRefs = refs.flatMap((ref) => (ref.objectType === "COMPONENT_HOST" ? [parseComponentHostKey(ref.objectKey)].filter((p) => p !== null) : []));
  const componentIds = idsOf([...componentKeys, ...hostRefs.map((parsed) => String(parsed.componentId))]);
  const [services, components, memberships] = await Promise.all([
    serviceIds.length === 0 ? [] : prisma.businessService.findMany({ where: { id: { in: serviceIds } }, select: { id: true, createdAt: true } }),
    componentIds.length === 0 ? [] : prisma.component.findMany({ where: { id: { in: componentIds } }, select: { id: true, createdAt: true } }),
    hostRefs.length === 0
      ? []
      : prisma.componentHost.findMany({ where: { componentId: { in: idsOf(hostRefs.map((parsed) => String(parsed.componentId))) } }, select: { componentId: true, host: { select: { name: true } } } }),
  ]);
  const result: ByObject<number> = new Map();
  const wanted = new Set(refs.map(objectRefKey));
  const componentCreated = new Map(components.map((component) => [component.id, component.createdAt.getTime()]));
  for (const service of services) result.set(`BUSINESS_SERVICE:${service.id}`, service.createdAt.getTime());
  for (const component of components) if (wanted.has(`COMPONENT:${component.id}`)) result.set(`COMPONENT:${component.id}`, component.createdAt.getTime());
  for (const membership of memberships) {
    const key = `COMPONENT_HOST:${membership.componentId}:${membership.host.name}`;
    if (wanted.has(key)) result.set(key, componentCreated.get(membership.componentId)!);
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

/**
 * The tail's problem periods from the 24-hour timelines the poller stores (BsmObjectStatus.timeline, as of
 * PollerStatus.availabilityAt, computed by the same engine from the same history), when they cover it;
 * up to two refreshes after availabilityAt the state then holds on. Null: compute the tail from the raw history.
 */
async function storedTail(prisma: PrismaClient, refs: readonly BsmObjectRef[], tail: Interval): Promise<ByObject<StateSegment<BsmState>[]> | null> {
  const poller = await prisma.pollerStatus.findUnique({ where: { id: 1 }, select: { availabilityAt: true } });
  const at = poller?.availabilityAt?.getTime();
  if (at === undefined || tail.from < at - DAY_MS || tail.to > at + 2 * AVAILABILITY_REFRESH_MS) return null;
  const rows = await prisma.$queryRaw<{ objectType: string; objectKey: string; timeline: unknown }[]>(Prisma.sql`
    SELECT "objectType"::text AS "objectType", "objectKey", timeline FROM "BsmObjectStatus" WHERE ${isOneOf(refs)}`);
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  for (const row of rows) {
    const segments = segmentsOfStoredTimeline(row.timeline, at - DAY_MS, Math.max(at, tail.to));
    if (segments === null) return null;
    result.set(`${row.objectType}:${row.objectKey}`, mergeProblemPeriods(clipPeriods(segments, [tail])));
  }
  return result;
}

/** The tail after rolledUpTo: from the stored 24-hour timelines when they cover it, else from the raw history. */
async function tailPeriods(prisma: PrismaClient, refs: readonly BsmObjectRef[], tail: Interval | null): Promise<ByObject<StateSegment<BsmState>[]>> {
  if (tail === null || refs.length === 0) return new Map();
  return (await storedTail(prisma, refs, tail)) ?? referenceProblemPeriods(prisma, refs, { ...tail, now: tail.to });
}

/** Problem periods of the existing objects over the window: stored segments up to rolledUpTo, the raw history after. */
async function periodsOver(
  prisma: PrismaClient,
  existing: ByObject<number>,
  refs: readonly BsmObjectRef[],
  window: Interval,
  rolledEnd: number,
): Promise<ByObject<StateSegment<BsmState>[]>> {
  const rolled = rolledEnd > window.from ? [{ from: window.from, to: rolledEnd }] : [];
  const tail = window.to > Math.max(rolledEnd, window.from) ? { from: Math.max(rolledEnd, window.from), to: window.to } : null;
  const [stored, raw] = await Promise.all([
    storedSegments(prisma, refs, rolled),
    tailPeriods(prisma, refs, tail),
  ]);
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  for (const key of existing.keys()) result.set(key, mergeProblemPeriods([...(stored.get(key) ?? []), ...(raw.get(key) ?? [])]));
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
  const [existing, rolled] = await Promise.all([existingObjects(prisma, refs), rolledUpTo(prisma)]);
  return periodsOver(prisma, existing, refs, cut, rolledEndOf(cut, rolled));
}

/** Availability of each object over the window (cut to now), excluded periods left out unless asked not to. */
export async function availabilityOver(prisma: PrismaClient, refs: readonly BsmObjectRef[], query: WindowQuery): Promise<ByObject<WindowFigures>> {
  const window = cutToNow(query);
  const [existing, rolled, excluded] = await Promise.all([
    existingObjects(prisma, refs),
    rolledUpTo(prisma),
    query.applyExcludedPeriods === false ? noExcludedPeriods() : excludedIntervalsOver(prisma, refs, window),
  ]);
  const plan = planWindow(window, rolled);
  const rolledEnd = rolledEndOf(window, rolled);
  // Excluded periods need the exact intervals: those objects read segments for the whole rolled-up part.
  const present = refs.filter((ref) => existing.has(objectRefKey(ref)));
  const exact = present.filter((ref) => (excluded.get(objectRefKey(ref))?.length ?? 0) > 0);
  const summed = present.filter((ref) => (excluded.get(objectRefKey(ref))?.length ?? 0) === 0);
  const [totals, edges, exactPeriods, tail] = await Promise.all([
    rolledUpTotals(prisma, summed, plan.days, plan.hours),
    storedSegments(prisma, summed, plan.edges),
    storedSegments(prisma, exact, rolledEnd > window.from ? [{ from: window.from, to: rolledEnd }] : []),
    tailPeriods(prisma, present, plan.tail),
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
  const [existing, rolled, excluded] = await Promise.all([
    existingObjects(prisma, [ref]),
    rolledUpTo(prisma),
    query.applyExcludedPeriods === false ? noExcludedPeriods() : excludedIntervalsOver(prisma, [ref], span),
  ]);
  if (!existing.has(key)) return [];
  const periods = span.to > span.from ? await periodsOver(prisma, existing, [ref], span, rolledEndOf(span, rolled)) : new Map<string, StateSegment<BsmState>[]>();
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
