"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

export interface LivePollState {
  ok: boolean;
  staleSince: number | null;
  message: string | null;
}

const LivePollContext = createContext<LivePollState | null>(null);

/** Opens one server-sent-events stream and refreshes BSM queries when the poller reports changes. */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [poll, setPoll] = useState<LivePollState | null>(null);

  useEffect(() => {
    const source = new EventSource("/api/events");
    source.addEventListener("bsm", () => {
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
