// Reading history for any window: availability, problem periods and the tree's state at a moment.
// These are the functions every page, API route, report and trigger calls (docs/history.md). They read
// what the history job stored (DAY and HOUR roll-ups, segments, daily checkpoints) and compute only the
// part after rolledUpTo from the raw history; the results equal the reference reads (reference.ts).

import { Prisma, type PrismaClient } from "@prisma/client";
import type { BsmState, StateSegment } from "../bsm";
import { idsOfKeys, objectRefKey, parseComponentHostKey, type BsmObjectRef } from "../status/bsm-object";
import { AVAILABILITY_REFRESH_MS } from "../poller/availability-keeper";
import { segmentsOfStoredTimeline } from "../status/stored-timeline";
import { readRows } from "../db/direct-read";
import { readPackedRows } from "../db/packed-rows";
import { DAY_MS, type Interval } from "../time/calendar";
import { mergeProblemPeriods, type WindowFigures } from "./figures";
import { SETTLE_MS, checkpointStates, hasCheckpoint } from "./job";
import {
  bucketFigures,
  cutToNow,
  excludedIntervalsOver,
  existedAtFunction,
  firstTransitionsAfter,
  lastTransitionsUntil,
  noExcludedPeriods,
  referenceProblemPeriods,
  referenceTreeStateAt,
  type ByObject,
  type ObjectStateAt,
  type WindowQuery,
} from "./reference";
import { clipPeriods, figuresWithRollups, planWindow, type Totals } from "./rollup";
import { epochMs, isOneOf, keysByType } from "./sql";

export { creationTimes, excludedIntervalsOver, type ByObject, type ObjectStateAt, type WindowQuery } from "./reference";

async function rolledUpTo(prisma: PrismaClient): Promise<number | null> {
  const rows = await readRows<{ rolledUpTo: number | null }>(prisma, Prisma.sql`SELECT ${epochMs('"rolledUpTo"')} AS "rolledUpTo" FROM "HistorySettings" WHERE id = 1`);
  return rows[0]?.rolledUpTo ?? null;
}

/** The objects that exist (a component host: listed in its component), with their creation times (a component host: its component's). */
async function existingObjects(prisma: PrismaClient, refs: readonly BsmObjectRef[]): Promise<ByObject<number>> {
  const serviceIds = idsOfKeys(refs.filter((ref) => ref.objectType === "BUSINESS_SERVICE").map((ref) => ref.objectKey));
  const componentKeys = refs.filter((ref) => ref.objectType === "COMPONENT").map((ref) => ref.objectKey);
  const hostRefs = refs.flatMap((ref) => (ref.objectType === "COMPONENT_HOST" ? [parseComponentHostKey(ref.objectKey)].filter((p) => p !== null) : []));
  const hostComponentIds = idsOfKeys(hostRefs.map((parsed) => String(parsed.componentId)));
  const componentIds = [...idsOfKeys(componentKeys), ...hostComponentIds];
  const [services, components, memberships] = await Promise.all([
    serviceIds.length === 0
      ? []
      : readPackedRows<{ id: number; createdAt: number }>(prisma, Prisma.sql`SELECT id, ${epochMs('"createdAt"')} AS "createdAt" FROM "BusinessService" WHERE id = ANY(${serviceIds}::int[])`),
    componentIds.length === 0
      ? []
      : readPackedRows<{ id: number; createdAt: number }>(prisma, Prisma.sql`SELECT id, ${epochMs('"createdAt"')} AS "createdAt" FROM "Component" WHERE id = ANY(${componentIds}::int[])`),
    hostComponentIds.length === 0
      ? []
      : readPackedRows<{ componentId: number; host: string }>(
          prisma,
          Prisma.sql`SELECT ch."componentId", h.name AS host FROM "ComponentHost" ch JOIN "Host" h ON h.id = ch."hostId" WHERE ch."componentId" = ANY(${hostComponentIds}::int[])`,
        ),
  ]);
  const result: ByObject<number> = new Map();
  const wanted = new Set(refs.map(objectRefKey));
  const componentCreated = new Map(components.map((component) => [component.id, component.createdAt]));
  for (const service of services) result.set(`BUSINESS_SERVICE:${service.id}`, service.createdAt);
  for (const component of components) if (wanted.has(`COMPONENT:${component.id}`)) result.set(`COMPONENT:${component.id}`, component.createdAt);
  for (const membership of memberships) {
    const key = `COMPONENT_HOST:${membership.componentId}:${membership.host}`;
    if (wanted.has(key)) result.set(key, componentCreated.get(membership.componentId)!);
  }
  return result;
}

