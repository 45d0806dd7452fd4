import { describe, expect, it } from "vitest";
import { formatClock, formatDateTime, formatDuration, formatElapsed, formatRelative, formatSeconds, isTimeZone } from "./format-time";

const MOMENT = Date.UTC(2024, 0, 31, 13, 45, 7, 250);

describe("moments in a time zone", () => {
  it("to the second with the zone, from a number, a date or an ISO string", () => {
    for (const at of [MOMENT, new Date(MOMENT), new Date(MOMENT).toISOString()]) expect(formatDateTime(at, "UTC")).toBe("2024-01-31 13:45:07 UTC");
  });

  it("in another zone, crossing midnight", () => {
    expect(formatSeconds(MOMENT, "Asia/Tokyo")).toBe("2024-01-31 22:45:07");
    expect(formatSeconds(Date.UTC(2024, 0, 31, 20, 0, 0), "Asia/Tokyo")).toBe("2024-02-01 05:00:00");
    expect(formatClock(MOMENT, "America/New_York")).toBe("08:45");
  });

  it("knows real zones from made-up ones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("durations", () => {
  it.each([
    [0, "0 min"],
    [29_999, "0 min"],
    [59 * 60_000, "59 min"],
    [60 * 60_000, "1 h 0 min"],
    [(3 * 60 + 5) * 60_000 + 20_000, "3 h 5 min"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [12_400, "12 s"],
    [5 * 60_000 + 59_000, "5 min"],
    [(2 * 60 + 13) * 60_000, "2 h 13 min"],
    [(3 * 24 + 4) * 3_600_000 + 1, "3 d 4 h"],
  ])("elapsed %d ms is %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it("relative to now", () => {
    expect(formatRelative(MOMENT, MOMENT + 12_000)).toBe("12 s ago");
    expect(formatRelative(MOMENT, MOMENT + 300)).toBe("just now");
    expect(formatRelative(MOMENT + 5 * 60_000, MOMENT)).toBe("in 5 min");
  });
});
