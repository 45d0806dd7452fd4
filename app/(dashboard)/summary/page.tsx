import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listBusinessServiceStatuses } from "@/lib/status/list-business-service-statuses";
import { PageHeader } from "@/components/ui/page-header";
import { SummaryPageView } from "@/components/summary/summary-view";

export const metadata: Metadata = { title: "Summary" };

export default async function SummaryPage() {
  const { access } = await requirePageCapability("bsm");
  const services = await listBusinessServiceStatuses(getPrisma(), access);
  return (
    <>
      <PageHeader title="BSM Summary">
        Every business service you may see, problems first. Click a service for its menu (Investigate, Service view). Updates live.
      </PageHeader>
      <Suspense>
        <SummaryPageView initial={services} />
      </Suspense>
    </>
  );
}
