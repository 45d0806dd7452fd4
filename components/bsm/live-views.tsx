"use client";

import type { ComponentDetailView } from "@/lib/status/component-view";
import type { InvestigateTarget } from "@/lib/status/investigate-target";
import type { InvestigateView } from "@/lib/status/investigate-view";
import type { ServiceDetailView } from "@/lib/status/service-view";
import { StaleFrame } from "@/components/live/freshness";
import { ComponentDetail } from "./component-detail";
import { InvestigatePanel } from "./investigate-panel";
import { ServiceLayers } from "./service-layers";
import { useComponentView, useInvestigateView, useServiceView } from "./view-queries";

// Each view renders the server's first answer at once, then follows live events (react-query "bsm" keys).

function Unavailable({ message }: { message: string }) {
  return <p className="rounded bg-slate-100 p-3 text-sm text-slate-700">{message}</p>;
}

export function LiveServiceView({ serviceId, initial }: { serviceId: number; initial?: ServiceDetailView }) {
  const { data, error } = useServiceView(serviceId, initial);
  if (data) {
    return (
      <StaleFrame>
        <ServiceLayers view={data} />
      </StaleFrame>
    );
  }
  return <Unavailable message={error ? error.message : "Loading…"} />;
}

export function LiveComponentView({ componentId, initial }: { componentId: number; initial?: ComponentDetailView }) {
  const { data, error } = useComponentView(componentId, initial);
  if (data) {
    return (
      <StaleFrame>
        <ComponentDetail view={data} />
      </StaleFrame>
    );
  }
  return <Unavailable message={error ? error.message : "Loading…"} />;
}

export function LiveInvestigateView({
  target,
  initial,
  showPin = true,
  compact = false,
  rangeInUrl = false,
}: {
  target: InvestigateTarget;
  initial?: InvestigateView;
  showPin?: boolean;
  compact?: boolean;
  rangeInUrl?: boolean;
}) {
  const { data, error } = useInvestigateView(target, initial);
  if (data) {
    return (
      <StaleFrame>
        <InvestigatePanel view={data} showPin={showPin} compact={compact} rangeInUrl={rangeInUrl} />
      </StaleFrame>
    );
  }
  return <Unavailable message={error ? error.message : "Loading…"} />;
}
