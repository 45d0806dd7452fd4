import type { Metadata } from "next";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { loadProfileFormOptions } from "@/lib/notify/profiles/form-options";
import { newProfileFormValues } from "@/lib/notify/profiles/profile-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ProfileForm } from "@/components/notifications/profile-form";

export const metadata: Metadata = { title: "New notification profile" };

export default async function NewProfilePage() {
  const { access } = await requireAccess();
  if (!access.has("bsm")) return <EmptyState>Notifications need the BSM access permission.</EmptyState>;
  return (
    <>
      <PageHeader title="New notification profile">Which business services and components to watch, when to notify, and how.</PageHeader>
      <ProfileForm profileId={null} initial={newProfileFormValues()} options={await loadProfileFormOptions(getPrisma(), access)} />
    </>
  );
}
