"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { applyServiceChanges, type ServiceStatusChange } from "./summary-options";

/**
 * Repaints Summary tiles straight from the live event's changes, without waiting for the refetch
 * that LiveEventsProvider's invalidation starts (which brings the counts). LiveEventsProvider
 * does not pass event payloads on, hence this component's own stream.
 */
export function useLiveServicePatches(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/api/events");
    source.addEventListener("bsm", (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { changes?: ServiceStatusChange[] };
      if (!event.changes?.length) return;
      queryClient.setQueryData<BusinessServiceStatusView[]>(["bsm", "summary"], (services) => services && applyServiceChanges(services, event.changes ?? []));
    });
    return () => source.close();
  }, [queryClient]);
}