/**
 * Stored segments of the objects cut to the intervals, in no particular order (an index scan over many keys
 * is not ordered by time; sorting them all spills to disk). The bounds on "to" and "from" around all the
 * intervals make each object's part one range of the (objectType, objectKey, to, from, state) index.
 */
async function storedSegments(prisma: PrismaClient, refs: readonly BsmObjectRef[], intervals: readonly Interval[]): Promise<ByObject<StateSegment<BsmState>[]>> {
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  if (refs.length === 0 || intervals.length === 0) return result;
  const overlaps = Prisma.join(
    intervals.map((i) => Prisma.sql`("from" < ${new Date(i.to)} AND "to" > ${new Date(i.from)})`),
    " OR ",
  );
  const earliest = new Date(Math.min(...intervals.map((i) => i.from)));
  const latest = new Date(Math.max(...intervals.map((i) => i.to)));
  const rows = await readPackedRows<{ objectType: string; objectKey: string; from: number; to: number; state: BsmState }>(prisma, Prisma.sql`
    SELECT "objectType"::text AS "objectType", "objectKey", ${epochMs('"from"')} AS "from", ${epochMs('"to"')} AS "to", state::text AS state
    FROM "BsmStateSegment" WHERE (${isOneOf(refs)}) AND "to" > ${earliest} AND "from" < ${latest} AND (${overlaps})`);
  for (const row of rows) {
    const key = `${row.objectType}:${row.objectKey}`;
    let list = result.get(key);
    if (list === undefined) result.set(key, (list = []));
    for (const clipped of clipPeriods([row], intervals)) list.push(clipped);
  }
  return result;
}

/** Per object, the roll-ups summed: DAY rows starting inside `days`, HOUR rows starting inside `hours`. */
async function rolledUpTotals(prisma: PrismaClient, refs: readonly BsmObjectRef[], days: Interval | null, hours: readonly Interval[]): Promise<ByObject<Totals>> {
  const result: ByObject<Totals> = new Map();
  const ranges = [...(days ? [{ bucket: "DAY", range: days }] : []), ...hours.map((range) => ({ bucket: "HOUR", range }))];
  if (refs.length === 0 || ranges.length === 0) return result;
  // One primary-key range per object type and bucket range, summed per key: no OR for the planner to turn into a bitmap scan and a sort.
  const parts = [...keysByType(refs)].flatMap(([type, keys]) =>
    ranges.map(({ bucket, range }) => Prisma.sql`
      SELECT ${type}::text AS "objectType", "objectKey", SUM("downtimeMs")::float8 AS "downtimeMs", SUM("failedMs")::float8 AS "failedMs"
      FROM "BsmRollup" WHERE "objectType" = ${type}::"BsmObjectType" AND "objectKey" = ANY(${keys}::text[])
        AND bucket = ${bucket}::"HistoryBucket" AND start >= ${new Date(range.from)} AND start < ${new Date(range.to)}
      GROUP BY "objectKey"`),
  );
  const rows = await readPackedRows<{ objectType: string; objectKey: string; downtimeMs: number; failedMs: number }>(prisma, Prisma.join(parts, " UNION ALL "));
  for (const row of rows) {
    const key = `${row.objectType}:${row.objectKey}`;
    const sum = result.get(key);
    if (sum) result.set(key, { downtimeMs: sum.downtimeMs + row.downtimeMs, failedMs: sum.failedMs + row.failedMs });
    else result.set(key, { downtimeMs: row.downtimeMs, failedMs: row.failedMs });
  }
  return result;
}

/**
 * For each of `refs` touched by one of these hosts (a component or business service: through its
 * components), whether one of its hosts is marked true; untouched refs are absent.
 */
