import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { ValidationError } from "../errors/app-error";
import { availabilityOver, excludedIntervalsOver, problemPeriodsOver } from "../history";
import { businessServiceRef, objectRefKey, type BsmObjectRef } from "../status/bsm-object";
import { calendarPeriod, type CalendarPeriod, type Interval } from "../time/calendar";
import { slaFiguresOf, type SlaFigures } from "./figures";
import { findSlaTarget, requireVisibleObject, loadSlaTargets, type SlaTarget } from "./targets";

/** Figures of several objects over one calendar period (each with its own terms), read in a few queries. */
async function figuresOver(prisma: PrismaClient, items: readonly { ref: BsmObjectRef; terms: { targetPercent: number; countDowntime: boolean } }[], period: Interval, now: number): Promise<Map<string, SlaFigures>> {
  const result = new Map<string, SlaFigures>();
  if (items.length === 0) return result;
  const refs = items.map((item) => item.ref);
  const soFarWindow = { from: period.from, to: Math.min(period.to, now), now };
  const [counting, notCounting, periods, excluded] = await Promise.all([
    items.some((item) => item.terms.countDowntime) ? availabilityOver(prisma, refs.filter((_, i) => items[i]!.terms.countDowntime), { ...soFarWindow, excludeDowntime: false }) : new Map(),
    items.some((item) => !item.terms.countDowntime) ? availabilityOver(prisma, refs.filter((_, i) => !items[i]!.terms.countDowntime), { ...soFarWindow, excludeDowntime: true }) : new Map(),
    problemPeriodsOver(prisma, refs, soFarWindow),
    excludedIntervalsOver(prisma, refs, period),
  ]);
  for (const { ref, terms } of items) {
    const key = objectRefKey(ref);
    const soFar = (terms.countDowntime ? counting : notCounting).get(key);
    if (soFar === undefined) continue;
    result.set(key, slaFiguresOf({ terms, period, soFar, problemPeriods: periods.get(key) ?? [], excluded: excluded.get(key) ?? [] }));
  }
  return result;
}

export interface ObjectSla {
  target: SlaTarget;
  figures: SlaFigures;
}

/** The object's SLA for its current period (offset −1: the previous one); null without a target. 404 when hidden. */
export async function objectSla(prisma: PrismaClient, access: Access, ref: BsmObjectRef, options: { now?: number; offset?: number } = {}): Promise<ObjectSla | null> {
  await requireVisibleObject(prisma, access, ref);
  const target = await findSlaTarget(prisma, ref);
  if (target === null) return null;
  const now = options.now ?? Date.now();
  const period = calendarPeriod(now, target.period, target.timeZone, options.offset ?? 0);
  const figures = (await figuresOver(prisma, [{ ref, terms: target }], period, now)).get(objectRefKey(ref));
  return figures === undefined ? null : { target, figures };
}

export const REPORT_PERIODS = { month: "MONTH", quarter: "QUARTER" } as const satisfies Record<string, CalendarPeriod>;
export type ReportPeriod = keyof typeof REPORT_PERIODS;

export interface SlaReportRow {
  id: number;
  name: string;
  /** Null: the service has no SLA target (its availability counts DOWNTIME out, as by default). */
  targetPercent: number | null;
  countDowntime: boolean;
  achieved: number;
  budgetMs: number | null;
  usedMs: number;
  usedPercent: number | null;
  projected: number | null;
  met: boolean | null;
  outages: number;
  longestOutageMs: number;
  mttrMs: number | null;
  /** Time of the period inside the service's excluded periods (left out of every figure). */
  excludedMs: number;
}

export interface SlaReport {
  period: ReportPeriod;
  offset: number;
  timeZone: string;
  from: string;
  to: string;
  rows: SlaReportRow[];
}

/**
 * Every business service the caller may see, over one calendar month or quarter in `timeZone` (the report's
 * period applies to every service, whatever its own target's period), sorted by name.
 */
export async function slaReport(
  prisma: PrismaClient,
  access: Access,
  options: { period: ReportPeriod; offset: number; timeZone: string; now?: number },
): Promise<SlaReport> {
  const now = options.now ?? Date.now();
  const period = calendarPeriod(now, REPORT_PERIODS[options.period], options.timeZone, options.offset);
  const [services, targets] = await Promise.all([
    prisma.businessService.findMany({ where: { id: { in: access.visibleServiceIds() } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    loadSlaTargets(prisma),
  ]);
  const items = services.map((service) => {
    const ref = businessServiceRef(service.id);
    const target = targets.get(objectRefKey(ref));
    return { service, ref, target, terms: { targetPercent: target?.targetPercent ?? 100, countDowntime: target?.countDowntime ?? false } };
  });
  const figures = await figuresOver(prisma, items, period, now);
  const rows: SlaReportRow[] = [];
  for (const { service, ref, target } of items) {
    const sla = figures.get(objectRefKey(ref));
    if (sla === undefined) continue;
    const withTarget = target !== undefined;
    rows.push({
      id: service.id,
      name: service.name,
      targetPercent: target?.targetPercent ?? null,
      countDowntime: sla.countDowntime,
      achieved: sla.achieved,
      budgetMs: withTarget ? sla.budgetMs : null,
      usedMs: sla.usedMs,
      usedPercent: withTarget ? sla.usedPercent : null,
      projected: withTarget ? sla.projected : null,
      met: withTarget ? sla.met : null,
      outages: sla.outages.count,
      longestOutageMs: sla.outages.longestMs,
      mttrMs: sla.outages.mttrMs,
      excludedMs: sla.soFar.excludedMs,
    });
  }
  return { period: options.period, offset: options.offset, timeZone: options.timeZone, from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString(), rows };
}

export interface ObjectSlaResource {
  objectType: "BUSINESS_SERVICE" | "COMPONENT";
  objectId: number;
  /** Null: the object has no SLA target (and no figures below). */
  target: SlaTarget | null;
  sla: {
    from: string;
    to: string;
    achieved: number;
    budgetMs: number;
    usedMs: number;
    usedPercent: number;
    projected: number;
    met: boolean;
    projectedMet: boolean;
    excludedMs: number;
    downtimeMs: number;
    failedMs: number;
    outages: { count: number; longestMs: number; mttrMs: number | null };
  } | null;
}

/** The REST resource of one object's SLA (?offset=0|-1). */
export async function objectSlaResource(prisma: PrismaClient, access: Access, ref: BsmObjectRef, params: URLSearchParams): Promise<ObjectSlaResource> {
  const offsetText = params.get("offset") ?? "0";
  if (offsetText !== "0" && offsetText !== "-1") throw new ValidationError({ offset: "offset is 0 (this period) or -1 (the previous one)" });
  const found = await objectSla(prisma, access, ref, { offset: Number(offsetText) });
  const base = { objectType: ref.objectType === "COMPONENT" ? ("COMPONENT" as const) : ("BUSINESS_SERVICE" as const), objectId: Number(ref.objectKey) };
  if (found === null) return { ...base, target: null, sla: null };
  const { figures } = found;
  return {
    ...base,
    target: found.target,
    sla: {
      from: new Date(figures.period.from).toISOString(),
      to: new Date(figures.period.to).toISOString(),
      achieved: figures.achieved,
      budgetMs: figures.budgetMs,
      usedMs: figures.usedMs,
      usedPercent: figures.usedPercent,
      projected: figures.projected,
      met: figures.met,
      projectedMet: figures.projectedMet,
      excludedMs: figures.soFar.excludedMs,
      downtimeMs: figures.soFar.downtimeMs,
      failedMs: figures.soFar.failedMs,
      outages: figures.outages,
    },
  };
}
