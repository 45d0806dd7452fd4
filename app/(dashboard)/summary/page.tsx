import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Summary" };

export default async function SummaryPage() {
  await requireUser();
  const services = await getPrisma().businessService.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { components: true } } },
  });
  return (
    <>
      <PageHeader title="BSM Summary">Every business service and the components it is built from.</PageHeader>
      {services.length === 0 ? (
        <EmptyState>No business services are configured yet.</EmptyState>
      ) : (
        <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="px-4 py-2 font-medium">Business service</th>
              <th className="px-4 py-2 font-medium">Components</th>
            </tr>
          </thead>
          <tbody>
            {services.map((service) => (
              <tr key={service.id} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2">{service.name}</td>
                <td className="px-4 py-2 tabular-nums">{service._count.components}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
