"use client";

import { useMemo } from "react";
import { useServiceAvailabilities, useSummaryServices } from "@/components/bsm/view-queries";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { matchesFilters, type SummaryOptions } from "@/lib/status/summary-options";

/** The Summary's live data: every service the user may see (kept current by live events), those the filters keep, and availability. */
export function useSummaryData(initial: BusinessServiceStatusView[] | undefined, filters: Pick<SummaryOptions, "name" | "status">) {
  const { data: services = [], error, isPending } = useSummaryServices(initial);
  const { data: availability } = useServiceAvailabilities();
  const { name, status } = filters;
  const visible = useMemo(() => services.filter((service) => matchesFilters(service, { name, status })), [services, name, status]);
  return { services, visible, availability, error, isPending };
}
