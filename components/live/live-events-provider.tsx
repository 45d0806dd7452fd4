"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { applyServiceChanges, type ServiceStatusChange } from "@/components/summary/summary-options";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";

export interface LivePollState {
  ok: boolean;
  staleSince: number | null;
  message: string | null;
}

const LivePollContext = createContext<LivePollState | null>(null);

/**
 * Opens the page's one server-sent-events stream. On a BSM event it first repaints the Summary
 * from the changes the event carries, then refreshes every BSM query (which brings the counts).
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [poll, setPoll] = useState<LivePollState | null>(null);

  useEffect(() => {
    const source = new EventSource("/api/events");
    source.addEventListener("bsm", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { changes?: ServiceStatusChange[] };
      if (event.changes?.length) {
        queryClient.setQueryData<BusinessServiceStatusView[]>(["bsm", "summary"], (services) => services && applyServiceChanges(services, event.changes ?? []));
      }
      void queryClient.invalidateQueries({ queryKey: ["bsm"] });
    });
    source.addEventListener("poll", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as LivePollState;
      setPoll({ ok: event.ok, staleSince: event.staleSince, message: event.message });
    });
    return () => source.close();
  }, [queryClient]);

  return <LivePollContext.Provider value={poll}>{children}</LivePollContext.Provider>;
}

export function useLivePollState(): LivePollState | null {
  return useContext(LivePollContext);
}
