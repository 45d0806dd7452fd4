import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceActionsProvider } from "@/components/actions/source-actions-provider";
import { LiveServiceView } from "@/components/bsm/live-views";
import { PinButton } from "@/components/bsm/pin-button";
import { ServiceLayers } from "@/components/bsm/service-layers";
import { BadMoment, HistoryBar, TimeTravelButton } from "@/components/history/time-travel";
import { ObjectSla } from "@/components/sla/object-sla";
import { PageHeader } from "@/components/ui/page-header";
import { WhatIfLink } from "@/components/whatif/what-if-link";
import { pageIdOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { businessServiceRef } from "@/lib/status/bsm-object";
import { travelMomentOf } from "@/lib/status/history-range";
import { getServiceView } from "@/lib/status/service-view";
import { getServiceViewAt } from "@/lib/status/views-at";

export const metadata: Metadata = { title: "BSM Service" };

export default async function ServicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { access } = await requirePageCapability("bsm");
  const serviceId = pageIdOrNotFound((await params).id);
  const moment = travelMomentOf((await searchParams).at);
  const live = await getServiceView(getPrisma(), access, serviceId);
  if (live === null) notFound();
  const past = moment?.ok ? await getServiceViewAt(getPrisma(), access, serviceId, moment.at) : null;
  return (
    <>
      <PageHeader
        live={moment === null}
        title="BSM Service"
        action={
          <div className="flex items-center gap-2">
            {moment === null && <TimeTravelButton />}
            <WhatIfLink query={`service=${live.id}`} />
            <PinButton dashlet={{ kind: "service", target: String(live.id) }} />
          </div>
        }
      >
        Components in their configured order; hosts in zone order. The dashed outline is the operational zone.
      </PageHeader>
      {moment !== null && !moment.ok && <BadMoment message={moment.message} />}
      {moment?.ok && <HistoryBar at={moment.at} what={`business service ${live.name}`} />}
      <SourceActionsProvider>
        {moment === null ? (
          <LiveServiceView serviceId={live.id} initial={live} />
        ) : moment.ok && past === null ? (
          <p className="rounded bg-slate-100 p-3 text-sm text-slate-700" data-testid="history-absent">
            {live.name} did not exist yet at that moment.
          </p>
        ) : past ? (
          <ServiceLayers view={past} />
        ) : null}
      </SourceActionsProvider>
      <ObjectSla access={access} objectRef={businessServiceRef(live.id)} />
    </>
  );
}
