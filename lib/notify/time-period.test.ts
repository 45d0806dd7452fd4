import { describe, expect, it } from "vitest";

import { isInsideTimePeriod, isValidTimeZone, parseTimeRange, toLocalTime } from "./time-period";
import type { TimePeriod, WeeklyTimePeriod } from "./types";

const LONDON_OFFICE: WeeklyTimePeriod = {
  timeZone: "Europe/London",
  ranges: { monday: ["09:00-17:00"], friday: ["09:00-12:30", "13:30-17:00"], sunday: ["01:00-02:00"] },
};

describe("named time periods", () => {
  it.each<[TimePeriod, string, boolean]>([
    ["24x7", "2026-11-22T03:00:00Z", true],
    ["none", "2026-11-23T10:00:00Z", false],
    ["workhours", "2026-11-23T09:00:00Z", true],
    ["workhours", "2026-11-23T08:59:00Z", false],
    ["workhours", "2026-11-23T16:59:00Z", true],
    ["workhours", "2026-11-23T17:00:00Z", false],
    ["workhours", "2026-11-27T12:00:00Z", true],
    ["workhours", "2026-11-28T12:00:00Z", false],
    ["workhours", "2026-11-22T12:00:00Z", false],
  ])("%s at %s is inside: %s", (period, at, inside) => {
    expect(isInsideTimePeriod(period, new Date(at))).toBe(inside);
  });
});

describe("weekly time periods in a time zone", () => {
  it.each<[string, string, boolean]>([
    ["Monday 09:00 GMT, before the clocks go forward", "2026-03-23T09:00:00Z", true],
    ["Monday 08:00 GMT is 08:00 local", "2026-03-23T08:00:00Z", false],
    ["Monday 08:00 UTC after the clocks go forward is 09:00 BST", "2026-03-30T08:00:00Z", true],
    ["Monday 16:00 UTC after the change is 17:00 BST, end exclusive", "2026-03-30T16:00:00Z", false],
    ["Monday 15:59 UTC after the change is 16:59 BST", "2026-03-30T15:59:00Z", true],
    ["Friday lunch break", "2026-03-27T13:00:00Z", false],
    ["Friday afternoon", "2026-03-27T13:30:00Z", true],
    ["Tuesday has no range", "2026-03-24T10:00:00Z", false],
    ["01:00-02:00 does not exist on the day the clocks go forward", "2026-03-29T01:00:00Z", false],
    ["00:59 UTC on that day is still 00:59 GMT", "2026-03-29T00:59:00Z", false],
    ["01:30 BST happens on the day the clocks go back", "2026-10-25T00:30:00Z", true],
    ["and 01:30 GMT happens again an hour later", "2026-10-25T01:30:00Z", true],
    ["02:00 GMT after the repeat is outside", "2026-10-25T02:00:00Z", false],
  ])("%s (%s): %s", (_name, at, inside) => {
    expect(isInsideTimePeriod(LONDON_OFFICE, new Date(at))).toBe(inside);
  });

  it("counts the weekday in the period's own time zone", () => {
    const tokyoMonday: WeeklyTimePeriod = { timeZone: "Asia/Tokyo", ranges: { monday: ["00:00-24:00"] } };
    // Sunday 20:00 UTC is Monday 05:00 in Tokyo.
    expect(isInsideTimePeriod(tokyoMonday, new Date("2026-11-22T20:00:00Z"))).toBe(true);
    expect(isInsideTimePeriod(tokyoMonday, new Date("2026-11-23T20:00:00Z"))).toBe(false);
  });

  it("reads local wall-clock time across a DST change", () => {
    expect(toLocalTime(new Date("2026-03-29T00:59:00Z"), "Europe/London")).toMatchObject({ hour: 0, minute: 59 });
    expect(toLocalTime(new Date("2026-03-29T01:00:00Z"), "Europe/London")).toMatchObject({ hour: 2, minute: 0 });
    expect(toLocalTime(new Date("2026-11-23T00:30:00Z"), "UTC")).toMatchObject({ weekday: "monday", hour: 0 });
  });
});

describe("time ranges", () => {
  it.each<[string, { start: number; end: number } | null]>([
    ["09:00-17:00", { start: 540, end: 1020 }],
    ["00:00-24:00", { start: 0, end: 1440 }],
    ["17:00-09:00", null],
    ["09:00-09:00", null],
    ["9:00-17:00", null],
    ["09:60-17:00", null],
    ["24:00-24:00", null],
    ["09:00-24:01", null],
  ])("%s parses to %o", (text, range) => {
    expect(parseTimeRange(text)).toEqual(range);
  });

  it("recognises IANA time zones", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});
