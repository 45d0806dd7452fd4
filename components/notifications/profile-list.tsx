import Link from "next/link";
import type { StoredProfile } from "@/lib/notify/profiles/profile-store";
import { TableScroll } from "@/components/ui/table-scroll";

const PERIOD_LABELS = { "24x7": "24x7", workhours: "work hours", none: "never" } as const;

function describePeriod(period: StoredProfile["timePeriod"]): string {
  return typeof period === "string" ? PERIOD_LABELS[period] : `custom (${period.timeZone})`;
}

export function ProfileList({ profiles }: { profiles: (StoredProfile & { ownerName: string; editable: boolean; failedLastDay: number })[] }) {
  return (
    <TableScroll>
    <table className="w-full max-w-5xl overflow-hidden rounded-lg bg-white text-sm shadow-sm" data-testid="notification-profiles">
      <thead className="bg-slate-100 text-left text-slate-600">
        <tr>
          <th className="px-3 py-2">Name</th>
          <th className="px-3 py-2">Kind</th>
          <th className="px-3 py-2">Covers</th>
          <th className="px-3 py-2">Triggers</th>
          <th className="px-3 py-2">Re-notify</th>
          <th className="px-3 py-2">Time period</th>
          <th className="px-3 py-2">Methods</th>
          <th className="px-3 py-2">Failed (24 h)</th>
          <th className="px-3 py-2" />
        </tr>
      </thead>
      <tbody>
        {profiles.map((profile) => (
          <tr key={profile.id} className="border-t border-slate-100">
            <td className="px-3 py-2 font-medium">{profile.name}</td>
            <td className="px-3 py-2">{profile.shared ? `shared by ${profile.ownerName}` : "personal"}</td>
            <td className="px-3 py-2">
              {profile.businessServiceIds.length} services, {profile.componentIds.length} components
            </td>
            <td className="px-3 py-2">{profile.triggers.join(", ")}</td>
            <td className="px-3 py-2">{profile.renotifyMinutes === 0 ? "never" : `every ${profile.renotifyMinutes} min`}</td>
            <td className="px-3 py-2">{describePeriod(profile.timePeriod)}</td>
            <td className="px-3 py-2">{profile.methods.map((method) => method.kind).join(", ")}</td>
            <td className="px-3 py-2" data-testid="failed-deliveries">
              {profile.failedLastDay === 0 ? (
                "none"
              ) : (
                <Link className="font-semibold text-red-800 hover:underline" href={`/notifications/log?profile=${profile.id}`}>
                  {profile.failedLastDay} failed
                </Link>
              )}
            </td>
            <td className="space-x-3 px-3 py-2 text-right whitespace-nowrap">
              <Link className="text-sky-700 hover:underline" href={`/notifications/log?profile=${profile.id}`}>
                Log
              </Link>
              {profile.editable && (
                <Link className="text-sky-700 hover:underline" href={`/notifications/${profile.id}`} aria-label={`Edit ${profile.name}`}>
                  Edit
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
