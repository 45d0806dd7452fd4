import { describe, expect, it } from "vitest";
import type { BsmState, StateSegment } from "../bsm";
import { HOUR_MS, hourlyAvailability, hoursBeforeNowLabel, recentProblemPeriods, timelineChartRow } from "./timeline-figures";

const FROM = Date.UTC(2024, 0, 1, 0, 0);
const at = (hours: number) => FROM + hours * HOUR_MS;
const segment = (state: BsmState, from: number, to: number): StateSegment<BsmState> => ({ state, from: at(from), to: at(to) });

describe("hourly availability", () => {
  it("is 100% for every hour of an operational window, labelled by the hour's start in UTC", () => {
    expect(hourlyAvailability([segment("OPERATIONAL", 0, 3)], at(0), at(3))).toEqual([
      { start: at(0), availability: 100 },
      { start: at(1), availability: 100 },
      { start: at(2), availability: 100 },
    ]);
  });

  it("counts only OPERATIONAL time, split where a segment crosses an hour", () => {
    const timeline = [segment("OPERATIONAL", 0, 0.5), segment("FAILED", 0.5, 1.25), segment("DOWNTIME", 1.25, 1.5), segment("OPERATIONAL", 1.5, 2)];
    expect(hourlyAvailability(timeline, at(0), at(2))).toEqual([
      { start: at(0), availability: 50 },
      { start: at(1), availability: 50 },
    ]);
  });

  it("measures a short last hour against its own length", () => {
    expect(hourlyAvailability([segment("OPERATIONAL", 0, 1.25), segment("OFFLINE", 1.25, 1.5)], at(0), at(1.5))).toEqual([
      { start: at(0), availability: 100 },
      { start: at(1), availability: 50 },
    ]);
  });

  it("rounds to two decimals and is 0% for an hour with no timeline", () => {
    expect(hourlyAvailability([segment("OPERATIONAL", 0, 1 / 3)], at(0), at(1))).toEqual([{ start: at(0), availability: 33.33 }]);
    expect(hourlyAvailability([], at(0), at(1))).toEqual([{ start: at(0), availability: 0 }]);
  });

  it("has no hours for an empty window", () => {
    expect(hourlyAvailability([segment("OPERATIONAL", 0, 1)], at(1), at(1))).toEqual([]);
  });
});

describe("state timeline figures", () => {
  it("recent problem periods are the latest ones that were not operational, oldest first", () => {
    const timeline = [segment("FAILED", 0, 1), segment("OPERATIONAL", 1, 2), segment("DOWNTIME", 2, 3), segment("OFFLINE", 3, 4), segment("OPERATIONAL", 4, 5)];
    expect(recentProblemPeriods(timeline, 2)).toEqual([segment("DOWNTIME", 2, 3), segment("OFFLINE", 3, 4)]);
    expect(recentProblemPeriods(timeline, 6).map((period) => period.state)).toEqual(["FAILED", "DOWNTIME", "OFFLINE"]);
  });

  it("the chart row holds each segment's duration in timeline order", () => {
    expect(timelineChartRow("Web shop", [segment("OPERATIONAL", 0, 1), segment("FAILED", 1, 1.5)])).toEqual({ name: "Web shop", s0: HOUR_MS, s1: HOUR_MS / 2 });
  });

  it("axis ticks count whole hours back from now", () => {
    const day = 24 * HOUR_MS;
    expect([0, day / 4, day / 2, (3 * day) / 4, day].map((offset) => hoursBeforeNowLabel(offset, day))).toEqual(["-24h", "-18h", "-12h", "-6h", "now"]);
  });
});
