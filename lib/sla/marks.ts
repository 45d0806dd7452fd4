import { mergeIntervals } from "../history";
import type { Interval } from "../time/calendar";

/**
 * Where a chart over `range` marks excluded periods: each merged excluded interval cut to the range, with
 * its position as fractions of the range (0–1), for shaded bands or recharts ReferenceArea x1/x2.
 */
export function excludedMarks(excluded: readonly Interval[], range: Interval): { from: number; to: number; start: number; end: number }[] {
  const length = range.to - range.from;
  if (length <= 0) return [];
  return mergeIntervals(excluded.map((i) => ({ from: Math.max(i.from, range.from), to: Math.min(i.to, range.to) }))).map((i) => ({
    ...i,
    start: (i.from - range.from) / length,
    end: (i.to - range.from) / length,
  }));
}
