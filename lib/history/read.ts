// Reading history for any window: availability, problem periods and the tree's state at a moment.
// These are the functions every page, API route, report and trigger calls (docs/history.md).

import type { PrismaClient } from "@prisma/client";
import type { BsmState, StateSegment } from "../bsm";
import { loadBsmConfig } from "../poller/load-bsm-config";
import { loadAvailability } from "../status/availability";
import {
  businessServiceRef,
  componentHostRef,
  componentRef,
  objectRefKey,
  parseComponentHostKey,
  type BsmObjectRef,
} from "../status/bsm-object";
import type { Interval } from "../time/calendar";
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

function cut(query: WindowQuery): Interval {
  const now = query.now ?? Date.now();
  const to = Math.min(query.to, now);
  return { from: Math.min(query.from, to), to };
}

function scopeOf(refs: readonly BsmObjectRef[]): { businessServiceIds: string[]; componentIds: string[] } {
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
 * Every non-OPERATIONAL period of each object inside the window (merged: one row per outage, cut to the
 * window). Objects that do not exist (any more) are absent.
 */
export async function problemPeriodsOver(
  prisma: PrismaClient,
  refs: readonly BsmObjectRef[],
  window: Interval & { now?: number },
): Promise<ByObject<StateSegment<BsmState>[]>> {
  const { from, to } = cut(window);
  const result: ByObject<StateSegment<BsmState>[]> = new Map();
  if (refs.length === 0 || to <= from) {
    return result;
  }
  const wanted = new Set(refs.map(objectRefKey));
  const report = await loadAvailability(prisma, { now: to, windowMs: to - from, includeTimelines: true, scope: scopeOf(refs) });
  const keep = (ref: BsmObjectRef, timeline: readonly StateSegment<BsmState>[] | undefined) => {
    const key = objectRefKey(ref);
    if (wanted.has(key)) result.set(key, mergeProblemPeriods(timeline ?? []));
  };
  for (const host of report.componentHosts) keep(componentHostRef(host.componentId, host.host), host.timeline);
  for (const component of report.components) keep(componentRef(component.id), component.timeline);
  for (const service of report.businessServices) keep(businessServiceRef(service.id), service.timeline);
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
  const rows = await prisma.excludedPeriod.findMany({
    where: {
      OR: refs.map((ref) => ({ objectType: ref.objectType, objectKey: ref.objectKey })),
      from: { lt: new Date(window.to) },
      to: { gt: new Date(window.from) },
    },
    select: { objectType: true, objectKey: true, from: true, to: true },
  });
  for (const row of rows) {
    const key = objectRefKey(row);
    const list = result.get(key) ?? [];
    list.push({ from: row.from.getTime(), to: row.to.getTime() });
    result.set(key, list);
  }
  return result;
}

/** Availability of each object over the window (cut to now), excluded periods left out unless asked not to. */
export async function availabilityOver(prisma: PrismaClient, refs: readonly BsmObjectRef[], query: WindowQuery): Promise<ByObject<WindowFigures>> {
  const window = cut(query);
  const [periods, created, excluded] = await Promise.all([
    problemPeriodsOver(prisma, refs, { ...window, now: query.now }),
    creationTimes(prisma, refs),
    query.applyExcludedPeriods === false ? Promise.resolve(new Map<string, Interval[]>()) : excludedIntervalsOver(prisma, refs, window),
  ]);
  const result: ByObject<WindowFigures> = new Map();
  for (const [key, objectPeriods] of periods) {
    result.set(
      key,
      figuresOfProblemPeriods(objectPeriods, window, {
        createdAt: created.get(key),
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
  const span = cut({ from: buckets[0]!.from, to: buckets.at(-1)!.to, now: query.now });
  const key = objectRefKey(ref);
  const [periods, created, excluded] = await Promise.all([
    problemPeriodsOver(prisma, [ref], { ...span, now: query.now }),
    creationTimes(prisma, [ref]),
    query.applyExcludedPeriods === false ? Promise.resolve(new Map<string, Interval[]>()) : excludedIntervalsOver(prisma, [ref], span),
  ]);
  const objectPeriods = periods.get(key);
  if (!objectPeriods) return [];
  return buckets
    .filter((bucket) => bucket.from < span.to)
    .map((bucket) =>
      figuresOfProblemPeriods(objectPeriods, { from: bucket.from, to: Math.min(bucket.to, span.to) }, {
        createdAt: created.get(key),
        excluded: excluded.get(key),
        excludeDowntime: query.excludeDowntime,
      }),
    );
}

export interface ObjectStateAt {
  readonly state: BsmState;
  readonly acknowledged: boolean;
  readonly impacted: boolean;
}

/**
 * Every current object's state and flags as the dashboard showed them at `at`, replayed from the stored
 * transitions (BsmTransition): the last transition at or before `at`, else the state the first later one
 * left, else the current status. Objects created after `at` are absent.
 */
export async function treeStateAt(prisma: PrismaClient, at: number): Promise<ByObject<ObjectStateAt>> {
  const moment = new Date(at);
  const [statuses, before, after, config] = await Promise.all([
    prisma.bsmObjectStatus.findMany({ select: { objectType: true, objectKey: true, state: true, acknowledged: true, impacted: true } }),
    prisma.$queryRaw<{ objectType: string; objectKey: string; toState: BsmState; toAcknowledged: boolean; toImpacted: boolean }[]>`
      SELECT DISTINCT ON ("objectType", "objectKey") "objectType"::text AS "objectType", "objectKey", "toState"::text AS "toState", "toAcknowledged", "toImpacted"
      FROM "BsmTransition" WHERE at <= ${moment} ORDER BY "objectType", "objectKey", at DESC, id DESC`,
    prisma.$queryRaw<{ objectType: string; objectKey: string; fromState: BsmState; fromAcknowledged: boolean; fromImpacted: boolean }[]>`
      SELECT DISTINCT ON ("objectType", "objectKey") "objectType"::text AS "objectType", "objectKey", "fromState"::text AS "fromState", "fromAcknowledged", "fromImpacted"
      FROM "BsmTransition" WHERE at > ${moment} ORDER BY "objectType", "objectKey", at ASC, id ASC`,
    loadBsmConfig(prisma),
  ]);
  const createdAt = new Map<string, number | undefined>();
  for (const component of config.components) createdAt.set(`COMPONENT:${component.id}`, component.createdAt);
  for (const service of config.businessServices) createdAt.set(`BUSINESS_SERVICE:${service.id}`, service.createdAt);
  const existedAt = (objectType: string, objectKey: string) => {
    const own =
      objectType === "COMPONENT_HOST"
        ? createdAt.get(`COMPONENT:${parseComponentHostKey(objectKey)?.componentId}`)
        : createdAt.get(`${objectType}:${objectKey}`);
    return own === undefined || own <= at;
  };
  const lastBefore = new Map(before.map((row) => [`${row.objectType}:${row.objectKey}`, row]));
  const firstAfter = new Map(after.map((row) => [`${row.objectType}:${row.objectKey}`, row]));
  const result: ByObject<ObjectStateAt> = new Map();
  for (const status of statuses) {
    if (!existedAt(status.objectType, status.objectKey)) continue;
    const key = `${status.objectType}:${status.objectKey}`;
    const earlier = lastBefore.get(key);
    const later = firstAfter.get(key);
    if (earlier) result.set(key, { state: earlier.toState, acknowledged: earlier.toAcknowledged, impacted: earlier.toImpacted });
    else if (later) result.set(key, { state: later.fromState, acknowledged: later.fromAcknowledged, impacted: later.fromImpacted });
    else result.set(key, { state: status.state as BsmState, acknowledged: status.acknowledged, impacted: status.impacted });
  }
  return result;
}
