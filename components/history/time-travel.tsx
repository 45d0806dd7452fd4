"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Time, useNow, useTimeZone } from "@/components/ui/time";
import { RANGE_LABELS } from "@/lib/status/history-range";
import { floorToMinute, epochOfWallTime, wallTimeOf } from "@/lib/time/wall-time";
import { rangeOfPreset, type RangePreset } from "@/lib/time/calendar";

export const AT_PARAM = "at";
const OVER_PARAM = "over";
const SCRUB_RANGES = ["24h", "7d", "30d"] as const satisfies readonly RangePreset[];
type ScrubRange = (typeof SCRUB_RANGES)[number];
const MINUTE_MS = 60_000;

function isScrubRange(value: string | null): value is ScrubRange {
  return value !== null && (SCRUB_RANGES as readonly string[]).includes(value);
}

/** The page's URL with `at` (and the scrubber's range) changed or, with null, removed: back to live. */
function useMomentLink() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  return (at: number | null, over?: ScrubRange) => {
    const next = new URLSearchParams(searchParams.toString());
    if (at === null) {
      next.delete(AT_PARAM);
      next.delete(OVER_PARAM);
    } else {
      next.set(AT_PARAM, new Date(at).toISOString().replace(".000Z", "Z"));
      if (over !== undefined) next.set(OVER_PARAM, over);
    }
    const text = next.toString();
    return text ? `${pathname}?${text}` : pathname;
  };
}

/** Live: a way into history (an hour ago). */
export function TimeTravelButton() {
  const link = useMomentLink();
  const now = useNow(60_000);
  return (
    <Link
      href={link(floorToMinute(now - 60 * MINUTE_MS))}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600"
      data-testid="time-travel"
    >
      Time travel
    </Link>
  );
}

/** History mode: what is shown and when, a way back to live, and a scrubber over a chosen range that moves ?at=. */
export function HistoryBar({ at, what }: { at: number; what: string }) {
  const link = useMomentLink();
  return (
    <section
      role="status"
      aria-label="History"
      data-testid="history-banner"
      data-at={new Date(at).toISOString()}
      className="mb-4 space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="rounded bg-amber-800 px-1.5 py-0.5 text-xs font-bold tracking-wide text-white uppercase">History</span>
        <span>
          Showing {what} as it was at <Time at={at} className="font-semibold" /> — no live updates.
        </span>
        <Link href={link(null)} className="font-semibold text-blue-800 underline hover:text-blue-950" data-testid="back-to-live">
          Back to live
        </Link>
      </p>
      <TimeScrubber key={at} at={at} />
    </section>
  );
}

function TimeScrubber({ at }: { at: number }) {
  const zone = useTimeZone();
  const router = useRouter();
  const searchParams = useSearchParams();
  const link = useMomentLink();
  const now = useNow(60_000);
  const over = isScrubRange(searchParams.get(OVER_PARAM)) ? (searchParams.get(OVER_PARAM) as ScrubRange) : "24h";
  const range = rangeOfPreset(over, floorToMinute(now), zone);
  const from = Math.min(range.from, floorToMinute(at));
  const [value, setValue] = useState(at);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const go = (moment: number, nextOver = over) => router.replace(link(Math.min(moment, now), nextOver), { scroll: false });
  const scrub = (moment: number) => {
    setValue(moment);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => go(moment), 400);
  };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label className="flex min-w-48 flex-1 flex-col gap-1 text-xs text-amber-950">
        <span>
          Moment within the last {RANGE_LABELS[over]}: <Time at={value} style="seconds" />
        </span>
        <input
          type="range"
          data-testid="time-scrubber"
          min={from}
          max={range.to}
          step={MINUTE_MS}
          value={value}
          onChange={(event) => scrub(Number(event.target.value))}
          className="w-full accent-amber-600"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs">
        Over
        <select
          value={over}
          onChange={(event) => go(Math.max(value, rangeOfPreset(event.target.value as ScrubRange, now, zone).from), event.target.value as ScrubRange)}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900"
        >
          {SCRUB_RANGES.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_LABELS[preset]}
            </option>
          ))}
        </select>
      </label>
      <form
        className="flex items-end gap-1 text-xs"
        onSubmit={(event) => {
          event.preventDefault();
          const moment = epochOfWallTime(String(new FormData(event.currentTarget).get("moment") ?? ""), zone);
          if (moment !== null) go(moment);
        }}
      >
        <label className="flex flex-col gap-1">
          Time ({zone})
          <input
            key={at}
            name="moment"
            type="datetime-local"
            data-testid="time-travel-input"
            defaultValue={wallTimeOf(at, zone)}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900"
          />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-0.5 font-medium text-slate-800 hover:bg-slate-100">
          Go
        </button>
      </form>
    </div>
  );
}

/** A bad ?at=: why, and the way back to live. */
export function BadMoment({ message }: { message: string }) {
  const link = useMomentLink();
  return (
    <p role="alert" data-testid="history-error" className="mb-4 rounded bg-red-50 p-3 text-sm text-red-900">
      Cannot show history: {message}{" "}
      <Link href={link(null)} className="font-semibold text-blue-800 underline">
        Back to live
      </Link>
    </p>
  );
}
