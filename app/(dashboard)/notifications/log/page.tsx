import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { parseIdSegment } from "@/lib/validation/fields";
import { listNotificationLog } from "@/lib/notify/log/list-notification-log";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NotificationLogTable } from "@/components/notifications/notification-log-table";

export const metadata: Metadata = { title: "Notification log" };

const SELECT = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function NotificationLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, access } = await requirePageCapability("bsm");
  const params = await searchParams;
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const profileText = single(params.profile);
  const profileId = (profileText && parseIdSegment(profileText)) || undefined;
  const object = single(params.object) || undefined;
  const log = await listNotificationLog(getPrisma(), { user, access, filter: { profileId, object } });
  return (
    <>
      <PageHeader title="Notification log">What your profiles sent, skipped (and why) and failed, newest first.</PageHeader>
      <form className="mb-4 flex flex-wrap items-end gap-3" method="get">
        <label className="text-sm">
          <span className="block text-slate-600">Profile</span>
          <select name="profile" defaultValue={profileId ?? ""} className={SELECT}>
            <option value="">All profiles</option>
            {log.profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Object</span>
          <select name="object" defaultValue={object ?? ""} className={SELECT}>
            <option value="">All objects</option>
            {log.objects.map((entry) => (
              <option key={entry.value} value={entry.value}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white">
          Show
        </button>
        <Link href="/notifications" className="text-sm text-sky-700 hover:underline">
          Back to profiles
        </Link>
      </form>
      {log.entries.length === 0 ? <EmptyState>Nothing has fallen due yet.</EmptyState> : <NotificationLogTable entries={log.entries} />}
    </>
  );
}
