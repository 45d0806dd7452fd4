import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceActionsProvider } from "@/components/actions/source-actions-provider";
import { LiveServiceView } from "@/components/bsm/live-views";
import { PinButton } from "@/components/bsm/pin-button";
import { ObjectSla } from "@/components/sla/object-sla";
import { PageHeader } from "@/components/ui/page-header";
import { WhatIfLink } from "@/components/whatif/what-if-link";
import { pageIdOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { businessServiceRef } from "@/lib/status/bsm-object";
import { getServiceView } from "@/lib/status/service-view";

export const metadata: Metadata = { title: "BSM Service" };

export default async function ServicePage({ params }: { params: Promise<{ id: string }> }) {
  const { access } = await requirePageCapability("bsm");
  const view = await getServiceView(getPrisma(), access, pageIdOrNotFound((await params).id));
  if (view === null) notFound();
  return (
    <>
      <PageHeader live title="BSM Service" action={
          <div className="flex items-center gap-2">
            <WhatIfLink query={`service=${view.id}`} />
            <PinButton dashlet={{ kind: "service", target: String(view.id) }} />
          </div>
        }>
        Components in their configured order; hosts in zone order. The dashed outline is the operational zone.
      </PageHeader>
      <SourceActionsProvider>
        <LiveServiceView serviceId={view.id} initial={view} />
      </SourceActionsProvider>
      <ObjectSla access={access} objectRef={businessServiceRef(view.id)} />
    </>
  );
}
