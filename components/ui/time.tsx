"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { formatClock, formatDateTime, formatRelative, formatSeconds, type Moment, type TimeZone } from "./format-time";

const TimeZoneContext = createContext<TimeZone>("UTC");

/** Gives every <Time> below it the user's time zone (chosen on Account; the browser's by default). */
export function TimeZoneProvider({ zone, children }: { zone: TimeZone; children: ReactNode }) {
  return <TimeZoneContext.Provider value={zone}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): TimeZone {
  return useContext(TimeZoneContext);
}

/** The current time, re-read every `everyMs` so relative times and ages tick. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

type Style = "relative" | "datetime" | "seconds" | "clock";

/**
 * A moment as the UI shows it: in the user's time zone, "relative" ticking ("12 s ago"), or absolute;
 * the full date and time with its zone is always on hover.
 */
export function Time({ at, style = "datetime", className }: { at: Moment; style?: Style; className?: string }) {
  const zone = useTimeZone();
  const now = useNow(style === "relative" ? 1000 : 3_600_000);
  const full = formatDateTime(at, zone);
  const text =
    style === "relative" ? formatRelative(at, now) : style === "seconds" ? formatSeconds(at, zone) : style === "clock" ? formatClock(at, zone) : full;
  return (
    <time dateTime={new Date(at).toISOString()} title={full} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
