import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, bucketsFor, calendarPeriod, rangeOfPreset, startOfHour, startOfWeek } from "./calendar";

const at = (iso: string) => Date.parse(iso);

describe("calendar periods", () => {
  it("a month starts at local midnight and a DST month is an hour short", () => {
    const march = calendarPeriod(at("2026-03-15T12:00:00Z"), "MONTH", "Europe/London");
    expect(new Date(march.from).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(new Date(march.to).toISOString()).toBe("2026-03-31T23:00:00.000Z");
    expect(march.to - march.from).toBe(31 * DAY_MS - HOUR_MS);
  });

  it("quarters and the one before", () => {
    const q = calendarPeriod(at("2026-05-20T00:00:00Z"), "QUARTER", "UTC");
    expect([new Date(q.from).toISOString(), new Date(q.to).toISOString()]).toEqual(["2026-04-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"]);
    const before = calendarPeriod(at("2026-02-01T00:00:00Z"), "QUARTER", "UTC", -1);
    expect(new Date(before.from).toISOString()).toBe("2025-10-01T00:00:00.000Z");
  });

  it("last month in a zone east of UTC", () => {
    const last = rangeOfPreset("last-month", at("2026-12-01T02:00:00Z"), "Asia/Tokyo");
    expect(new Date(last.from).toISOString()).toBe("2026-10-31T15:00:00.000Z");
    expect(new Date(last.to).toISOString()).toBe("2026-11-30T15:00:00.000Z");
  });

  it("weeks start on Monday", () => {
    expect(new Date(startOfWeek(at("2026-12-06T20:00:00Z"), "UTC")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("hours follow a half-hour zone", () => {
    expect(new Date(startOfHour(at("2026-12-06T20:10:00Z"), "Asia/Kolkata")).toISOString()).toBe("2026-12-06T19:30:00.000Z");
  });
});

describe("buckets", () => {
  it("tile the interval exactly on whole local days", () => {
    const interval = { from: at("2026-10-20T10:00:00Z"), to: at("2026-11-05T10:00:00Z") };
    const buckets = bucketsFor(interval, "Europe/Berlin");
    expect(buckets[0]!.from).toBe(interval.from);
    expect(buckets.at(-1)!.to).toBe(interval.to);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.from).toBe(buckets[i - 1]!.to);
    expect(new Date(buckets[1]!.from).toISOString()).toBe("2026-10-20T22:00:00.000Z");
    // 25 October 2026 is 25 hours long in Berlin
    expect(buckets.find((b) => b.from === at("2026-10-24T22:00:00Z"))!.to).toBe(at("2026-10-25T23:00:00Z"));
  });

  it("choose hours for a day, weeks for a year", () => {
    expect(bucketsFor({ from: 0, to: DAY_MS }, "UTC")).toHaveLength(24);
    expect(bucketsFor({ from: at("2026-01-05T00:00:00Z"), to: at("2026-12-28T00:00:00Z") }, "UTC")).toHaveLength(51);
  });
});
