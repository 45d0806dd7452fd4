import type { Metadata } from "next";
import { Suspense } from "react";
import type { Access } from "@/lib/auth/access";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listBusinessServiceStatuses } from "@/lib/status/list-business-service-statuses";
import { PageHeader } from "@/components/ui/page-header";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { SummaryPageView } from "@/components/summary/summary-view";
import { KioskButton } from "@/components/layout/kiosk";
import { KIOSK_PARAM } from "@/components/layout/kiosk-params";

export const metadata: Metadata = { title: "Summary" };

export default async function SummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Refused (403) before anything streams; only the services load behind the skeleton.
  const { access } = await requirePageCapability("bsm");
  const kiosk = KIOSK_PARAM in (await searchParams);
  return (
    <>
      {!kiosk && (
        <PageHeader title="BSM Summary" action={<KioskButton />}>
          Every business service you may see, problems first. Click a service for its menu (Investigate, Service view). Updates live.
        </PageHeader>
      )}
      <Suspense fallback={<PageSkeleton header={false} />}>
        <SummaryWithServices access={access} />
      </Suspense>
    </>
  );
}

async function SummaryWithServices({ access }: { access: Access }) {
  const services = await listBusinessServiceStatuses(getPrisma(), access);
  return <SummaryPageView initial={services} />;
}
