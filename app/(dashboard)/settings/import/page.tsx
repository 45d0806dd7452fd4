import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireAccess } from "@/lib/auth/session";
import { mayUseConfigDocument } from "@/lib/config/document";
import { importFromBusinessProcessAction } from "@/lib/actions/business-process-import";
import { importFromOpsviewAction } from "@/lib/actions/opsview-import";
import { BusinessProcessImportForm } from "@/components/settings/business-process-import-form";
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
      <section aria-labelledby="bp-import-heading" className="mt-10">
        <h2 id="bp-import-heading" className="text-xl font-semibold">
          Import from Icinga Business Process
        </h2>
        <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
          Reads a process file of the Icinga Web 2 Business Process module. A node with <code>N of:</code> over hosts (<code>host;Hoststatus</code>)
          becomes a component with Required online N, and a node that joins such nodes with <code>&amp;</code> a business service, named by its{" "}
          <code>display</code> title if it has one. Everything else is listed as not imported, with the reason.
        </p>
        <BusinessProcessImportForm run={importFromBusinessProcessAction} />
      </section>
    </>
  );
}
