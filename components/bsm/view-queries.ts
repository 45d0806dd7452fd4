"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ComponentDetailView } from "@/lib/status/component-view";
import { investigateSegments, type InvestigateTarget } from "@/lib/status/investigate-target";
import type { InvestigateView } from "@/lib/status/investigate-view";
import type { InvestigateRangeView } from "@/lib/status/investigate-range";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import type { ServiceDetailView } from "@/lib/status/service-view";
import type { TopologyView } from "@/lib/connectivity/topology";

export class ViewRequestError extends Error {}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ViewRequestError(body?.error ?? `The server answered ${response.status}`);
  }
  return (await response.json()) as T;
}

// Keys under "bsm" are refetched on every live event (LiveEventsProvider); availability moves
// slowly and is expensive for a large estate, so it lives outside "bsm" and refreshes by the minute.

export function useSummaryServices(initial?: BusinessServiceStatusView[], enabled = true) {
  return useQuery({
    queryKey: ["bsm", "summary"],
    enabled,
    queryFn: async () => (await getJson<{ services: BusinessServiceStatusView[] }>("/api/views/summary")).services,
    initialData: initial,
    // Live events refresh it; without this, a page would fetch again the 1,000 services it was just rendered with.
    staleTime: 10_000,
  });
}

export function useServiceAvailabilities(enabled = true) {
  return useQuery({
    queryKey: ["availability", "services"],
    enabled,
    queryFn: async () => (await getJson<{ services: Record<string, number> }>("/api/views/availability")).services,
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
}

/** A view under "bsm": the server's first answer at once, then refetched on live events (showing the last answer meanwhile). */
function useLiveView<T>(key: readonly (string | number)[], url: string, initial?: T) {
  return useQuery({
    queryKey: ["bsm", ...key],
    queryFn: () => getJson<T>(url),
    initialData: initial,
    placeholderData: keepPreviousData,
  });
}

export function useServiceView(serviceId: number, initial?: ServiceDetailView) {
  return useLiveView(["service", serviceId], `/api/views/services/${serviceId}`, initial);
}

export function useComponentView(componentId: number, initial?: ComponentDetailView) {
  return useLiveView(["component", componentId], `/api/views/components/${componentId}`, initial);
}

export function useInvestigateView(target: InvestigateTarget, initial?: InvestigateView) {
  const segments = investigateSegments(target);
  return useLiveView(["investigate", ...segments], `/api/views/investigate/${segments.map(encodeURIComponent).join("/")}`, initial);
}

/** An object's history over a chosen range: outside "bsm" (costly, slow to change), refreshed by the minute. */
export function useInvestigateRange(target: InvestigateTarget, rangeQuery: string, zone: string, enabled: boolean) {
  const segments = investigateSegments(target);
  const query = new URLSearchParams(rangeQuery);
  query.set("history", "1");
  query.set("zone", zone);
  return useQuery({
    queryKey: ["history", "investigate", ...segments, rangeQuery, zone],
    queryFn: () => getJson<InvestigateRangeView>(`/api/views/investigate/${segments.map(encodeURIComponent).join("/")}?${query.toString()}`),
    enabled,
    staleTime: 60_000,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useTopologyView(query: string, initial?: TopologyView) {
  return useLiveView(["topology", query], `/api/views/topology?${query}`, initial);
}
