import type { Metadata } from "next";
import { Suspense } from "react";
import type { Access } from "@/lib/auth/access";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { travelMomentOf } from "@/lib/status/history-range";
import { listBusinessServiceStatuses } from "@/lib/status/list-business-service-statuses";
import { listBusinessServiceFiguresAt } from "@/lib/status/views-at";
import { PageHeader } from "@/components/ui/page-header";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { SummaryPageView } from "@/components/summary/summary-view";
import { BadMoment, HistoryBar, TimeTravelButton } from "@/components/history/time-travel";
import { KioskButton } from "@/components/layout/kiosk";
import { KIOSK_PARAM } from "@/components/layout/kiosk-params";

export const metadata: Metadata = { title: "Summary" };

export default async function SummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Refused (403) before anything streams; only the services load behind the skeleton.
  const { access } = await requirePageCapability("bsm");
  const params = await searchParams;
  const kiosk = KIOSK_PARAM in params;
  const atText = typeof params.at === "string" ? params.at : undefined;
  const moment = travelMomentOf(atText);
  return (
    <>
      {!kiosk && (
        <PageHeader
          title="BSM Summary"
          action={
            <div className="flex items-center gap-2">
              {moment === null && <TimeTravelButton />}
              <KioskButton />
            </div>
          }
        >
          Every business service you may see, problems first. Click a service for its menu (Investigate, Service view).{" "}
          {moment === null ? "Updates live." : "Shows a past moment."}
        </PageHeader>
      )}
      {moment !== null && !moment.ok && <BadMoment message={moment.message} />}
      {moment?.ok && <HistoryBar at={moment.at} what="every business service" />}
      <Suspense key={atText} fallback={<PageSkeleton header={false} />}>
        {moment === null ? <SummaryWithServices access={access} /> : moment.ok ? <SummaryAt access={access} at={moment.at} /> : null}
      </Suspense>
    </>
  );
}

async function SummaryWithServices({ access }: { access: Access }) {
  const services = await listBusinessServiceStatuses(getPrisma(), access);
  return <SummaryPageView initial={services} />;
}

async function SummaryAt({ access, at }: { access: Access; at: number }) {
  const figures = await listBusinessServiceFiguresAt(getPrisma(), access, at);
  const services = figures.map((figure) => figure.status);
  const availability = Object.fromEntries(figures.map((figure) => [figure.status.id, figure.availability]));
  return <SummaryPageView initial={services} history={{ services, availability }} />;
}
