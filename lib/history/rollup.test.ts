import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BsmState, StateSegment } from "../bsm";
import { DAY_MS, HOUR_MS } from "../time/calendar";
import { figuresOfProblemPeriods } from "./figures";
import { clipPeriods, dayRollupsOf, figuresWithRollups, hourRollupsOf, planWindow, segmentsOfTimelines, sumRollups } from "./rollup";

const T0 = Date.UTC(2026, 0, 1);
const SPAN = 9 * DAY_MS;
const STATES: BsmState[] = ["OPERATIONAL", "DOWNTIME", "FAILED", "OFFLINE"];

/** A timeline tiling [T0, T0 + SPAN): change points at arbitrary milliseconds. */
const timelineArbitrary = fc
  .array(fc.tuple(fc.integer({ min: 1, max: SPAN - 1 }), fc.constantFrom(...STATES)), { maxLength: 40 })
  .chain((changes) =>
    fc.constantFrom(...STATES).map((initial) => {
      const sorted = [...new Map(changes.map(([offset, state]) => [offset, state])).entries()].sort((a, b) => a[0] - b[0]);
      const timeline: StateSegment<BsmState>[] = [];
      let from = T0;
      let state = initial;
      for (const [offset, next] of sorted) {
        timeline.push({ from, to: T0 + offset, state });
        from = T0 + offset;
        state = next;
      }
      timeline.push({ from, to: T0 + SPAN, state });
      return timeline;
    }),
  );

/** Segments and roll-ups as the job writes them, chunk by chunk (chunks end on whole hours). */
function rollUp(timeline: StateSegment<BsmState>[], rolledUpTo: number, chunkHours: number[]) {
  const segments = [];
  let from = T0;
  for (const hours of [...chunkHours, Number.MAX_SAFE_INTEGER]) {
    const to = Math.min(rolledUpTo, from + hours * HOUR_MS);
    if (to <= from) break;
    const cut = timeline.map((s) => ({ ...s, from: Math.max(s.from, from), to: Math.min(s.to, to) })).filter((s) => s.to > s.from);
    segments.push(...segmentsOfTimelines(new Map([["X", cut]]), { from, to }));
    from = to;
  }
  const hours = hourRollupsOf(segments);
  return { segments, hours, days: dayRollupsOf(hours) };
}

describe("figures from segments and roll-ups", () => {
  it("equal the figures computed from the timeline itself, for any window and any rolled-up point", () => {
    fc.assert(
      fc.property(
        timelineArbitrary,
        fc.integer({ min: 0, max: SPAN / HOUR_MS }),
        fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: SPAN }),
        fc.integer({ min: 0, max: SPAN }),
        fc.boolean(),
        fc.option(fc.integer({ min: -DAY_MS, max: SPAN }), { nil: undefined }),
        (timeline, rolledHours, chunkHours, a, b, excludeDowntime, createdOffset) => {
          const rolledUpTo = T0 + rolledHours * HOUR_MS;
          const window = { from: T0 + Math.min(a, b), to: T0 + Math.max(a, b) };
          const options = { excludeDowntime, createdAt: createdOffset === undefined ? undefined : T0 + createdOffset };
          const { segments, hours, days } = rollUp(timeline, rolledUpTo, chunkHours);
          const plan = planWindow(window, rolledUpTo);
          const dayTotals = sumRollups(days, plan.days ? [plan.days] : []);
          const hourTotals = sumRollups(hours, plan.hours);
          const periods = [...clipPeriods(segments, plan.edges), ...clipPeriods(timeline, plan.tail ? [plan.tail] : [])];
          const fast = figuresWithRollups(periods, { downtimeMs: dayTotals.downtimeMs + hourTotals.downtimeMs, failedMs: dayTotals.failedMs + hourTotals.failedMs }, window, options);
          expect(fast).toEqual(figuresOfProblemPeriods(timeline, window, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("plans whole days, whole hours and edges that tile the rolled-up part", () => {
    const from = T0 + 30 * 60_000;
    const plan = planWindow({ from, to: T0 + 3 * DAY_MS + 5 * HOUR_MS }, T0 + 2 * DAY_MS + 2 * HOUR_MS + 10 * 60_000);
    expect(plan.days).toEqual({ from: T0 + DAY_MS, to: T0 + 2 * DAY_MS });
    expect(plan.hours).toEqual([{ from: T0 + HOUR_MS, to: T0 + DAY_MS }, { from: T0 + 2 * DAY_MS, to: T0 + 2 * DAY_MS + 2 * HOUR_MS }]);
    expect(plan.edges).toEqual([{ from, to: T0 + HOUR_MS }, { from: T0 + 2 * DAY_MS + 2 * HOUR_MS, to: T0 + 2 * DAY_MS + 2 * HOUR_MS + 10 * 60_000 }]);
    expect(plan.tail).toEqual({ from: T0 + 2 * DAY_MS + 2 * HOUR_MS + 10 * 60_000, to: T0 + 3 * DAY_MS + 5 * HOUR_MS });
  });

  it("reads everything raw when nothing is rolled up", () => {
    expect(planWindow({ from: T0, to: T0 + DAY_MS }, null)).toEqual({ days: null, hours: [], edges: [], tail: { from: T0, to: T0 + DAY_MS } });
  });

  it("rolls an outage across midnight into two hours and two days", () => {
    const hours = hourRollupsOf([{ key: "X", from: T0 + DAY_MS - 60_000, to: T0 + DAY_MS + 120_000, state: "FAILED" }]);
    expect(hours.map((h) => [h.start - T0, h.failedMs])).toEqual([[DAY_MS - HOUR_MS, 60_000], [DAY_MS, 120_000]]);
    expect(dayRollupsOf(hours).map((d) => [d.start - T0, d.failedMs])).toEqual([[0, 60_000], [DAY_MS, 120_000]]);
  });
});