async function markedThroughHosts(prisma: PrismaClient, refs: readonly BsmObjectRef[], markOfHost: ReadonlyMap<string, boolean>): Promise<ByObject<boolean>> {
  const result: ByObject<boolean> = new Map();
  if (markOfHost.size === 0) return result;
  const memberships = await readPackedRows<{ componentId: number; host: string }>(
    prisma,
    Prisma.sql`SELECT ch."componentId", h.name AS host FROM "ComponentHost" ch JOIN "Host" h ON h.id = ch."hostId" WHERE h.name = ANY(${[...markOfHost.keys()]}::text[])`,
  );
  const markOfComponent = new Map<string, boolean>();
  for (const { componentId, host } of memberships) markOfComponent.set(String(componentId), (markOfComponent.get(String(componentId)) ?? false) || markOfHost.get(host)!);
  const services =
    markOfComponent.size === 0
      ? []
      : await readPackedRows<{ businessServiceId: number; componentId: number }>(
          prisma,
          Prisma.sql`SELECT "businessServiceId", "componentId" FROM "BusinessServiceComponent" WHERE "componentId" = ANY(${idsOfKeys([...markOfComponent.keys()])}::int[])`,
        );
  const markOfService = new Map<string, boolean>();
  for (const { businessServiceId, componentId } of services) {
    markOfService.set(String(businessServiceId), (markOfService.get(String(businessServiceId)) ?? false) || markOfComponent.get(String(componentId))!);
  }
  for (const ref of refs) {
    const mark =
      ref.objectType === "BUSINESS_SERVICE"
        ? markOfService.get(ref.objectKey)
        : ref.objectType === "COMPONENT"
          ? markOfComponent.get(ref.objectKey)
          : markOfHost.get(parseComponentHostKey(ref.objectKey)?.host ?? "");
    if (mark !== undefined) result.set(objectRefKey(ref), mark);
  }
  return result;
}

/** Check history may be stored a little after the moment it is for (docs/history.md §3.2). */
const LATE_HISTORY_MS = SETTLE_MS;

interface StoredFiguresMark {
  /** PollerStatus.availabilityAt: the stored timelines end here. */
  at: number;
  /** PollerStatus.availabilityHistoryId: the timelines saw every check history row up to this id; null when not known. */
  historyId: string | null;
}

/**
 * The objects whose stored timelines no longer hold up to `to`: with `late` history (stored after the
 * timelines, for a moment before their end: recompute the whole tail) or with history only `after` their
 * end (keep the stored timeline up to it). Without the id, any history in the LATE_HISTORY_MS before the
 * end counts as late.
 */
async function changedSinceStored(
  prisma: PrismaClient,
  refs: readonly BsmObjectRef[],
  stored: StoredFiguresMark,
  to: number,
): Promise<{ late: BsmObjectRef[]; after: BsmObjectRef[] }> {
  const rows =
    stored.historyId === null
      ? await readPackedRows<{ host: string; late: boolean }>(
          prisma,
          Prisma.sql`SELECT DISTINCT host, TRUE AS late FROM "CheckStateChange" WHERE at > ${new Date(stored.at - LATE_HISTORY_MS)} AND at <= ${new Date(to)}`,
        )
      : await readPackedRows<{ host: string; late: boolean }>(
          prisma,
          Prisma.sql`SELECT host, bool_or(at <= ${new Date(stored.at)}) AS late FROM "CheckStateChange"
            WHERE (id > ${stored.historyId}::bigint OR at > ${new Date(stored.at)}) AND at <= ${new Date(to)} GROUP BY host`,
        );
  const late = await markedThroughHosts(prisma, refs, new Map(rows.map((row) => [row.host, row.late])));
  return {
    late: refs.filter((ref) => late.get(objectRefKey(ref)) === true),
    after: refs.filter((ref) => late.get(objectRefKey(ref)) === false),
  };
}

/**
 * The tail's problem periods from the 24-hour timelines the poller stores (BsmObjectStatus.timeline, as of
 * PollerStatus.availabilityAt, computed by the same engine from the same history), when they cover it.
 * After availabilityAt (up to two refreshes), an object keeps its last state unless its hosts have history
 * the timelines did not see: those objects are computed from the raw history, from availabilityAt on when
 * that history is all dated after it, else for the whole tail. Null: compute the whole tail from the raw history.
 */
