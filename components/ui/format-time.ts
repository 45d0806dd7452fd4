// The one place the UI turns moments and durations into text. Moments are written in a time zone the
// caller names (the user's, from <TimeZoneProvider>; see components/ui/time.tsx), never as raw ISO strings.

export type Moment = string | number | Date;

/** An IANA zone ("Europe/Berlin", "UTC"). */
export type TimeZone = string;

const epochMs = (at: Moment): number => (at instanceof Date ? at.getTime() : typeof at === "number" ? at : Date.parse(at));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: TimeZone, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { ...options, timeZone: zone, hourCycle: "h23" });
    formatters.set(key, formatter);
  }
  return formatter;
}

function parts(at: Moment, zone: TimeZone, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of formatterFor(zone, options).formatToParts(epochMs(at))) result[part.type] = part.value;
  return result;
}

const FULL: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" };

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "2024-01-31 14:45:07 CET": date and time to the second, with the zone said. */
export function formatDateTime(at: Moment, zone: TimeZone): string {
  const p = parts(at, zone, FULL);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName}`;
}

/** "2024-01-31 14:45:07": to the second, without the zone (tables whose heading names it). */
export function formatSeconds(at: Moment, zone: TimeZone): string {
  return formatDateTime(at, zone).replace(/ \S+$/, "");
}

/** "14:45". */
export function formatClock(at: Moment, zone: TimeZone): string {
  const p = parts(at, zone, { hour: "2-digit", minute: "2-digit" });
  return `${p.hour}:${p.minute}`;
}

/** "42 min", "3 h 5 min", to the nearest minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** How long something has lasted, coarse to fine: "12 s", "5 min", "2 h 13 min", "3 d 4 h". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** "12 s ago", "in 5 min", "just now" (within a second). */
export function formatRelative(at: Moment, now: number): string {
  const delta = now - epochMs(at);
  if (Math.abs(delta) < 1000) return "just now";
  return delta > 0 ? `${formatElapsed(delta)} ago` : `in ${formatElapsed(-delta)}`;
}
