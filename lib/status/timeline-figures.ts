import type { BsmState, StateSegment } from "../bsm";

export const HOUR_MS = 3_600_000;

export interface HourAvailability {
  /** The hour's start, milliseconds since the epoch (the UI writes it in the user's time zone). */
  start: number;
  /** Percent of the hour spent OPERATIONAL, two decimals. */
  availability: number;
}

/** Percent of each hour from `from` to `to` spent OPERATIONAL, from the state timeline; the last hour may be short. */
export function hourlyAvailability(timeline: readonly StateSegment<BsmState>[], from: number, to: number): HourAvailability[] {
  const hours: HourAvailability[] = [];
  for (let start = from; start < to; start += HOUR_MS) {
    const end = Math.min(start + HOUR_MS, to);
    let operational = 0;
    for (const segment of timeline) {
      if (segment.state !== "OPERATIONAL") continue;
      operational += Math.max(0, Math.min(end, segment.to) - Math.max(start, segment.from));
    }
    hours.push({ start, availability: Math.round((operational / (end - start)) * 10_000) / 100 });
  }
  return hours;
}

/** The latest `count` periods that were not OPERATIONAL, oldest first. */
export function recentProblemPeriods<S extends BsmState>(timeline: readonly StateSegment<S>[], count: number): StateSegment<S>[] {
  return timeline.filter((segment) => segment.state !== "OPERATIONAL").slice(-count);
}

/** The timeline as one chart row: the duration of segment i under the key `s<i>`, so the segments stack in order. */
export function timelineChartRow(name: string, timeline: readonly StateSegment<BsmState>[]): Record<string, number | string> {
  const row: Record<string, number | string> = { name };
  timeline.forEach((segment, index) => {
    row[`s${index}`] = segment.to - segment.from;
  });
  return row;
}

/** A tick on a time axis from 0 (the window's start) to `windowMs` (now): "now" at the end, else whole hours before now ("-6h"). */
export function hoursBeforeNowLabel(offsetMs: number, windowMs: number): string {
  return offsetMs >= windowMs ? "now" : `-${Math.round((windowMs - offsetMs) / HOUR_MS)}h`;
}
