import type { Metadata } from "next";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { loadProfileFormOptions } from "@/lib/notify/profiles/form-options";
import { newProfileFormValues } from "@/lib/notify/profiles/profile-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { ProfileForm } from "@/components/notifications/profile-form";

export const metadata: Metadata = { title: "New notification profile" };

export default async function NewProfilePage() {
  const { access } = await requirePageCapability("bsm");
  return (
    <>
      <PageHeader title="New notification profile">Which business services and components to watch, when to notify, and how.</PageHeader>
      <ProfileForm profileId={null} initial={newProfileFormValues()} options={await loadProfileFormOptions(getPrisma(), access)} />
    </>
  );
}
