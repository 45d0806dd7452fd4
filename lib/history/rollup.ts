// Segments and roll-ups from object timelines, and a window's figures read back from them. Pure.
// Roll-ups hold exact milliseconds per UTC hour/day, so figures from them equal those from the timelines.

import { roundPercent, type BsmState, type StateSegment } from "../bsm";
import { DAY_MS, HOUR_MS, type Interval } from "../time/calendar";
import { figuresOfProblemPeriods, type FigureOptions, type WindowFigures } from "./figures";

/** A stored non-OPERATIONAL period of one object (key: objectRefKey). */
export interface SegmentRow extends StateSegment<BsmState> {
  readonly key: string;
}

export type RollupBucket = "HOUR" | "DAY";

export interface RollupRow {
  readonly key: string;
  readonly bucket: RollupBucket;
  readonly start: number;
  readonly downtimeMs: number;
  readonly failedMs: number;
}

export interface Totals {
  downtimeMs: number;
  failedMs: number;
}

export const floorTo = (at: number, size: number) => Math.floor(at / size) * size;
export const ceilTo = (at: number, size: number) => Math.ceil(at / size) * size;

/** The non-OPERATIONAL parts of each object's timeline inside the chunk. */
export function segmentsOfTimelines(timelines: ReadonlyMap<string, readonly StateSegment<BsmState>[]>, chunk: Interval): SegmentRow[] {
  const rows: SegmentRow[] = [];
  for (const [key, timeline] of timelines) {
    for (const segment of timeline) {
      if (segment.state === "OPERATIONAL") continue;
      const from = Math.max(segment.from, chunk.from);
      const to = Math.min(segment.to, chunk.to);
      if (to > from) rows.push({ key, from, to, state: segment.state });
    }
  }
  return rows;
}

/** Sparse per-object sums of the segments in each bucket of `size` (UTC hours or days). */
function sumIntoBuckets(rows: Iterable<{ key: string; from: number; to: number; state: BsmState }>, bucket: RollupBucket): RollupRow[] {
  const size = bucket === "HOUR" ? HOUR_MS : DAY_MS;
  const sums = new Map<string, { key: string; start: number } & Totals>();
  for (const row of rows) {
    for (let start = floorTo(row.from, size); start < row.to; start += size) {
      const length = Math.min(row.to, start + size) - Math.max(row.from, start);
      if (length <= 0) continue;
      const id = `${row.key}\u0000${start}`;
      let sum = sums.get(id);
      if (!sum) sums.set(id, (sum = { key: row.key, start, downtimeMs: 0, failedMs: 0 }));
      if (row.state === "DOWNTIME") sum.downtimeMs += length;
      else sum.failedMs += length;
    }
  }
  return [...sums.values()].map((sum) => ({ ...sum, bucket }));
}

/** HOUR roll-ups of the segments (segments must not overlap per object). */
export function hourRollupsOf(segments: readonly SegmentRow[]): RollupRow[] {
  return sumIntoBuckets(segments, "HOUR");
}

/** DAY roll-ups as the sums of HOUR roll-ups (what the job does in SQL). */
export function dayRollupsOf(hours: readonly RollupRow[]): RollupRow[] {
  const sums = new Map<string, RollupRow & Totals>();
  for (const hour of hours) {
    const start = floorTo(hour.start, DAY_MS);
    const id = `${hour.key}\u0000${start}`;
    const sum = sums.get(id) ?? { key: hour.key, bucket: "DAY" as const, start, downtimeMs: 0, failedMs: 0 };
    sum.downtimeMs += hour.downtimeMs;
    sum.failedMs += hour.failedMs;
    sums.set(id, sum);
  }
  return [...sums.values()];
}

/** How a window is read: DAY roll-ups, HOUR roll-ups, segments at the edges, the raw tail after rolledUpTo. */
export interface WindowPlan {
  /** Whole UTC days inside the rolled-up part. */
  readonly days: Interval | null;
  /** Whole UTC hours inside the rolled-up part outside `days` (before and after them). */
  readonly hours: Interval[];
  /** The rest of the rolled-up part: read from segments. */
  readonly edges: Interval[];
  /** After rolledUpTo: computed from the raw history. */
  readonly tail: Interval | null;
}

const nonEmpty = (intervals: Interval[]) => intervals.filter((i) => i.to > i.from);

export function planWindow(window: Interval, rolledUpTo: number | null): WindowPlan {
  const { from, to } = window;
  const rolledEnd = rolledUpTo === null ? from : Math.max(from, Math.min(to, rolledUpTo));
  const tail = to > rolledEnd ? { from: rolledEnd, to } : null;
  if (rolledEnd <= from) return { days: null, hours: [], edges: [], tail };
  const hourStart = ceilTo(from, HOUR_MS);
  const hourEnd = floorTo(rolledEnd, HOUR_MS);
  if (hourStart >= hourEnd) return { days: null, hours: [], edges: [{ from, to: rolledEnd }], tail };
  const edges = nonEmpty([{ from, to: hourStart }, { from: hourEnd, to: rolledEnd }]);
  const dayStart = ceilTo(hourStart, DAY_MS);
  const dayEnd = floorTo(hourEnd, DAY_MS);
  if (dayStart >= dayEnd) return { days: null, hours: [{ from: hourStart, to: hourEnd }], edges, tail };
  return { days: { from: dayStart, to: dayEnd }, hours: nonEmpty([{ from: hourStart, to: dayStart }, { from: dayEnd, to: hourEnd }]), edges, tail };
}

/** The roll-ups of one bucket size whose bucket starts inside one of the intervals, summed. */
export function sumRollups(rows: Iterable<Pick<RollupRow, "start" | "downtimeMs" | "failedMs">>, inside: readonly Interval[]): Totals {
  const totals = { downtimeMs: 0, failedMs: 0 };
  for (const row of rows) {
    if (!inside.some((i) => row.start >= i.from && row.start < i.to)) continue;
    totals.downtimeMs += row.downtimeMs;
    totals.failedMs += row.failedMs;
  }
  return totals;
}

/** The periods cut to the given intervals. */
export function clipPeriods(periods: readonly StateSegment<BsmState>[], inside: readonly Interval[]): StateSegment<BsmState>[] {
  const clipped: StateSegment<BsmState>[] = [];
  for (const period of periods) {
    for (const interval of inside) {
      const from = Math.max(period.from, interval.from);
      const to = Math.min(period.to, interval.to);
      if (to > from) clipped.push({ from, to, state: period.state });
    }
  }
  return clipped;
}

/**
 * Figures over the window from rolled-up totals (for time no period covers) plus problem periods (for the
 * rest). Excluded periods need exact intervals: pass them only with no roll-ups (totals zero).
 */
export function figuresWithRollups(
  periods: readonly StateSegment<BsmState>[],
  rolledUp: Totals,
  window: Interval,
  options: FigureOptions = {},
): WindowFigures {
  const base = figuresOfProblemPeriods(periods, window, options);
  if (rolledUp.downtimeMs === 0 && rolledUp.failedMs === 0) return base;
  const downtimeMs = base.downtimeMs + rolledUp.downtimeMs;
  const failedMs = base.failedMs + rolledUp.failedMs;
  const operationalMs = base.operationalMs - rolledUp.downtimeMs - rolledUp.failedMs;
  const counted = window.to - window.from - base.excludedMs - (options.excludeDowntime ? downtimeMs : 0);
  return { ...base, downtimeMs, failedMs, operationalMs, availability: roundPercent(operationalMs, counted) };
}
