import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceActionsProvider } from "@/components/actions/source-actions-provider";
import { LiveComponentView } from "@/components/bsm/live-views";
import { PinButton } from "@/components/bsm/pin-button";
import { ObjectSla } from "@/components/sla/object-sla";
import { PageHeader } from "@/components/ui/page-header";
import { WhatIfLink } from "@/components/whatif/what-if-link";
import { pageIdOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { componentRef } from "@/lib/status/bsm-object";
import { getComponentView } from "@/lib/status/component-view";

export const metadata: Metadata = { title: "BSM Component" };

export default async function ComponentPage({ params }: { params: Promise<{ id: string }> }) {
  const { access } = await requirePageCapability("bsm");
  const view = await getComponentView(getPrisma(), access, pageIdOrNotFound((await params).id));
  if (view === null) notFound();
  return (
    <>
      <PageHeader live title="BSM Component" action={
          <div className="flex items-center gap-2">
            <WhatIfLink query={`component=${view.id}`} />
            <PinButton dashlet={{ kind: "component", target: String(view.id) }} />
          </div>
        }>
        Hosts most severe first, with their failing checks, and the business services that use the component.
      </PageHeader>
      <SourceActionsProvider>
        <LiveComponentView componentId={view.id} initial={view} />
      </SourceActionsProvider>
      <ObjectSla access={access} objectRef={componentRef(view.id)} />
    </>
  );
}
