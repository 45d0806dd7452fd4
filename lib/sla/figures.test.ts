import { describe, expect, it } from "vitest";
import { figuresOfProblemPeriods } from "../history";
import { errorBudgetMs, outagesOf, slaFiguresOf, subtractIntervals } from "./figures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const period = { from: 0, to: 30 * DAY };

describe("errorBudgetMs", () => {
  it("allows (100 − target) % of the period", () => {
    expect(errorBudgetMs(99.9, period)).toBe(Math.round(0.001 * 30 * DAY));
    expect(errorBudgetMs(99, { from: 0, to: 100 * HOUR })).toBe(HOUR);
  });
});

describe("subtractIntervals", () => {
  it("splits an interval around a removed one", () => {
    expect(subtractIntervals([{ from: 0, to: 10 }], [{ from: 3, to: 5 }])).toEqual([{ from: 0, to: 3 }, { from: 5, to: 10 }]);
    expect(subtractIntervals([{ from: 0, to: 10 }], [{ from: -1, to: 11 }])).toEqual([]);
  });
});

describe("outagesOf", () => {
  const periods = [
    { from: 1 * HOUR, to: 2 * HOUR, state: "FAILED" as const },
    { from: 2 * HOUR, to: 4 * HOUR, state: "DOWNTIME" as const },
    { from: 10 * HOUR, to: 13 * HOUR, state: "OFFLINE" as const },
  ];
  it("leaves DOWNTIME out unless the SLA counts it", () => {
    expect(outagesOf(periods, [], false, 20 * HOUR)).toEqual({ count: 2, longestMs: 3 * HOUR, mttrMs: 2 * HOUR });
  });
  it("joins a failure and the downtime right after it into one outage when downtime counts", () => {
    expect(outagesOf(periods, [], true, 20 * HOUR)).toEqual({ count: 2, longestMs: 3 * HOUR, mttrMs: 3 * HOUR });
  });
  it("an outage still open at the end has no recovery time", () => {
    expect(outagesOf(periods, [], false, 13 * HOUR)).toEqual({ count: 2, longestMs: 3 * HOUR, mttrMs: HOUR });
  });
  it("an excluded period removes the time it covers", () => {
    expect(outagesOf(periods, [{ from: 10 * HOUR, to: 12 * HOUR }], false, 20 * HOUR)).toEqual({ count: 2, longestMs: HOUR, mttrMs: HOUR });
  });
});

describe("slaFiguresOf", () => {
  const now = 10 * DAY;
  const problems = [
    { from: 1 * DAY, to: 1 * DAY + 30 * 60_000, state: "FAILED" as const },
    { from: 2 * DAY, to: 2 * DAY + 2 * HOUR, state: "DOWNTIME" as const },
  ];
  const soFar = (countDowntime: boolean, excluded: { from: number; to: number }[] = []) =>
    figuresOfProblemPeriods(problems, { from: period.from, to: now }, { excluded, excludeDowntime: !countDowntime });

  it("uses failed time against a budget of the period less the downtime it does not count", () => {
    const sla = slaFiguresOf({ terms: { targetPercent: 99.9, countDowntime: false }, period, soFar: soFar(false), problemPeriods: problems, excluded: [] });
    expect(sla.usedMs).toBe(30 * 60_000);
    expect(sla.budgetMs).toBe(errorBudgetMs(99.9, { from: 0, to: 30 * DAY - 2 * HOUR }));
    expect(sla.usedPercent).toBeCloseTo((30 * 60_000 * 100) / sla.budgetMs, 1);
    expect(sla.achieved).toBe(soFar(false).availability);
    expect(sla.met).toBe(sla.achieved >= 99.9);
    expect(sla.outages.count).toBe(1);
  });

  it("projects the rest of the period as OPERATIONAL", () => {
    const sla = slaFiguresOf({ terms: { targetPercent: 99, countDowntime: true }, period, soFar: soFar(true), problemPeriods: problems, excluded: [] });
    const used = 30 * 60_000 + 2 * HOUR;
    expect(sla.usedMs).toBe(used);
    expect(sla.projected).toBe(Math.round(((30 * DAY - used) * 10_000) / (30 * DAY)) / 100);
    expect(sla.projected).toBeGreaterThan(sla.achieved);
    expect(sla.projectedMet).toBe(true);
  });

  it("an excluded period gives back the time it covers", () => {
    const excluded = [{ from: 1 * DAY, to: 1 * DAY + HOUR }];
    const sla = slaFiguresOf({ terms: { targetPercent: 99.9, countDowntime: false }, period, soFar: soFar(false, excluded), problemPeriods: problems, excluded });
    expect(sla.usedMs).toBe(0);
    expect(sla.achieved).toBe(100);
    expect(sla.outages.count).toBe(0);
  });

  it("a budget of zero counts any use as all of it", () => {
    const whole = { from: 0, to: HOUR };
    const figures = figuresOfProblemPeriods([{ from: 0, to: HOUR, state: "DOWNTIME" }], whole, { excludeDowntime: true });
    const sla = slaFiguresOf({ terms: { targetPercent: 99.9, countDowntime: false }, period: whole, soFar: figures, problemPeriods: [], excluded: [] });
    expect(sla.budgetMs).toBe(0);
    expect(sla.usedPercent).toBe(0);
    expect(sla.achieved).toBe(100);
  });
});
