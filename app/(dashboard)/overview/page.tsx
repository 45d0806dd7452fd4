import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { listOverview, loadReflectionMode, overviewQuerySchema, type OverviewColumn } from "@/lib/connector";
import { firstParamString } from "@/lib/connector/table-query";
import { REFLECTION_MODE_LABELS } from "@/lib/connector/reflection-mode-labels";
import { emptyOverviewMessage } from "@/lib/connector/empty-table-messages";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/status/status-badge";
import { HostRowControls } from "@/components/connector/host-row-controls";
import { ReflectAllButton } from "@/components/connector/reflect-all-button";
import { Pagination, SearchForm, SortableHeader } from "@/components/connector/table-controls";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageCapability("bsm");
  const params = await searchParams;
  const query = overviewQuerySchema.parse({
    q: firstParamString(params.q),
    sort: firstParamString(params.sort),
    dir: firstParamString(params.dir),
    page: firstParamString(params.page),
  });
  const prisma = getPrisma();
  const [table, mode] = await Promise.all([listOverview(prisma, access, query), loadReflectionMode(prisma)]);
  const canConfigure = access.has("configureBsmComponents");
  const header = (column: OverviewColumn, label: string) => (
    <SortableHeader basePath="/overview" query={query} column={column}>
      {label}
    </SortableHeader>
  );
  return (
    <>
      <PageHeader title="Overview">
        Every host the monitoring source reports, its host type and Reflect Status. Turn export on for a host, then Reflect to make its host
        element.
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <SearchForm basePath="/overview" query={query} label="Search host or type" />
        <ReflectAllButton pendingTotal={table.pendingTotal} canConfigure={canConfigure} />
        <span className="ml-auto text-sm text-slate-600">
          Reflection mode: <strong data-testid="reflection-mode-label">{REFLECTION_MODE_LABELS[mode]}</strong> ·{" "}
          <Link href="/settings/export" className="underline hover:text-slate-900">
            Export settings
          </Link>
        </span>
      </div>
      {table.total === 0 ? (
        <EmptyState>{emptyOverviewMessage(access, query.q)}</EmptyState>
      ) : (
        <>
          <TableScroll>
          <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm" data-testid="overview-table">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                {header("host", "Host")}
                {header("type", "Host type")}
                {header("status", "Reflect Status")}
                {header("element", "Host element")}
                {header("export", "Export")}
                <th className="px-4 py-2 font-medium">Reflect</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.host} data-host={row.host} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2 font-medium">{row.host}</td>
                  <td className="px-4 py-2">{row.hostType}</td>
                  <td className="px-4 py-2">
                    <StatusBadge state={row.status} />
                    {row.message && <p className="mt-1 max-w-xs text-xs text-red-700">{row.message}</p>}
                  </td>
                  <td className="px-4 py-2">
                    {row.elementType ? (
                      <Link href={`/hosts/${encodeURIComponent(row.host)}`} className="text-sky-700 underline hover:text-sky-900">
                        {row.elementType === row.hostType ? "Element" : `Element (${row.elementType})`}
                      </Link>
                    ) : (
                      <span className="text-slate-400">—</span>
                    )}
                  </td>
                  <HostRowControls host={row.host} exportEnabled={row.exportEnabled} pending={row.pending} canConfigure={canConfigure} />
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <Pagination basePath="/overview" query={query} page={table} what="hosts" />
        </>
      )}
    </>
  );
}
