import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requireUser();
  const hosts = await getPrisma().host.findMany({
    orderBy: { name: "asc" },
    take: 500,
    select: {
      id: true,
      name: true,
      address: true,
      templates: { orderBy: { priority: "asc" }, take: 1, select: { hostTemplate: { select: { name: true } } } },
      _count: { select: { serviceChecks: true } },
    },
  });
  return (
    <>
      <PageHeader title="Overview">Every host the monitoring source reports, with its host type.</PageHeader>
      {hosts.length === 0 ? (
        <EmptyState>No hosts have been read from the monitoring source yet.</EmptyState>
      ) : (
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="px-4 py-2 font-medium">Host</th>
              <th className="px-4 py-2 font-medium">Address</th>
              <th className="px-4 py-2 font-medium">Host type</th>
              <th className="px-4 py-2 font-medium">Service checks</th>
            </tr>
          </thead>
          <tbody>
            {hosts.map((host) => (
              <tr key={host.id} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2">{host.name}</td>
                <td className="px-4 py-2">{host.address}</td>
                <td className="px-4 py-2">{host.templates[0]?.hostTemplate.name ?? "—"}</td>
                <td className="px-4 py-2 tabular-nums">{host._count.serviceChecks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
