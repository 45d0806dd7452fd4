import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { countFailedDeliveries } from "@/lib/notify/log/list-notification-log";
import { getContact } from "@/lib/notify/profiles/contact-store";
import { canManageProfile, listProfilesForUser } from "@/lib/notify/profiles/profile-store";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ContactForm } from "@/components/notifications/contact-form";
import { ProfileList } from "@/components/notifications/profile-list";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { user } = await requirePageCapability("bsm");
  const prisma = getPrisma();
  const [profiles, contact] = await Promise.all([listProfilesForUser(prisma, user), getContact(prisma, user.id)]);
  const failures = await countFailedDeliveries(
    prisma,
    profiles.map((profile) => profile.id),
  );
  return (
    <>
      <PageHeader title="Notifications">
        Profiles that notify you (or, when shared, everyone in their roles) about business services and components.
      </PageHeader>
      <div className="mb-4 flex gap-3">
        <Link href="/notifications/new" className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
          New profile
        </Link>
        <Link href="/notifications/log" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
          Notification log
        </Link>
      </div>
      {profiles.length === 0 ? (
        <EmptyState>No notification profiles yet.</EmptyState>
      ) : (
        <ProfileList profiles={profiles.map((profile) => ({ ...profile, editable: canManageProfile(profile, user), failedLastDay: failures.get(profile.id) ?? 0 }))} />
      )}
      <h2 className="mt-8 mb-3 text-lg font-semibold">Your contact details</h2>
      <ContactForm
        initial={{
          pager: contact.pager,
          variables: Object.entries(contact.variables)
            .map(([name, value]) => `${name}=${value}`)
            .join("\n"),
        }}
      />
    </>
  );
}
