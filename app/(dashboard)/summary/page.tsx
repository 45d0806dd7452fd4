import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { listBusinessServiceStatuses, toBsmServiceResource } from "@/lib/status/list-business-service-statuses";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LiveServiceList } from "@/components/summary/live-service-list";

export const metadata: Metadata = { title: "Summary" };

export default async function SummaryPage() {
  await requireUser();
  const services = await listBusinessServiceStatuses(getPrisma());
  return (
    <>
      <PageHeader title="BSM Summary">Every business service, problems first. Updates live.</PageHeader>
      {services.length === 0 ? (
        <EmptyState>No business services are configured yet.</EmptyState>
      ) : (
        <LiveServiceList initial={services.map(toBsmServiceResource)} />
      )}
    </>
  );
}
