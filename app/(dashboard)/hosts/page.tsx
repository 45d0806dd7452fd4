import type { Metadata } from "next";
import Link from "next/link";
import { requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { hostElementQuerySchema, listHostElements, type HostElementColumn } from "@/lib/connector";
import { firstParamString } from "@/lib/connector/table-query";
import { emptyHostElementsMessage } from "@/lib/connector/empty-table-messages";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/status/status-badge";
import { Pagination, SearchForm, SortableHeader } from "@/components/connector/table-controls";
import { Time } from "@/components/ui/time";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Hosts" };

export default async function HostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageCapability("bsm");
  const params = await searchParams;
  const query = hostElementQuerySchema.parse({
    q: firstParamString(params.q),
    sort: firstParamString(params.sort),
    dir: firstParamString(params.dir),
    page: firstParamString(params.page),
  });
  const table = await listHostElements(getPrisma(), access, query);
  const header = (column: HostElementColumn, label: string) => (
    <SortableHeader basePath="/hosts" query={query} column={column}>
      {label}
    </SortableHeader>
  );
  return (
    <>
      <PageHeader title="Hosts">
        Host elements: the hosts reflected from the Overview table. To remove one, turn its export off on the Overview table and Reflect.
      </PageHeader>
      <div className="mb-4">
        <SearchForm basePath="/hosts" query={query} label="Search host or type" />
      </div>
      {table.total === 0 ? (
        <EmptyState>{emptyHostElementsMessage(access, query.q)}</EmptyState>
      ) : (
        <>
          <TableScroll>
          <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm" data-testid="host-elements-table">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                {header("host", "Host")}
                {header("type", "Host type")}
                {header("status", "Reflect Status")}
                {header("checks", "Checks")}
                {header("problems", "Not OK")}
                {header("created", "Created")}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.host} data-host={row.host} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2">
                    <Link href={`/hosts/${encodeURIComponent(row.host)}`} className="font-medium text-sky-700 underline hover:text-sky-900">
                      {row.host}
                    </Link>
                  </td>
                  <td className="px-4 py-2">{row.elementType}</td>
                  <td className="px-4 py-2">
                    <StatusBadge state={row.status} />
                    {row.pending && <span className="ml-2 text-xs text-amber-700">pending</span>}
                  </td>
                  <td className="px-4 py-2 tabular-nums">{row.checks}</td>
                  <td className="px-4 py-2 tabular-nums">{row.problems}</td>
                  <td className="px-4 py-2 font-mono text-xs text-slate-600"><Time at={row.createdAt} style="seconds" /></td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <Pagination basePath="/hosts" query={query} page={table} what="host elements" />
        </>
      )}
    </>
  );
}
