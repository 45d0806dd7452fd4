"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { applyServiceChanges, type ServiceStatusChange } from "@/lib/status/summary-options";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { staleDataOf, type LiveConnection, type LiveFreshness, type StaleData } from "./freshness-state";

export interface LivePollState {
  ok: boolean;
  staleSince: number | null;
  /** The source's error text: administrators only (the server leaves it out for others). */
  message: string | null;
  /** Set while the dashboard's own database cannot be reached (the stream's "stale" event). */
  databaseDownSince?: number | null;
}

export const LivePollContext = createContext<LivePollState | null>(null);
export const LiveFreshnessContext = createContext<LiveFreshness>({ connection: "connecting", confirmedAt: null });
/** Apart from LiveFreshnessContext so that tiles re-render when the data turns stale or fresh, not on every poll. */
export const StaleDataContext = createContext<StaleData | null>(null);

const SUMMARY_KEY = ["bsm", "summary"];
/**
 * The Summary's tiles are repainted from each event itself; the refetch that brings its
 * component counts waits this long after the first event, so a busy estate (an event every
 * second) does not have every open page fetch a thousand services every second.
 */
const SUMMARY_REFRESH_DELAY_MS = 3_000;
/**
 * The server sends a heartbeat every 5 s (lib/events/live-event-stream.ts); this long without a word, the
 * stream is lost. A closed stream is noticed at once (onerror); this catches one that hangs. The margin
 * keeps a server busy with a large poll cycle from looking lost.
 */
const SILENCE_MS = 12_000;
/** After the browser gave up on the stream (an error answer), open it again this much later. */
const REOPEN_MS = 5_000;

/**
 * Opens the page's one server-sent-events stream. On a BSM event it repaints the Summary from
 * the changes the event carries and refreshes the other BSM views at once; the Summary itself
 * is refetched a little later (see SUMMARY_REFRESH_DELAY_MS). It keeps the stream's state and
 * when the poller last confirmed the data (LiveFreshnessContext), starting from `confirmedAt`
 * (the poller's last success as the page was rendered, ISO), and opens the stream again when
 * it falls silent or the browser comes back online; views are then fetched again.
 */
export function LiveEventsProvider({ children, confirmedAt }: { children: ReactNode; confirmedAt?: string | null }) {
  const queryClient = useQueryClient();
  const [poll, setPoll] = useState<LivePollState | null>(null);
  const [freshness, setFreshness] = useState<LiveFreshness>(() => ({ connection: "connecting", confirmedAt: confirmedAt ? Date.parse(confirmedAt) : null }));

  useEffect(() => {
    let source: EventSource | null = null;
    let summaryRefresh: ReturnType<typeof setTimeout> | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let lastHeardAt = Date.now();
    let everConnected = false;
    const setConnection = (connection: LiveConnection) => setFreshness((previous) => (previous.connection === connection ? previous : { ...previous, connection }));
    const heard = () => {
      lastHeardAt = Date.now();
    };

    const open = () => {
      source?.close();
      if (reopen) clearTimeout(reopen);
      reopen = null;
      lastHeardAt = Date.now();
      const stream = new EventSource("/api/events");
      source = stream;
      stream.onopen = () => {
        heard();
        setConnection("connected");
        // Whatever changed while the stream was down came in no event: fetch every view again.
        if (everConnected) void queryClient.invalidateQueries({ queryKey: ["bsm"] });
        everConnected = true;
      };
      stream.onerror = () => {
        if (stream !== source) return;
        if (!navigator.onLine) {
          stream.close();
          setConnection("offline");
          return;
        }
        setConnection("reconnecting");
        if (stream.readyState === EventSource.CLOSED) reopen = setTimeout(open, REOPEN_MS);
      };
      stream.addEventListener("heartbeat", heard);
      stream.addEventListener("bsm", (message) => {
        heard();
        const event = JSON.parse((message as MessageEvent<string>).data) as { at: number; changes?: ServiceStatusChange[] };
        if (event.changes?.length) {
          queryClient.setQueryData<BusinessServiceStatusView[]>(SUMMARY_KEY, (services) => services && applyServiceChanges(services, event.changes ?? [], event.at));
        }
        void queryClient.invalidateQueries({ queryKey: ["bsm"], predicate: (query) => query.queryKey[1] !== SUMMARY_KEY[1] });
        summaryRefresh ??= setTimeout(() => {
          summaryRefresh = null;
          void queryClient.invalidateQueries({ queryKey: SUMMARY_KEY });
        }, SUMMARY_REFRESH_DELAY_MS);
      });
      stream.addEventListener("poll", (message) => {
        heard();
        const event = JSON.parse((message as MessageEvent<string>).data) as LivePollState & { at: number };
        setPoll((previous) => ({ ok: event.ok, staleSince: event.staleSince, message: event.message, databaseDownSince: previous?.databaseDownSince ?? null }));
        if (event.ok) setFreshness((previous) => ({ connection: "connected", confirmedAt: Math.max(previous.confirmedAt ?? 0, event.at) }));
      });
      stream.addEventListener("stale", (message) => {
        heard();
        const event = JSON.parse((message as MessageEvent<string>).data) as { reason: "source" | "database"; since: number };
        setPoll((previous) =>
          event.reason === "database"
            ? { ok: previous?.ok ?? false, staleSince: previous?.staleSince ?? null, message: previous?.message ?? null, databaseDownSince: event.since }
            : { ok: false, staleSince: event.since, message: previous?.message ?? null, databaseDownSince: null },
        );
      });
      stream.addEventListener("fresh", () => {
        heard();
        setPoll({ ok: true, staleSince: null, message: null, databaseDownSince: null });
      });
    };

    const watchdog = setInterval(() => {
      if (source?.readyState === EventSource.OPEN && Date.now() - lastHeardAt > SILENCE_MS) {
        setConnection("reconnecting");
        open();
      }
    }, 1_000);
    const goneOffline = () => {
      source?.close();
      source = null;
      setConnection("offline");
    };
    const backOnline = () => {
      setConnection("reconnecting");
      open();
    };
    window.addEventListener("offline", goneOffline);
    window.addEventListener("online", backOnline);
    if (navigator.onLine) open();
    else setConnection("offline");
    return () => {
      window.removeEventListener("offline", goneOffline);
      window.removeEventListener("online", backOnline);
      clearInterval(watchdog);
      source?.close();
      if (summaryRefresh) clearTimeout(summaryRefresh);
      if (reopen) clearTimeout(reopen);
    };
  }, [queryClient]);

  const stale = staleDataOf(freshness, poll);
  const staleReason = stale?.reason ?? null;
  const staleConfirmedAt = stale?.confirmedAt ?? null;
  const staleData = useMemo<StaleData | null>(() => (staleReason ? { reason: staleReason, confirmedAt: staleConfirmedAt } : null), [staleReason, staleConfirmedAt]);

  return (
    <LivePollContext.Provider value={poll}>
      <LiveFreshnessContext.Provider value={freshness}>
        <StaleDataContext.Provider value={staleData}>{children}</StaleDataContext.Provider>
      </LiveFreshnessContext.Provider>
    </LivePollContext.Provider>
  );
}

export function useLivePollState(): LivePollState | null {
  return useContext(LivePollContext);
}

/** The stream's state and when the poller last confirmed the data (changes on every poll). */
export function useLiveFreshness(): LiveFreshness {
  return useContext(LiveFreshnessContext);
}

/** Null while the page's data is current; why and since when it may not be, otherwise. */
export function useStaleData(): StaleData | null {
  return useContext(StaleDataContext);
}
