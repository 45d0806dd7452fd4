"use client";

import { useMemo } from "react";
import { useServiceAvailabilities, useSummaryServices } from "@/components/bsm/view-queries";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { matchesFilters, type SummaryOptions } from "@/lib/status/summary-options";

/** What the Summary shows at a past moment (time travel): fixed, no live updates. */
export interface SummaryHistory {
  services: BusinessServiceStatusView[];
  availability: Record<string, number>;
}

/**
 * The Summary's live data: every service the user may see (kept current by live events), those the filters keep, and
 * availability; with `history`, that moment's data and nothing fetched.
 */
export function useSummaryData(initial: BusinessServiceStatusView[] | undefined, filters: Pick<SummaryOptions, "name" | "status">, history?: SummaryHistory) {
  const live = useSummaryServices(initial, history === undefined);
  const liveAvailability = useServiceAvailabilities(history === undefined);
  const { data: services = [], error, isPending } = history ? { data: history.services, error: null, isPending: false } : live;
  const availability = history ? history.availability : liveAvailability.data;
  const { name, status } = filters;
  const visible = useMemo(() => services.filter((service) => matchesFilters(service, { name, status })), [services, name, status]);
  return { services, visible, availability, error, isPending };
}
