import type { Metadata } from "next";
import { SlaReportView } from "@/components/sla/sla-report";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageCapability } from "@/lib/auth/page-guards";

export const metadata: Metadata = { title: "SLA report" };

export default async function SlaReportPage({ searchParams }: { searchParams: Promise<{ period?: string; offset?: string }> }) {
  await requirePageCapability("bsm");
  const given = await searchParams;
  const period = given.period === "quarter" ? "quarter" : "month";
  const offset = given.offset === "-1" ? -1 : 0;
  return (
    <>
      <PageHeader title="SLA report">
        Every business service you may see: its SLA target, availability achieved in the calendar period, error budget used and outages (docs/sla.md).
      </PageHeader>
      <SlaReportView period={period} offset={offset} />
    </>
  );
}