async function storedTail(prisma: PrismaClient, refs: readonly BsmObjectRef[], tail: Interval): Promise<ByObject<StateSegment<BsmState>[]> | null> {
  const [poller] = await readRows<{ at: number | null; historyId: string | null }>(
    prisma,
    Prisma.sql`SELECT ${epochMs('"availabilityAt"')} AS at, "availabilityHistoryId"::text AS "historyId" FROM "PollerStatus" WHERE id = 1`,
  );
  const at = poller?.at;
  if (at === null || at === undefined || tail.from < at - DAY_MS || tail.to > at + 2 * AVAILABILITY_REFRESH_MS) return null;
  const end = Math.max(at, tail.to);
  const [rows, changed] = await Promise.all([
    readPackedRows<{ objectType: string; objectKey: string; timeline: unknown }>(
      prisma,
      Prisma.sql`SELECT "objectType"::text AS "objectType", "objectKey", timeline FROM "BsmObjectStatus" WHERE ${isOneOf(refs)}`,
    ),
    changedSinceStored(prisma, refs, { at, historyId: poller!.historyId }, end),
  ]);
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  for (const row of rows) {
    const segments = segmentsOfStoredTimeline(row.timeline, at - DAY_MS, end);
    if (segments === null) return null;
    result.set(`${row.objectType}:${row.objectKey}`, mergeProblemPeriods(clipPeriods(segments, [tail])));
  }
  const split = Math.max(at, tail.from);
  const [late, after] = await Promise.all([
    referenceProblemPeriods(prisma, changed.late, { ...tail, now: tail.to }),
    // Their history after `at` changes nothing before it: the stored timeline holds up to there.
    tail.to > split ? referenceProblemPeriods(prisma, changed.after, { from: split, to: tail.to, now: tail.to }) : new Map<string, StateSegment<BsmState>[]>(),
  ]);
  for (const [key, periods] of after) {
    const storedPart = clipPeriods(result.get(key) ?? [], [{ from: tail.from, to: split }]);
    result.set(key, mergeProblemPeriods([...storedPart, ...periods]));
  }
  for (const [key, periods] of late) result.set(key, periods);
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
 * current status), read from the nearer of the day's two checkpoints and the transitions between it and
 * `at`. Objects created after `at` are absent.
 */
export async function treeStateAt(prisma: PrismaClient, at: number): Promise<ByObject<ObjectStateAt>> {
  const dayStart = Math.floor(at / DAY_MS) * DAY_MS;
  const nextDay = dayStart + DAY_MS;
  // From the next midnight backwards: each object's first transition after `at` says what it left.
  const backwards = nextDay - at < at - dayStart && (await hasCheckpoint(prisma, nextDay));
  if (!backwards && !(await hasCheckpoint(prisma, dayStart))) return referenceTreeStateAt(prisma, at);
  const checkpoint = backwards ? nextDay : dayStart;
  const [current, stored, changed, existedAt] = await Promise.all([
    currentObjectKeys(prisma),
    checkpointStates(prisma, checkpoint),
    backwards ? firstTransitionsAfter(prisma, new Date(at), new Date(checkpoint)) : lastTransitionsUntil(prisma, new Date(at), new Date(checkpoint)),
    existedAtFunction(prisma, at),
  ]);
  const result: ByObject<ObjectStateAt> = new Map();
  for (const { objectType, keys } of current) {
    for (const objectKey of keys) {
      if (!existedAt(objectType, objectKey)) continue;
      const key = `${objectType}:${objectKey}`;
      result.set(key, changed.get(key) ?? stored.get(key) ?? { state: "OPERATIONAL", acknowledged: false, impacted: false });
    }
  }
  return result;
}

/** The keys of every object with a status, one list per object type (a row per object would cost more to read than the rest of treeStateAt). */
function currentObjectKeys(prisma: PrismaClient): Promise<{ objectType: string; keys: string[] }[]> {
  return readRows(prisma, Prisma.sql`SELECT "objectType"::text AS "objectType", json_agg("objectKey") AS keys FROM "BsmObjectStatus" GROUP BY "objectType"`);
}
