// The reference reads: exact, straight from the raw check history through the engine's computeAvailability
// and from the raw transitions. The fast reads (read.ts) must equal these; the history job builds its
// segments and roll-ups with referenceTimelines. Slow for long windows: tests and the not-yet-rolled-up tail only.

import { Prisma, type PrismaClient } from "@prisma/client";
import { checksSeenBy, computeAvailability, type BsmConfig, type BsmState, type StateSegment } from "../bsm";
import { loadBsmConfig } from "../poller/load-bsm-config";
import { loadChecks, loadWindowHistory, restrictConfig } from "../status/availability";
import {
  businessServiceRef,
  componentHostRef,
  componentRef,
  objectRefKey,
  parseComponentHostKey,
  type BsmObjectRef,
} from "../status/bsm-object";
import type { Interval } from "../time/calendar";
import { readPackedRows } from "../db/packed-rows";
import { epochMs, isOneOf } from "./sql";
import { figuresOfProblemPeriods, mergeProblemPeriods, type WindowFigures } from "./figures";

export interface WindowQuery extends Interval {
  /** Windows are cut to now (default Date.now()). */
  readonly now?: number;
  readonly excludeDowntime?: boolean;
  /** Leave the objects' excluded periods out of the figures (default true). */
  readonly applyExcludedPeriods?: boolean;
}

/** Keys: objectRefKey(ref). */
export type ByObject<T> = Map<string, T>;

export interface ObjectStateAt {
  readonly state: BsmState;
  readonly acknowledged: boolean;
  readonly impacted: boolean;
}

export function cutToNow(query: Interval & { now?: number }): Interval {
  const now = query.now ?? Date.now();
  const to = Math.min(query.to, now);
  return { from: Math.min(query.from, to), to };
}

/** The engine scope covering these objects (a component host: its component); undefined = the whole estate. */
export function scopeOf(refs: readonly BsmObjectRef[] | undefined): { businessServiceIds: string[]; componentIds: string[] } | undefined {
  if (refs === undefined) return undefined;
  const businessServiceIds: string[] = [];
  const componentIds: string[] = [];
  for (const ref of refs) {
    if (ref.objectType === "BUSINESS_SERVICE") businessServiceIds.push(ref.objectKey);
    else if (ref.objectType === "COMPONENT") componentIds.push(ref.objectKey);
    else {
      const parsed = parseComponentHostKey(ref.objectKey);
      if (parsed) componentIds.push(String(parsed.componentId));
    }
  }
  return { businessServiceIds, componentIds };
}

/**
 * Every object's state timeline over [from, to) (all objects of the scope; the whole estate without refs),
 * keyed by objectRefKey. A check whose first stored change comes after the window did not exist yet: it
 * counts as OK there (not with its current status), so the timeline of a window is the same cut from a
 * longer one and roll-ups written hour by hour add up to it.
 */
export async function referenceTimelines(
  prisma: PrismaClient,
  window: Interval,
  refs?: readonly BsmObjectRef[],
  loadedConfig?: BsmConfig,
): Promise<ByObject<StateSegment<BsmState>[]>> {
  const { from, to } = window;
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  if (to <= from) return result;
  const scope = scopeOf(refs);
  const config = loadedConfig ? restrictConfig(loadedConfig, scope) : await loadBsmConfig(prisma, scope);
  const hosts = [...new Set(config.components.flatMap((component) => component.hosts))];
  const [checks, { entries: history, changedAfter }] =
    hosts.length === 0
      ? [[], { entries: [], changedAfter: new Set<string>() }]
      : await Promise.all([loadChecks(prisma, hosts), loadWindowHistory(prisma, hosts, from, to)]);
  const seenLater = [...changedAfter].map((key) => {
    const [host, name] = key.split("\0") as [string, string];
    return { host, name, at: to + 1 };
  });
  const report = computeAvailability(
    config,
    checksSeenBy(checks, [...history, ...seenLater], to),
    history,
    { now: to, windowMs: to - from, includeTimelines: true },
  );
  for (const host of report.componentHosts) result.set(objectRefKey(componentHostRef(host.componentId, host.host)), host.timeline ?? []);
  for (const component of report.components) result.set(objectRefKey(componentRef(component.id)), component.timeline ?? []);
  for (const service of report.businessServices) result.set(objectRefKey(businessServiceRef(service.id)), service.timeline ?? []);
  return result;
}

/** problemPeriodsOver computed from the raw check history. */
export async function referenceProblemPeriods(
  prisma: PrismaClient,
  refs: readonly BsmObjectRef[],
  window: Interval & { now?: number },
  config?: BsmConfig,
): Promise<ByObject<StateSegment<BsmState>[]>> {
  const cut = cutToNow(window);
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  if (refs.length === 0 || cut.to <= cut.from) return result;
  const timelines = await referenceTimelines(prisma, cut, refs, config);
  for (const ref of refs) {
    const key = objectRefKey(ref);
    const timeline = timelines.get(key);
    if (timeline) result.set(key, mergeProblemPeriods(timeline));
  }
  return result;
}

