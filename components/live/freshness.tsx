"use client";

import { useState, type ReactNode } from "react";
import { Time, useNow, useTimeZone } from "@/components/ui/time";
import { formatDateTime, formatElapsed, type Moment } from "@/components/ui/format-time";
import { CONNECTION_LABEL, STALE_REASON_TEXT, type StaleData } from "./freshness-state";
import { useLiveFreshness, useStaleData } from "./live-events-provider";

const CONNECTION_DOT = {
  connecting: "bg-slate-400",
  connected: "bg-emerald-600",
  reconnecting: "bg-amber-500",
  offline: "bg-red-600",
} as const;

/**
 * A live view's "Live · updated 12 s ago": the stream's state in words and when the poller last
 * confirmed the data, ticking (the full time on hover). Only this small line re-renders every second.
 */
export function LiveFreshnessIndicator({ className = "" }: { className?: string }) {
  const { connection, confirmedAt } = useLiveFreshness();
  const stale = useStaleData();
  return (
    <p className={`flex flex-wrap items-center gap-x-2 text-sm text-slate-700 ${className}`} data-testid="live-freshness" data-connection={connection} data-stale={stale !== null}>
      <span className="inline-flex items-center gap-1.5 font-medium" aria-live="polite" data-testid="live-connection">
        <span aria-hidden className={`h-2 w-2 rounded-full ${CONNECTION_DOT[connection]}`} />
        {CONNECTION_LABEL[connection]}
        {stale && stale.reason !== "connection" && <span className="text-red-800"> · {STALE_REASON_TEXT[stale.reason]}</span>}
      </span>
      <span aria-hidden>·</span>
      <span data-testid="live-updated">
        {confirmedAt === null ? (
          "not updated yet"
        ) : (
          <>
            updated <Time at={confirmedAt} style="relative" className="tabular-nums" />
          </>
        )}
      </span>
    </p>
  );
}

/** Classes that grey a tile or box whose data may be out of date (with <StaleAge> on it). */
export const STALE_TILE_CLASS = "grayscale opacity-75";

/** Hatching over a stale tile (its box must be `relative`), with how old its data is. */
export function StaleVeil({ stale }: { stale: StaleData }) {
  return (
    <span
      aria-hidden
      className="pointer-events-none absolute inset-0 bg-[repeating-linear-gradient(135deg,rgb(51_65_85/0.22)_0_4px,transparent_4px_10px)]"
    >
      <StaleAge confirmedAt={stale.confirmedAt} className="absolute right-1 bottom-1 rounded bg-white/90 px-1 text-[10px] leading-4 font-semibold text-slate-900 ring-1 ring-slate-500" />
    </span>
  );
}

/** "stale · 42 s": how long ago the data was last confirmed, ticking; "stale" alone when that is not known. */
export function StaleAge({ confirmedAt, className }: { confirmedAt: Moment | null; className?: string }) {
  const now = useNow();
  return (
    <span className={className} data-testid="stale-age">
      {confirmedAt === null ? "stale" : `stale · ${formatElapsed(now - new Date(confirmedAt).getTime())}`}
    </span>
  );
}

/**
 * A live view (Service, Component, Investigate) that greys and hatches itself while its data may be
 * out of date, saying why and how old the data is, and returns to normal once it is current again.
 */
export function StaleFrame({ children }: { children: ReactNode }) {
  const stale = useStaleData();
  return (
    <div data-testid="stale-frame" data-stale={stale !== null}>
      {stale && (
        <p role="status" className="mb-2 rounded bg-slate-200 px-3 py-1.5 text-sm text-slate-900" data-testid="stale-notice">
          <strong>{STALE_REASON_TEXT[stale.reason]}:</strong> the states below may be out of date
          {stale.confirmedAt !== null && (
            <>
              {" "}(last confirmed <Time at={stale.confirmedAt} style="relative" />)
            </>
          )}
          .
        </p>
      )}
      <div className="relative">
        <div className={stale ? STALE_TILE_CLASS : undefined}>{children}</div>
        {stale && (
          <span aria-hidden className="pointer-events-none absolute inset-0 bg-[repeating-linear-gradient(135deg,rgb(51_65_85/0.12)_0_4px,transparent_4px_10px)]" />
        )}
      </div>
    </div>
  );
}

/** "for 2 h 13 min": how long an object has been in its state, ticking; the moment it entered it on hover. */
export function InStateFor({ since, className = "" }: { since: string | null; className?: string }) {
  if (since === null) return null;
  return <InStateForKnown since={since} className={className} />;
}

/** Under a minute the text changes every second; after that every minute, so a wall of tiles re-renders rarely. */
const tickFor = (elapsedMs: number) => (elapsedMs < 60_000 ? 1_000 : 10_000);

function InStateForKnown({ since, className }: { since: string; className: string }) {
  const [everyMs, setEveryMs] = useState(1_000);
  const now = useNow(everyMs);
  const wanted = tickFor(now - Date.parse(since));
  if (wanted !== everyMs) setEveryMs(wanted);
  const zone = useTimeZone();
  return (
    <time dateTime={since} title={`Since ${formatDateTime(since, zone)}`} className={`tabular-nums ${className}`} data-testid="state-since" suppressHydrationWarning>
      {`for ${formatElapsed(now - Date.parse(since))}`}
    </time>
  );
}
