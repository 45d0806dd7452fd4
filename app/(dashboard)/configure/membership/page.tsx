import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listMembershipChanges } from "@/lib/membership";
import { PageHeader } from "@/components/ui/page-header";
import { ConfigureTabs } from "@/components/configure/configure-tabs";
import { MembershipReview } from "@/components/configure/membership-review";

export const metadata: Metadata = { title: "Membership review" };

export default async function MembershipReviewPage() {
  const { access } = await requirePageCapability("configureBsmComponents");
  const changes = await listMembershipChanges(getPrisma(), access);
  return (
    <>
      <PageHeader title="Configure BSM">Hosts that components&apos; membership rules gained (Detected) or lost (Removed) at the last polls, waiting for review.</PageHeader>
      <ConfigureTabs current="membership" components services={access.has("configureBsm")} />
      <MembershipReview changes={changes} />
    </>
  );
}
