import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { loadSourceSettingsForm } from "@/lib/settings/load-source-settings-form";
import { getPollerStatus } from "@/lib/status/get-poller-status";
import { listRecentSourceEvents } from "@/lib/status/list-source-events";
import { ReflectionModeSection } from "@/components/connector/reflection-mode-section";
import { RefreshEvery } from "@/components/settings/refresh-every";
import { SourceInUse } from "@/components/settings/source-in-use";
import { SourceSettingsForm } from "@/components/settings/source-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { resetSourceSettingsAction, saveSourceSettingsAction, testSourceConnectionAction } from "@/lib/actions/source-settings";

export const metadata: Metadata = { title: "Database settings" };

export default async function DatabaseSettingsPage() {
  await requirePageCapability("administer");
  const prisma = getPrisma();
  const [form, poller, events] = await Promise.all([loadSourceSettingsForm(prisma, env()), getPollerStatus(prisma, { isAdmin: true, seesEstateFigures: true }), listRecentSourceEvents(prisma, { isAdmin: true, seesEstateFigures: true })]);
  return (
    <>
      <PageHeader title="Database settings">
        Where the dashboard reads monitoring data. What is saved here wins over the environment (BSM_SOURCE…); the poller switches to it within
        one poll interval. Passwords are stored encrypted and never shown again.
      </PageHeader>
      <RefreshEvery seconds={5} />
      <div className="space-y-6">
        <SourceInUse form={form} poller={poller} events={events} />
        <SourceSettingsForm form={form} save={saveSourceSettingsAction} testConnection={testSourceConnectionAction} reset={resetSourceSettingsAction} />
        <ReflectionModeSection />
      </div>
    </>
  );
}
