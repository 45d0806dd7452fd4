"use client";

import Link from "next/link";
import { memo, useMemo, useState } from "react";
import { formatAvailability } from "@/components/bsm/status-marks";
import { InStateFor, STALE_TILE_CLASS } from "@/components/live/freshness";
import { useStaleData } from "@/components/live/live-events-provider";
import { StatusBadge } from "@/components/status/status-badge";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { gridPage, sortForGrid, type SortField, type SummaryOptions } from "@/lib/status/summary-options";
import { GridPager } from "./grid-pager";
import { TableScroll } from "@/components/ui/table-scroll";

const COLUMNS: { field: SortField | null; label: string }[] = [
  { field: "status", label: "Status" },
  { field: "name", label: "Business service" },
  { field: "availability", label: "Availability" },
  { field: null, label: "Flags" },
  { field: null, label: "Components" },
];

/** The services as a table sorted by a column of the user's choice, a page at a time. */
export function ServiceGrid({
  id,
  services,
  availability,
  options,
  onOptionsChange,
}: {
  id: string;
  services: BusinessServiceStatusView[];
  availability: Record<string, number> | undefined;
  options: SummaryOptions;
  onOptionsChange: (options: SummaryOptions) => void;
}) {
  const rows = useMemo(() => sortForGrid(services, availability, options.sort, options.descending), [services, availability, options.sort, options.descending]);
  const [requestedPage, setPage] = useState(0);
  const page = gridPage(rows.length, requestedPage);
  return (
    <div id={id} className="space-y-2">
      <TableScroll>
      <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm" data-testid="service-list">
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.field !== null && column.field === options.sort;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className="px-4 py-2 font-medium"
                  aria-sort={active ? (options.descending ? "descending" : "ascending") : undefined}
                >
                  {column.field === null ? (
                    column.label
                  ) : (
                    <button
                      type="button"
                      onClick={() => onOptionsChange({ ...options, sort: column.field as SortField, descending: active ? !options.descending : false })}
                      className="rounded font-medium hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
                    >
                      {column.label}
                      <span aria-hidden className="ml-1 inline-block w-3">
                        {active ? (options.descending ? "▼" : "▲") : ""}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.slice(page.first, page.end).map((service) => (
            <GridRow key={service.id} service={service} availability={availability?.[service.id]} />
          ))}
        </tbody>
      </table>
      </TableScroll>
      <GridPager page={page} rowCount={rows.length} onPageChange={setPage} />
    </div>
  );
}

const GridRow = memo(function GridRow({ service, availability }: { service: BusinessServiceStatusView; availability: number | undefined }) {
  const stale = useStaleData();
  return (
    <tr className="border-b border-slate-100 last:border-0" data-service={service.name} data-state={service.state} data-stale={stale !== null}>
      <td className="px-4 py-2 whitespace-nowrap">
        <span className={stale ? STALE_TILE_CLASS : undefined}>
          <StatusBadge state={service.state} />
        </span>{" "}
        <InStateFor since={service.stateSince} className="text-xs text-slate-700" />
      </td>
      <td className="px-4 py-2 font-medium">
        <Link href={`/bsm/service/${service.id}`} className="text-blue-800 hover:underline">
          {service.name}
        </Link>
      </td>
      <td className="px-4 py-2 tabular-nums">{formatAvailability(availability)}</td>
      <td className="px-4 py-2 text-slate-700">
        {[service.impacted ? "Impacted" : null, service.acknowledged ? "Acknowledged" : null].filter(Boolean).join(", ") || "—"}
      </td>
      <td className="px-4 py-2 tabular-nums">
        {service.componentsTotal} ({service.componentsFailed} failed, {service.componentsDowntime} in downtime)
      </td>
    </tr>
  );
});
