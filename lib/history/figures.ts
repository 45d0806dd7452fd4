// Window arithmetic over an object's state timeline: how long it was OPERATIONAL, in DOWNTIME and
// FAILED/OFFLINE inside [from, to), less the excluded periods. Pure. Rules: docs/history.md.

import { roundPercent, type BsmState, type StateSegment } from "../bsm";
import type { Interval } from "../time/calendar";

export interface WindowFigures {
  /** The window asked, its end cut to `now`. */
  readonly from: number;
  readonly to: number;
  readonly operationalMs: number;
  readonly downtimeMs: number;
  /** FAILED, or OFFLINE for a business service. */
  readonly failedMs: number;
  /** Time inside excluded periods: counted in none of the three above. */
  readonly excludedMs: number;
  /** Time before the object existed (counted as OPERATIONAL, docs/status-rules.md; charts show it as "no data"). */
  readonly noDataMs: number;
  /** Percent OPERATIONAL of the counted time (window − excluded, − downtime when excluded), two decimals; 100 when nothing is counted. */
  readonly availability: number;
}

export interface FigureOptions {
  /** When the object was created; time before it is "no data" (and OPERATIONAL). */
  readonly createdAt?: number;
  /** Periods left out, in any order, may overlap. */
  readonly excluded?: readonly Interval[];
  readonly excludeDowntime?: boolean;
}

/** Sorted, merged, non-empty intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    else merged.push({ from: interval.from, to: interval.to });
  }
  return merged;
}

/** Length of the part of `intervals` (merged) inside [from, to). */
export function overlapMs(intervals: readonly Interval[], from: number, to: number): number {
  let total = 0;
  for (const interval of intervals) total += Math.max(0, Math.min(interval.to, to) - Math.max(interval.from, from));
  return total;
}

/**
 * Figures for [from, to) from the object's non-OPERATIONAL periods (any state segments may be passed;
 * OPERATIONAL ones are ignored, anything no segment covers is OPERATIONAL).
 */
export function figuresOfProblemPeriods(
  periods: readonly StateSegment<BsmState>[],
  window: Interval,
  options: FigureOptions = {},
): WindowFigures {
  const { from, to } = window;
  const excluded = mergeIntervals((options.excluded ?? []).map((i) => ({ from: Math.max(i.from, from), to: Math.min(i.to, to) })));
  let downtimeMs = 0;
  let failedMs = 0;
  for (const period of periods) {
    if (period.state === "OPERATIONAL") continue;
    const start = Math.max(period.from, from);
    const end = Math.min(period.to, to);
    if (end <= start) continue;
    const length = end - start - overlapMs(excluded, start, end);
    if (period.state === "DOWNTIME") downtimeMs += length;
    else failedMs += length;
  }
  const excludedMs = overlapMs(excluded, from, to);
  const total = Math.max(0, to - from);
  const operationalMs = total - excludedMs - downtimeMs - failedMs;
  const createdAt = options.createdAt ?? Number.NEGATIVE_INFINITY;
  const noDataMs = Math.max(0, Math.min(createdAt, to) - from);
  const counted = total - excludedMs - (options.excludeDowntime ? downtimeMs : 0);
  const availability = roundPercent(operationalMs, counted);
  return { from, to, operationalMs, downtimeMs, failedMs, excludedMs, noDataMs, availability };
}

/** Adjacent or overlapping non-OPERATIONAL segments of the same state joined: one outage, one row. */
export function mergeProblemPeriods(periods: readonly StateSegment<BsmState>[]): StateSegment<BsmState>[] {
  const sorted = periods.filter((p) => p.state !== "OPERATIONAL" && p.to > p.from).sort((a, b) => a.from - b.from);
  const merged: StateSegment<BsmState>[] = [];
  for (const period of sorted) {
    const last = merged.at(-1);
    if (last && last.state === period.state && period.from <= last.to) merged[merged.length - 1] = { ...last, to: Math.max(last.to, period.to) };
    else merged.push({ from: period.from, to: period.to, state: period.state });
  }
  return merged;
}
