// Calendar arithmetic in an IANA time zone: days, weeks, months and quarters start at local midnight, so a
// day across a daylight-saving change is 23 or 25 hours long. Pure (Intl only), usable in the browser.

import { toLocalTime } from "../notify/time-period";
import { epochOfWallTime } from "./wall-time";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** [from, to) in epoch milliseconds. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

export type CalendarPeriod = "MONTH" | "QUARTER";

const two = (value: number) => String(value).padStart(2, "0");

/** Local midnight of a calendar date (month 1–12; out-of-range days and months roll over). */
export function localMidnight(year: number, month: number, day: number, zone: string): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const text = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T00:00`;
  const at = epochOfWallTime(text, zone);
  if (at === null) throw new RangeError(`no local midnight for ${text} in ${zone}`);
  return at;
}

function dateOf(at: number, zone: string): { year: number; month: number; day: number; weekday: number } {
  const local = toLocalTime(new Date(at), zone);
  const weekday = new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
  return { year: local.year, month: local.month, day: local.day, weekday };
}

/** The local whole hour `at` falls in (zones such as Asia/Kolkata are half an hour off UTC's hours). */
export function startOfHour(at: number, zone: string): number {
  const local = toLocalTime(new Date(at), zone);
  return at - (local.minute * 60 + local.second) * 1000 - (((at % 1000) + 1000) % 1000);
}

export function startOfDay(at: number, zone: string): number {
  const { year, month, day } = dateOf(at, zone);
  return localMidnight(year, month, day, zone);
}

/** Local midnight `days` calendar days after the day `at` falls on. */
export function addDays(at: number, days: number, zone: string): number {
  const { year, month, day } = dateOf(at, zone);
  return localMidnight(year, month, day + days, zone);
}

/** Weeks start on Monday (ISO 8601). */
export function startOfWeek(at: number, zone: string): number {
  const { year, month, day, weekday } = dateOf(at, zone);
  return localMidnight(year, month, day - ((weekday + 6) % 7), zone);
}

export function startOfMonth(at: number, zone: string, addMonths = 0): number {
  const { year, month } = dateOf(at, zone);
  return localMidnight(year, month + addMonths, 1, zone);
}

export function startOfQuarter(at: number, zone: string, addQuarters = 0): number {
  const { year, month } = dateOf(at, zone);
  const first = month - ((month - 1) % 3);
  return localMidnight(year, first + 3 * addQuarters, 1, zone);
}

/** The calendar month or quarter `at` falls in (offset −1: the one before), in `zone`. */
export function calendarPeriod(at: number, period: CalendarPeriod, zone: string, offset = 0): Interval {
  if (period === "MONTH") return { from: startOfMonth(at, zone, offset), to: startOfMonth(at, zone, offset + 1) };
  return { from: startOfQuarter(at, zone, offset), to: startOfQuarter(at, zone, offset + 1) };
}

export const RANGE_PRESETS = ["24h", "7d", "30d", "90d", "this-month", "last-month"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The interval a preset names at `now`: rolling windows end now; "this-month" runs to now. */
export function rangeOfPreset(preset: RangePreset, now: number, zone: string): Interval {
  switch (preset) {
    case "24h":
      return { from: now - DAY_MS, to: now };
    case "7d":
      return { from: now - 7 * DAY_MS, to: now };
    case "30d":
      return { from: now - 30 * DAY_MS, to: now };
    case "90d":
      return { from: now - 90 * DAY_MS, to: now };
    case "this-month":
      return { from: startOfMonth(now, zone), to: now };
    case "last-month":
      return calendarPeriod(now, "MONTH", zone, -1);
  }
}

export type BucketSize = "hour" | "day" | "week";

/** The bucket size a chart of this interval uses: at most about 200 buckets. */
export function bucketSizeFor(interval: Interval): BucketSize {
  const length = interval.to - interval.from;
  if (length <= 3 * DAY_MS) return "hour";
  if (length <= 120 * DAY_MS) return "day";
  return "week";
}

/**
 * Buckets on whole local boundaries covering the interval; the first and last are cut to it, so the
 * buckets tile [from, to) exactly.
 */
export function bucketsFor(interval: Interval, zone: string, size: BucketSize = bucketSizeFor(interval)): Interval[] {
  if (interval.to <= interval.from) return [];
  const start = size === "hour" ? startOfHour(interval.from, zone) : size === "day" ? startOfDay(interval.from, zone) : startOfWeek(interval.from, zone);
  const next = (at: number) => (size === "hour" ? at + HOUR_MS : addDays(at, size === "day" ? 1 : 7, zone));
  const buckets: Interval[] = [];
  for (let at = start; at < interval.to; ) {
    const end = next(at);
    buckets.push({ from: Math.max(at, interval.from), to: Math.min(end, interval.to) });
    at = end;
  }
  return buckets;
}