/** When each object was created (a component host: its component); absent for objects that do not exist. */
export async function creationTimes(prisma: PrismaClient, refs: readonly BsmObjectRef[]): Promise<ByObject<number>> {
  const config = await loadBsmConfig(prisma);
  const components = new Map(config.components.map((c) => [c.id, c.createdAt]));
  const services = new Map(config.businessServices.map((s) => [s.id, s.createdAt]));
  const result: ByObject<number> = new Map();
  for (const ref of refs) {
    const createdAt =
      ref.objectType === "BUSINESS_SERVICE"
        ? services.get(ref.objectKey)
        : ref.objectType === "COMPONENT"
          ? components.get(ref.objectKey)
          : components.get(String(parseComponentHostKey(ref.objectKey)?.componentId));
    if (createdAt !== undefined) result.set(objectRefKey(ref), createdAt);
  }
  return result;
}

/** The excluded periods (ExcludedPeriod) of each object that overlap the window, as intervals. */
export async function excludedIntervalsOver(prisma: PrismaClient, refs: readonly BsmObjectRef[], window: Interval): Promise<ByObject<Interval[]>> {
  const result: ByObject<Interval[]> = new Map();
  if (refs.length === 0) return result;
  const rows = await readPackedRows<{ objectType: BsmObjectRef["objectType"]; objectKey: string; from: number; to: number }>(
    prisma,
    Prisma.sql`SELECT "objectType"::text AS "objectType", "objectKey", ${epochMs('"from"')} AS "from", ${epochMs('"to"')} AS "to"
      FROM "ExcludedPeriod" WHERE (${isOneOf(refs)}) AND "from" < ${new Date(window.to)} AND "to" > ${new Date(window.from)}`,
  );
  for (const row of rows) {
    const key = objectRefKey(row);
    const list = result.get(key) ?? [];
    list.push({ from: row.from, to: row.to });
    result.set(key, list);
  }
  return result;
}

export function noExcludedPeriods(): Promise<ByObject<Interval[]>> {
  return Promise.resolve(new Map());
}

/** availabilityOver computed from the raw check history. */
export async function referenceAvailabilityOver(prisma: PrismaClient, refs: readonly BsmObjectRef[], query: WindowQuery): Promise<ByObject<WindowFigures>> {
  const window = cutToNow(query);
  const [periods, created, excluded] = await Promise.all([
    referenceProblemPeriods(prisma, refs, { ...window, now: query.now }),
    creationTimes(prisma, refs),
    query.applyExcludedPeriods === false ? noExcludedPeriods() : excludedIntervalsOver(prisma, refs, window),
  ]);
  const result: ByObject<WindowFigures> = new Map();
  for (const [key, objectPeriods] of periods) {
    result.set(key, figuresOfProblemPeriods(objectPeriods, window, { createdAt: created.get(key), excluded: excluded.get(key), excludeDowntime: query.excludeDowntime }));
  }
  return result;
}

/** Figures per bucket from an object's problem periods over the buckets' span (cut to `span.to`). */
export function bucketFigures(
  periods: readonly StateSegment<BsmState>[],
  buckets: readonly Interval[],
  span: Interval,
  options: { createdAt?: number; excluded?: readonly Interval[]; excludeDowntime?: boolean },
): WindowFigures[] {
  return buckets
    .filter((bucket) => bucket.from < span.to)
    .map((bucket) => figuresOfProblemPeriods(periods, { from: bucket.from, to: Math.min(bucket.to, span.to) }, options));
}

/** bucketedAvailability computed from the raw check history. */
export async function referenceBucketedAvailability(
  prisma: PrismaClient,
  ref: BsmObjectRef,
  buckets: readonly Interval[],
  query: Omit<WindowQuery, "from" | "to">,
): Promise<WindowFigures[]> {
  if (buckets.length === 0) return [];
  const span = cutToNow({ from: buckets[0]!.from, to: buckets.at(-1)!.to, now: query.now });
  const key = objectRefKey(ref);
  const [periods, created, excluded] = await Promise.all([
    referenceProblemPeriods(prisma, [ref], { ...span, now: query.now }),
    creationTimes(prisma, [ref]),
    query.applyExcludedPeriods === false ? noExcludedPeriods() : excludedIntervalsOver(prisma, [ref], span),
  ]);
  const objectPeriods = periods.get(key);
  if (!objectPeriods) return [];
  return bucketFigures(objectPeriods, buckets, span, { createdAt: created.get(key), excluded: excluded.get(key), excludeDowntime: query.excludeDowntime });
}

/** Whether each stored object existed at `at` (a component host: its component), by creation time. */
export async function existedAtFunction(prisma: PrismaClient, at: number): Promise<(objectType: string, objectKey: string) => boolean> {
  const rows = await readPackedRows<{ key: string; createdAt: number }>(
    prisma,
    Prisma.sql`SELECT 'COMPONENT:' || id AS key, ${epochMs('"createdAt"')} AS "createdAt" FROM "Component"
      UNION ALL SELECT 'BUSINESS_SERVICE:' || id, ${epochMs('"createdAt"')} FROM "BusinessService"`,
  );
  const createdAt = new Map(rows.map((row) => [row.key, row.createdAt]));
  return (objectType, objectKey) => {
    const own =
      objectType === "COMPONENT_HOST" ? createdAt.get(`COMPONENT:${parseComponentHostKey(objectKey)?.componentId}`) : createdAt.get(`${objectType}:${objectKey}`);
    return own === undefined || own <= at;
  };
}

