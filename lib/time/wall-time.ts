// A datetime-local field holds a wall-clock time with no zone ("2026-12-06T22:00"). The dashboard shows
// times in the user's chosen zone, which need not be the browser's, so the fields are read and filled in
// that zone here, never through `new Date(value)` (which would use the browser's zone).

import { toLocalTime } from "../notify/time-period";

/** An IANA time zone name ("Europe/London", "UTC"). */
type TimeZone = string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The wall-clock reading in `zone` at `at`, as if it were UTC (to compare with Date.UTC values). */
function wallAsUtc(at: number, zone: TimeZone): number {
  const wall = toLocalTime(new Date(at), zone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** "2026-12-06T22:00": the value a datetime-local field shows for `at` in `zone` (to the minute). */
export function wallTimeOf(at: number, zone: TimeZone): string {
  const wall = toLocalTime(new Date(at), zone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${wall.year}-${two(wall.month)}-${two(wall.day)}T${two(wall.hour)}:${two(wall.minute)}`;
}

/**
 * The moment a datetime-local value means in `zone`; null when the value is not a date and time. In a
 * gap (clocks going forward) the time is read with the offset before the change, in an overlap the first one.
 */
export function epochOfWallTime(value: string, zone: TimeZone): number | null {
  const match = WALL_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null;
  const offsetBefore = wallAsUtc(asUtc - DAY_MS, zone) - (asUtc - DAY_MS);
  const offsetAfter = wallAsUtc(asUtc + DAY_MS, zone) - (asUtc + DAY_MS);
  for (const offset of offsetBefore === offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter]) {
    const candidate = asUtc - offset;
    if (wallAsUtc(candidate, zone) === asUtc) return candidate;
  }
  return asUtc - offsetBefore;
}

/** `at` cut down to the whole minute (datetime-local fields hold minutes). */
export function floorToMinute(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/** The moment it is `time` ("22:00") on the day `at` falls on in `zone`, `addDays` days later. */
export function atClockTime(at: number, zone: TimeZone, time: string, addDays = 0): number | null {
  const [date] = wallTimeOf(at, zone).split("T");
  const [year, month, day] = date!.split("-").map(Number);
  const shifted = new Date(Date.UTC(year!, month! - 1, day! + addDays));
  const shiftedDate = shifted.toISOString().slice(0, 10);
  return epochOfWallTime(`${shiftedDate}T${time}`, zone);
}

const HOUR_MS = 3_600_000;

/**
 * The "tonight" preset, in `zone`: 22:00 to 06:00 the next morning; from now when it is already later than
 * 22:00, and until 06:00 this morning when it is still before then.
 */
export function tonight(now: number, zone: TimeZone): { startAt: number; endAt: number } {
  const start = floorToMinute(now);
  const morning = atClockTime(now, zone, "06:00") ?? start + 6 * HOUR_MS;
  if (start < morning) return { startAt: start, endAt: morning };
  const evening = atClockTime(now, zone, "22:00") ?? start;
  const nextMorning = atClockTime(now, zone, "06:00", 1) ?? evening + 8 * HOUR_MS;
  return { startAt: Math.max(start, evening), endAt: nextMorning };
}
