import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageIdOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { loadProfileFormOptions } from "@/lib/notify/profiles/form-options";
import { profileToFormValues } from "@/lib/notify/profiles/profile-form-values";
import { getManagedProfile } from "@/lib/notify/profiles/profile-store";
import { PageHeader } from "@/components/ui/page-header";
import { ProfileForm } from "@/components/notifications/profile-form";

export const metadata: Metadata = { title: "Notification profile" };

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const { user, access } = await requirePageCapability("bsm");
  const profile = await getManagedProfile(getPrisma(), user, pageIdOrNotFound((await params).id));
  if (!profile) notFound();
  return (
    <>
      <PageHeader title={`Notification profile: ${profile.name}`}>
        <Link className="text-sky-700 underline" href={`/notifications/log?profile=${profile.id}`}>What it sent</Link>
      </PageHeader>
      <ProfileForm profileId={profile.id} initial={profileToFormValues(profile)} options={await loadProfileFormOptions(getPrisma(), access)} />
    </>
  );
}
