// The time range of a history chart and the moment of a time-travel view, as the URL carries them
// (?range=7d, ?from=…&to=… ISO, ?at=…). Pure: usable in the browser and on the server.

import { DAY_MS, RANGE_PRESETS, rangeOfPreset, type Interval, type RangePreset } from "../time/calendar";

/** The longest range a chart may ask for (history is kept 400 days by default). */
export const MAX_RANGE_DAYS = 400;

export const RANGE_LABELS: Record<RangePreset, string> = {
  "24h": "24 h",
  "7d": "7 d",
  "30d": "30 d",
  "90d": "90 d",
  "this-month": "This month",
  "last-month": "Last month",
};

/** The range as chosen: a preset, or a custom from–to (absolute moments). */
export type RangeChoice = { kind: "preset"; preset: RangePreset } | { kind: "custom"; from: number; to: number };

export type RangeQuery = { range?: string | null; from?: string | null; to?: string | null };

export type ParsedRange = { ok: true; choice: RangeChoice; interval: Interval } | { ok: false; message: string };

const DEFAULT_PRESET: RangePreset = "24h";
export const DEFAULT_RANGE: RangeChoice = { kind: "preset", preset: DEFAULT_PRESET };

function isPreset(value: string): value is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value);
}

/** An ISO 8601 moment with a date and a time, or epoch seconds; null otherwise. */
export function parseMoment(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,12}$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : at;
}

/**
 * The range a URL names at `now` in `zone`: ?range=<preset>, or ?from=&to= (ISO or epoch seconds); nothing
 * means the last 24 hours. A bad value gives a message saying what is wrong.
 */
export function parseRangeQuery(query: RangeQuery, now: number, zone: string): ParsedRange {
  const { range, from, to } = query;
  if (from || to) {
    if (!from || !to) return { ok: false, message: "A custom range needs both from and to." };
    const start = parseMoment(from);
    const end = parseMoment(to);
    if (start === null) return { ok: false, message: `"${from}" is not a date and time (from).` };
    if (end === null) return { ok: false, message: `"${to}" is not a date and time (to).` };
    if (start >= end) return { ok: false, message: "The range must end after it starts (from is not before to)." };
    if (start >= now) return { ok: false, message: "The range starts in the future." };
    if (end - start > MAX_RANGE_DAYS * DAY_MS) return { ok: false, message: `The range is longer than ${MAX_RANGE_DAYS} days.` };
    return { ok: true, choice: { kind: "custom", from: start, to: end }, interval: { from: start, to: Math.min(end, now) } };
  }
  if (!range) return { ok: true, choice: DEFAULT_RANGE, interval: rangeOfPreset("24h", now, zone) };
  if (!isPreset(range)) return { ok: false, message: `"${range}" is not a range; choose one of ${RANGE_PRESETS.join(", ")}.` };
  return { ok: true, choice: { kind: "preset", preset: range }, interval: rangeOfPreset(range, now, zone) };
}

/** The URL query (without "?") that names a range; "" for the default. */
export function rangeQueryOf(choice: RangeChoice): string {
  if (choice.kind === "custom") return new URLSearchParams({ from: new Date(choice.from).toISOString(), to: new Date(choice.to).toISOString() }).toString();
  return choice.preset === DEFAULT_PRESET ? "" : `range=${choice.preset}`;
}

export function isDefaultRange(choice: RangeChoice): boolean {
  return choice.kind === "preset" && choice.preset === DEFAULT_PRESET;
}

export type ParsedMoment = { ok: true; at: number } | { ok: false; message: string };

/** A time-travel moment (?at=): ISO or epoch seconds, not in the future (a second's clock skew allowed). */
export function parseTravelMoment(text: string, now: number): ParsedMoment {
  const at = parseMoment(text);
  if (at === null) return { ok: false, message: `"${text}" is not a moment: give an ISO 8601 time (2026-12-01T03:12:00Z) or epoch seconds.` };
  if (at > now + 1000) return { ok: false, message: "The moment is in the future; history can only show the past." };
  return { ok: true, at: Math.min(at, now) };
}

/** A page's ?at= read now: null for live (absent or repeated), else the moment or why it is refused. */
export function travelMomentOf(param: string | string[] | undefined, now = Date.now()): ParsedMoment | null {
  return typeof param === "string" ? parseTravelMoment(param, now) : null;
}
