"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { applyServiceChanges, type ServiceStatusChange } from "@/lib/status/summary-options";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";

export interface LivePollState {
  ok: boolean;
  staleSince: number | null;
  /** The source's error text: administrators only (the server leaves it out for others). */
  message: string | null;
  /** Set while the dashboard's own database cannot be reached (the stream's "stale" event). */
  databaseDownSince?: number | null;
}

export const LivePollContext = createContext<LivePollState | null>(null);

const SUMMARY_KEY = ["bsm", "summary"];
/**
 * The Summary's tiles are repainted from each event itself; the refetch that brings its
 * component counts waits this long after the first event, so a busy estate (an event every
 * second) does not have every open page fetch a thousand services every second.
 */
const SUMMARY_REFRESH_DELAY_MS = 3_000;

/**
 * Opens the page's one server-sent-events stream. On a BSM event it repaints the Summary from
 * the changes the event carries and refreshes the other BSM views at once; the Summary itself
 * is refetched a little later (see SUMMARY_REFRESH_DELAY_MS).
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [poll, setPoll] = useState<LivePollState | null>(null);

  useEffect(() => {
    const source = new EventSource("/api/events");
    let summaryRefresh: ReturnType<typeof setTimeout> | null = null;
    source.addEventListener("bsm", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { changes?: ServiceStatusChange[] };
      if (event.changes?.length) {
        queryClient.setQueryData<BusinessServiceStatusView[]>(SUMMARY_KEY, (services) => services && applyServiceChanges(services, event.changes ?? []));
      }
      void queryClient.invalidateQueries({ queryKey: ["bsm"], predicate: (query) => query.queryKey[1] !== SUMMARY_KEY[1] });
      summaryRefresh ??= setTimeout(() => {
        summaryRefresh = null;
        void queryClient.invalidateQueries({ queryKey: SUMMARY_KEY });
      }, SUMMARY_REFRESH_DELAY_MS);
    });
    source.addEventListener("poll", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LivePollState;
      setPoll((previous) => ({ ok: event.ok, staleSince: event.staleSince, message: event.message, databaseDownSince: previous?.databaseDownSince ?? null }));
    });
    source.addEventListener("stale", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { reason: "source" | "database"; since: number };
      setPoll((previous) =>
        event.reason === "database"
          ? { ok: previous?.ok ?? false, staleSince: previous?.staleSince ?? null, message: previous?.message ?? null, databaseDownSince: event.since }
          : { ok: false, staleSince: event.since, message: previous?.message ?? null, databaseDownSince: null },
      );
    });
    source.addEventListener("fresh", () => {
      setPoll({ ok: true, staleSince: null, message: null, databaseDownSince: null });
    });
    return () => {
      source.close();
      if (summaryRefresh) clearTimeout(summaryRefresh);
    };
  }, [queryClient]);

  return <LivePollContext.Provider value={poll}>{children}</LivePollContext.Provider>;
}

export function useLivePollState(): LivePollState | null {
  return useContext(LivePollContext);
}
