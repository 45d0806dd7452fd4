import { describe, expect, it } from "vitest";
import { atClockTime, epochOfWallTime, floorToMinute, tonight, wallTimeOf } from "./wall-time";

describe("datetime-local values in the user's time zone", () => {
  it("reads a wall time in the named zone, not the browser's", () => {
    expect(epochOfWallTime("2026-12-06T22:00", "UTC")).toBe(Date.UTC(2026, 11, 6, 22, 0));
    expect(epochOfWallTime("2026-12-06T22:00", "Europe/Berlin")).toBe(Date.UTC(2026, 11, 6, 21, 0));
    expect(epochOfWallTime("2026-07-06T22:00", "Europe/Berlin")).toBe(Date.UTC(2026, 6, 6, 20, 0));
    expect(epochOfWallTime("2026-12-06T09:30", "Asia/Tokyo")).toBe(Date.UTC(2026, 11, 6, 0, 30));
  });

  it("writes a moment as the field shows it, and reads back the same moment", () => {
    const at = Date.UTC(2026, 11, 6, 21, 5);
    expect(wallTimeOf(at, "Europe/Berlin")).toBe("2026-12-06T22:05");
    expect(wallTimeOf(at, "America/New_York")).toBe("2026-12-06T16:05");
    for (const zone of ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"]) expect(epochOfWallTime(wallTimeOf(at, zone), zone)).toBe(at);
  });

  it("refuses what is not a date and time", () => {
    for (const value of ["", "tomorrow", "2026-02-30T10:00", "2026-12-06T24:00", "2026-12-06 10:00x"]) expect(epochOfWallTime(value, "UTC")).toBeNull();
  });

  it("takes the first of two equal wall times when clocks go back, and the old offset in a gap", () => {
    expect(epochOfWallTime("2026-10-25T02:30", "Europe/Berlin")).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(epochOfWallTime("2026-03-29T02:30", "Europe/Berlin")).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it("finds a clock time today or on a later day in the zone", () => {
    const lateEvening = Date.UTC(2026, 11, 6, 23, 30); // 00:30 on the 7th in Berlin
    expect(atClockTime(lateEvening, "Europe/Berlin", "22:00")).toBe(Date.UTC(2026, 11, 7, 21, 0));
    expect(atClockTime(lateEvening, "UTC", "06:00", 1)).toBe(Date.UTC(2026, 11, 7, 6, 0));
    expect(atClockTime(Date.UTC(2026, 11, 31, 12, 0), "UTC", "06:00", 1)).toBe(Date.UTC(2027, 0, 1, 6, 0));
  });

  it("cuts a moment to the minute", () => {
    expect(floorToMinute(Date.UTC(2026, 11, 6, 22, 5, 59, 999))).toBe(Date.UTC(2026, 11, 6, 22, 5));
  });
});

describe("the tonight preset", () => {
  it("runs from 22:00 to 06:00 the next morning in the user's zone", () => {
    expect(tonight(Date.UTC(2026, 11, 6, 14, 0), "Europe/Berlin")).toEqual({ startAt: Date.UTC(2026, 11, 6, 21, 0), endAt: Date.UTC(2026, 11, 7, 5, 0) });
  });

  it("starts now when it is already night, and ends this morning after midnight", () => {
    expect(tonight(Date.UTC(2026, 11, 6, 23, 10, 30), "UTC")).toEqual({ startAt: Date.UTC(2026, 11, 6, 23, 10), endAt: Date.UTC(2026, 11, 7, 6, 0) });
    expect(tonight(Date.UTC(2026, 11, 7, 2, 0), "UTC")).toEqual({ startAt: Date.UTC(2026, 11, 7, 2, 0), endAt: Date.UTC(2026, 11, 7, 6, 0) });
  });
});
