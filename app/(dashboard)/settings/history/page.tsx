import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { loadHistoryRetentionForm } from "@/lib/history/retention-settings";
import { saveHistoryRetentionAction } from "@/lib/actions/history-settings";
import { HistoryRetentionForm } from "@/components/settings/history-retention-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "History" };

export default async function HistorySettingsPage() {
  const { access } = await requirePageCapability("administer");
  const form = await loadHistoryRetentionForm(getPrisma(), access);
  return (
    <>
      <PageHeader title="History">
        How long availability, SLA figures and time travel can look back. The poller rolls history up by the hour and the day as it goes, a few
        minutes behind, and prunes what is older than the retention.
      </PageHeader>
      <HistoryRetentionForm form={form} save={saveHistoryRetentionAction} />
    </>
  );
}
