import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/auth/session";
import { mayUseConfigDocument } from "@/lib/config/document";
import { importFromOpsviewAction } from "@/lib/actions/opsview-import";
import { OpsviewImportForm } from "@/components/settings/opsview-import-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Import" };

export default async function ImportSettingsPage() {
  const { access } = await requireAccess();
  if (!mayUseConfigDocument(access)) forbidden();
  return (
    <>
      <PageHeader title="Import from Opsview">
        Reads Opsview&apos;s BSM components and business services, from its REST API or from a JSON file of its answers, and shows what would be
        created, updated or kept. Objects are matched by name; host templates and hosts must already be known here. Quorum becomes Required
        online: the least number of hosts that reaches the percentage.
      </PageHeader>
      <OpsviewImportForm run={importFromOpsviewAction} />
    </>
  );
}
