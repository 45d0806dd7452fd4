// SLA arithmetic for one object and one calendar period: error budget, budget used, projected result and
// outages, from the figures lib/history reads. Pure. Rules: docs/sla.md.

import { roundPercent, type BsmState, type StateSegment } from "../bsm";
import { mergeIntervals, overlapMs, type WindowFigures } from "../history";
import type { Interval } from "../time/calendar";

export interface SlaTerms {
  /** Percent, e.g. 99.9. */
  readonly targetPercent: number;
  /** False: DOWNTIME is left out of the counted time (planned maintenance). */
  readonly countDowntime: boolean;
}

export interface OutageFigures {
  readonly count: number;
  readonly longestMs: number;
  /** Mean length of the outages that ended inside the window; null when none did. */
  readonly mttrMs: number | null;
}

export interface SlaFigures {
  /** The whole calendar period. */
  readonly period: Interval;
  /** The part of it that has passed (to = min(now, period end)). */
  readonly soFar: WindowFigures;
  readonly targetPercent: number;
  readonly countDowntime: boolean;
  /** Availability of the passed part, percent with two decimals. */
  readonly achieved: number;
  /** Allowed non-operational time of the whole period's counted time. */
  readonly budgetMs: number;
  /** Counted non-operational time so far. */
  readonly usedMs: number;
  /** usedMs of budgetMs, percent with two decimals (above 100 when the budget is exceeded). */
  readonly usedPercent: number;
  /** End-of-period availability if the object is OPERATIONAL for the rest of the period. */
  readonly projected: number;
  readonly met: boolean;
  readonly projectedMet: boolean;
  readonly outages: OutageFigures;
}

/** Allowed non-operational time: (100 − target) % of the interval's length. */
export function errorBudgetMs(targetPercent: number, periodInterval: Interval): number {
  return Math.round(((100 - targetPercent) / 100) * Math.max(0, periodInterval.to - periodInterval.from));
}

/** The time that counts against the target: failed time, plus DOWNTIME when the SLA counts it. */
export function countedProblemMs(figures: WindowFigures, countDowntime: boolean): number {
  return figures.failedMs + (countDowntime ? figures.downtimeMs : 0);
}

/** The window's time that counts at all: less excluded periods, and less DOWNTIME unless it counts. */
export function countedMs(figures: WindowFigures, countDowntime: boolean): number {
  return Math.max(0, figures.to - figures.from - figures.excludedMs - (countDowntime ? 0 : figures.downtimeMs));
}

/**
 * Outages: the counted non-OPERATIONAL periods (DOWNTIME only when it counts) joined where they touch,
 * less excluded time; an outage split by an excluded period is two. MTTR: mean length of those that ended
 * before `end` (an outage still open at the window's end has not recovered).
 */
export function outagesOf(periods: readonly StateSegment<BsmState>[], excluded: readonly Interval[], countDowntime: boolean, end: number): OutageFigures {
  const counted = mergeIntervals(periods.filter((p) => p.state !== "OPERATIONAL" && (countDowntime || p.state !== "DOWNTIME")));
  const left = subtractIntervals(counted, mergeIntervals(excluded));
  let longestMs = 0;
  let endedMs = 0;
  let ended = 0;
  for (const outage of left) {
    longestMs = Math.max(longestMs, outage.to - outage.from);
    if (outage.to < end) {
      ended += 1;
      endedMs += outage.to - outage.from;
    }
  }
  return { count: left.length, longestMs, mttrMs: ended === 0 ? null : Math.round(endedMs / ended) };
}

/** `intervals` less `removed` (both sorted and merged). */
export function subtractIntervals(intervals: readonly Interval[], removed: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const interval of intervals) {
    let from = interval.from;
    for (const cut of removed) {
      if (cut.to <= from || cut.from >= interval.to) continue;
      if (cut.from > from) result.push({ from, to: cut.from });
      from = Math.max(from, cut.to);
    }
    if (from < interval.to) result.push({ from, to: interval.to });
  }
  return result;
}

/**
 * The SLA figures of one object for `period`, given its figures so far (availabilityOver up to now), its
 * problem periods so far, its excluded periods and `now`. The projection assumes OPERATIONAL from now to
 * the period's end (less excluded time planned there).
 */
export function slaFiguresOf(input: {
  terms: SlaTerms;
  period: Interval;
  soFar: WindowFigures;
  problemPeriods: readonly StateSegment<BsmState>[];
  excluded: readonly Interval[];
}): SlaFigures {
  const { terms, period, soFar } = input;
  const usedMs = countedProblemMs(soFar, terms.countDowntime);
  const countedSoFar = countedMs(soFar, terms.countDowntime);
  const restFrom = Math.max(soFar.to, period.from);
  const rest = Math.max(0, period.to - restFrom) - overlapMs(mergeIntervals(input.excluded), restFrom, period.to);
  const budgetMs = errorBudgetMs(terms.targetPercent, { from: 0, to: countedSoFar + rest });
  const achieved = soFar.availability;
  const projected = roundPercent(countedSoFar + rest - usedMs, countedSoFar + rest);
  return {
    period,
    soFar,
    targetPercent: terms.targetPercent,
    countDowntime: terms.countDowntime,
    achieved,
    budgetMs,
    usedMs,
    usedPercent: budgetMs === 0 ? (usedMs === 0 ? 0 : 100) : Math.round((usedMs / budgetMs) * 10_000) / 100,
    projected,
    met: achieved >= terms.targetPercent,
    projectedMet: projected >= terms.targetPercent,
    outages: outagesOf(input.problemPeriods, input.excluded, terms.countDowntime, soFar.to),
  };
}