/**
 * Every stored object's state and flags at `at`, replayed from every stored transition: the last transition
 * at or before `at`, else the state the first later one left, else the current status. Whether the object
 * existed then is not asked (checkpoints keep them all; treeStateAt leaves out the younger ones).
 */
export async function replayStatesAt(prisma: PrismaClient, at: number): Promise<ByObject<ObjectStateAt>> {
  const moment = new Date(at);
  const [statuses, before, after] = await Promise.all([
    readPackedRows<{ objectType: string; objectKey: string; state: BsmState; acknowledged: boolean; impacted: boolean }>(
      prisma,
      Prisma.sql`SELECT "objectType"::text AS "objectType", "objectKey", state::text AS state, acknowledged, impacted FROM "BsmObjectStatus"`,
    ),
    lastTransitionsUntil(prisma, moment),
    firstTransitionsAfter(prisma, moment),
  ]);
  const result: ByObject<ObjectStateAt> = new Map();
  for (const status of statuses) {
    const key = `${status.objectType}:${status.objectKey}`;
    result.set(key, before.get(key) ?? after.get(key) ?? { state: status.state, acknowledged: status.acknowledged, impacted: status.impacted });
  }
  return result;
}

/** treeStateAt replayed from every stored transition; objects created after `at` are absent. */
export async function referenceTreeStateAt(prisma: PrismaClient, at: number): Promise<ByObject<ObjectStateAt>> {
  const [states, existedAt] = await Promise.all([replayStatesAt(prisma, at), existedAtFunction(prisma, at)]);
  for (const key of [...states.keys()]) {
    const separator = key.indexOf(":");
    if (!existedAt(key.slice(0, separator), key.slice(separator + 1))) states.delete(key);
  }
  return states;
}

interface TransitionRow {
  objectType: string;
  objectKey: string;
  at: number;
  id: number;
  state: BsmState;
  acknowledged: boolean;
  impacted: boolean;
}

/**
 * Per object, its last (`last`: the state it left) or first transition (`first`: the state it found) in
 * (after, until]. Bounded by both ends (a checkpoint and a moment: a day at most), the rows are picked
 * here: sorting tens of thousands of them in the database for DISTINCT ON spills to disk and costs more
 * than reading them all. Unbounded, the database picks.
 */
async function edgeTransitions(prisma: PrismaClient, which: "first" | "last", after?: Date, until?: Date): Promise<ByObject<ObjectStateAt>> {
  const conditions = [...(after ? [Prisma.sql`at > ${after}`] : []), ...(until ? [Prisma.sql`at <= ${until}`] : [])];
  const where = conditions.length === 0 ? Prisma.empty : Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
  const side = which === "last" ? "to" : "from";
  const columns = Prisma.sql`"objectType"::text AS "objectType", "objectKey", ${epochMs("at")} AS at, id::float8 AS id,
    ${Prisma.raw(`"${side}State"::text AS state, "${side}Acknowledged" AS acknowledged, "${side}Impacted" AS impacted`)}`;
  const direction = which === "last" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows =
    after && until
      ? await readPackedRows<TransitionRow>(prisma, Prisma.sql`SELECT ${columns} FROM "BsmTransition" ${where}`)
      : await readPackedRows<TransitionRow>(
          prisma,
          Prisma.sql`SELECT DISTINCT ON ("objectType", "objectKey") ${columns} FROM "BsmTransition" ${where} ORDER BY "objectType", "objectKey", at ${direction}, id ${direction}`,
        );
  const picked = new Map<string, TransitionRow>();
  for (const row of rows) {
    const key = `${row.objectType}:${row.objectKey}`;
    const held = picked.get(key);
    const later = held === undefined || row.at > held.at || (row.at === held.at && row.id > held.id);
    if (held === undefined || (which === "last" ? later : !later)) picked.set(key, row);
  }
  const result: ByObject<ObjectStateAt> = new Map();
  for (const [key, row] of picked) result.set(key, { state: row.state, acknowledged: row.acknowledged, impacted: row.impacted });
  return result;
}

/** Per object, the state its last transition at or before `moment` (and after `since`, when given) left it in. */
export function lastTransitionsUntil(prisma: PrismaClient, moment: Date, since?: Date): Promise<ByObject<ObjectStateAt>> {
  return edgeTransitions(prisma, "last", since, moment);
}

/** Per object, the state its first transition after `moment` left (bounded by `until` when given). */
export function firstTransitionsAfter(prisma: PrismaClient, moment: Date, until?: Date): Promise<ByObject<ObjectStateAt>> {
  return edgeTransitions(prisma, "first", moment, until);
}
