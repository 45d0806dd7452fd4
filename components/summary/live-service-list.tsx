"use client";

import { useQuery } from "@tanstack/react-query";
import { StatusBadge } from "@/components/status/status-badge";
import type { BsmServiceResource } from "@/lib/status/list-business-service-statuses";

async function fetchServices(): Promise<BsmServiceResource[]> {
  const response = await fetch("/api/status/bsmservice", { cache: "no-store" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { list: BsmServiceResource[] }).list;
}

/** Business services in Summary order, refreshed live as the poller reports changes. */
export function LiveServiceList({ initial }: { initial: BsmServiceResource[] }) {
  const { data: services = initial } = useQuery({ queryKey: ["bsm", "services"], queryFn: fetchServices, initialData: initial });
  return (
    <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm" data-testid="service-list">
      <thead className="border-b border-slate-200 text-slate-600">
        <tr>
          <th className="px-4 py-2 font-medium">Business service</th>
          <th className="px-4 py-2 font-medium">Status</th>
          <th className="px-4 py-2 font-medium">Flags</th>
          <th className="px-4 py-2 font-medium">Components</th>
        </tr>
      </thead>
      <tbody>
        {services.map((service) => (
          <tr key={service.id} className="border-b border-slate-100 last:border-0" data-service={service.name} data-state={service.status}>
            <td className="px-4 py-2 font-medium">{service.name}</td>
            <td className="px-4 py-2">
              <StatusBadge state={service.status} />
            </td>
            <td className="px-4 py-2 text-slate-700">
              {[service.impacted ? "Impacted" : null, service.acknowledged ? "Acknowledged" : null].filter(Boolean).join(", ") || "—"}
            </td>
            <td className="px-4 py-2 tabular-nums">
              {service.components_total} ({service.components_failed} failed, {service.components_downtime} in downtime)
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
