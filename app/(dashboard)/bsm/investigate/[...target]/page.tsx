import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceActionsProvider } from "@/components/actions/source-actions-provider";
import { LiveInvestigateView } from "@/components/bsm/live-views";
import { PageHeader } from "@/components/ui/page-header";
import { pageTextOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { parseInvestigateTarget } from "@/lib/status/investigate-target";
import { getInvestigateView } from "@/lib/status/investigate-view";

export const metadata: Metadata = { title: "Investigate" };

export default async function InvestigatePage({ params }: { params: Promise<{ target: string[] }> }) {
  const { access } = await requirePageCapability("bsm");
  const target = parseInvestigateTarget((await params).target.map(pageTextOrNotFound));
  if (target === null) notFound();
  const view = await getInvestigateView(getPrisma(), access, target);
  if (view === null) notFound();
  return (
    <>
      <PageHeader live title="Investigate" />
      <SourceActionsProvider>
        <LiveInvestigateView target={target} initial={view} rangeInUrl />
      </SourceActionsProvider>
    </>
  );
}
