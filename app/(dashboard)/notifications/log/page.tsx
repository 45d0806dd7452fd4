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
        <FilterSelect name="profile" label="Profile" allLabel="All profiles" value={profileId} options={log.profiles.map((profile) => ({ value: profile.id, name: profile.name }))} />
        <FilterSelect name="object" label="Object" allLabel="All objects" value={object} options={log.objects} />
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

/** A filter of the log's form: "all" first, then each choice. */
function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  value: string | number | undefined;
  options: { value: string | number; name: string }[];
}) {
  return (
    <label className="text-sm">
      <span className="block text-slate-600">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm">
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
