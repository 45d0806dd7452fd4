// Rules: docs/notification-rules.md §7 (time periods).
import { WEEKDAYS, type TimePeriod, type Weekday, type WeeklyTimePeriod } from "./types";

const MINUTES_PER_DAY = 24 * 60;
const RANGE_PATTERN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

export interface MinuteRange {
  /** Minutes after local midnight, inclusive. */
  start: number;
  /** Minutes after local midnight, exclusive. */
  end: number;
}

/** Parses `"HH:MM-HH:MM"` (end exclusive, `24:00` allowed); null when malformed or empty. */
export function parseTimeRange(text: string): MinuteRange | null {
  const match = RANGE_PATTERN.exec(text);
  if (!match) return null;
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number);
  if (startMinute > 59 || endMinute > 59) return null;
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  if (start >= MINUTES_PER_DAY || end > MINUTES_PER_DAY || start >= end) return null;
  return { start, end };
}

/** Throws RangeError for an unknown IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat("en-US", { timeZone });
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  hour: number;
  minute: number;
  second: number;
}

const localFormatters = new Map<string, Intl.DateTimeFormat>();

function getLocalFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = localFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      weekday: "long",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    localFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of `at` in an IANA time zone. */
export function toLocalTime(at: Date, timeZone: string): LocalTime {
  const parts = getLocalFormatter(timeZone).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? "";
  const weekday = field("weekday").toLowerCase();
  const knownWeekday = WEEKDAYS.find((day) => day === weekday);
  if (!knownWeekday) throw new RangeError(`unexpected weekday "${weekday}" for ${timeZone}`);
  return {
    year: Number(field("year")),
    month: Number(field("month")),
    day: Number(field("day")),
    weekday: knownWeekday,
    hour: Number(field("hour")),
    minute: Number(field("minute")),
    second: Number(field("second")),
  };
}

export const WORKHOURS: WeeklyTimePeriod = {
  timeZone: "UTC",
  ranges: {
    monday: ["09:00-17:00"],
    tuesday: ["09:00-17:00"],
    wednesday: ["09:00-17:00"],
    thursday: ["09:00-17:00"],
    friday: ["09:00-17:00"],
  },
};

function isInsideWeeklyPeriod(period: WeeklyTimePeriod, at: Date): boolean {
  const local = toLocalTime(at, period.timeZone);
  const minuteOfDay = local.hour * 60 + local.minute;
  return (period.ranges[local.weekday] ?? []).some((text) => {
    const range = parseTimeRange(text);
    return range !== null && minuteOfDay >= range.start && minuteOfDay < range.end;
  });
}

/** Whether a notification at `at` may be sent under the profile's time period. */
export function isInsideTimePeriod(period: TimePeriod, at: Date): boolean {
  if (period === "24x7") return true;
  if (period === "none") return false;
  if (period === "workhours") return isInsideWeeklyPeriod(WORKHOURS, at);
  return isInsideWeeklyPeriod(period, at);
}
