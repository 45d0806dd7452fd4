import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { loadOutboundPolicyForm } from "@/lib/notify/outbound-policy-store";
import { OutboundPolicyForm } from "@/components/settings/outbound-policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { saveOutboundPolicyAction } from "@/lib/actions/outbound-policy";

export const metadata: Metadata = { title: "Outbound targets" };

export default async function OutboundTargetsPage() {
  const { access } = await requirePageCapability("administer");
  const form = await loadOutboundPolicyForm(getPrisma(), access);
  return (
    <>
      <PageHeader title="Outbound targets">
        Where webhooks and e-mail (SMTP) of notification profiles, and the Opsview server of Settings → Import, may connect. Loopback, private, link-local (including the cloud metadata
        address 169.254.169.254), unspecified and carrier-grade NAT addresses are refused unless allowed here; every address a host name
        resolves to is checked, on every redirect too.
      </PageHeader>
      <OutboundPolicyForm form={form} save={saveOutboundPolicyAction} />
    </>
  );
}
