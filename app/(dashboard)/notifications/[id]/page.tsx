import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { loadProfileFormOptions } from "@/lib/notify/profiles/form-options";
import { profileToFormValues } from "@/lib/notify/profiles/profile-form-values";
import { getManagedProfile } from "@/lib/notify/profiles/profile-store";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ProfileForm } from "@/components/notifications/profile-form";

export const metadata: Metadata = { title: "Notification profile" };

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await requireAccess();
  if (!access.has("bsm")) return <EmptyState>Notifications need the BSM access permission.</EmptyState>;
  const id = Number((await params).id);
  const profile = Number.isSafeInteger(id) ? await getManagedProfile(getPrisma(), user, id) : null;
  if (!profile) {
    return (
      <EmptyState>
        No notification profile {(await params).id} that you may change. <Link className="text-sky-700 underline" href="/notifications">Back to your profiles</Link>
      </EmptyState>
    );
  }
  return (
    <>
      <PageHeader title={`Notification profile: ${profile.name}`}>
        <Link className="text-sky-700 underline" href={`/notifications/log?profile=${profile.id}`}>What it sent</Link>
      </PageHeader>
      <ProfileForm profileId={profile.id} initial={profileToFormValues(profile)} options={await loadProfileFormOptions(getPrisma(), access)} />
    </>
  );
}
