"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ReportPeriod, SlaReport, SlaReportRow } from "@/lib/sla/read";
import { TableScroll } from "@/components/ui/table-scroll";
import { useTimeZone } from "@/components/ui/time";
import { formatMinutes, formatPercent, periodTitle } from "./format";

type SortKey = "name" | "targetPercent" | "achieved" | "usedPercent" | "outages" | "longestOutageMs" | "mttrMs" | "excludedMs";
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Business service", numeric: false },
  { key: "targetPercent", label: "Target", numeric: true },
  { key: "achieved", label: "Achieved", numeric: true },
  { key: "usedPercent", label: "Budget used", numeric: true },
  { key: "outages", label: "Outages", numeric: true },
  { key: "longestOutageMs", label: "Longest outage", numeric: true },
  { key: "mttrMs", label: "MTTR", numeric: true },
  { key: "excludedMs", label: "Excluded", numeric: true },
];

const CHOICES: { period: ReportPeriod; offset: number; label: string }[] = [
  { period: "month", offset: 0, label: "This month" },
  { period: "month", offset: -1, label: "Last month" },
  { period: "quarter", offset: 0, label: "This quarter" },
  { period: "quarter", offset: -1, label: "Last quarter" },
];

function compare(a: SlaReportRow, b: SlaReportRow, key: SortKey): number {
  if (key === "name") return a.name.localeCompare(b.name);
  const left = a[key];
  const right = b[key];
  // Services without the figure (no target, no recovery) sort after the others either way.
  if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
  return left - right;
}

const PRINT_STYLE = `
@page { size: A4; margin: 12mm; }
@media print {
  header, nav, [data-print-hidden] { display: none !important; }
  body { background: white !important; color: black !important; font-size: 10pt; }
  [data-testid="sla-report"] table { width: 100%; font-size: 9pt; }
  [data-testid="sla-report"] tr { break-inside: avoid; }
}`;

export function SlaReportView({ period, offset }: { period: ReportPeriod; offset: number }) {
  const zone = useTimeZone();
  const query = `period=${period}&offset=${offset}&zone=${encodeURIComponent(zone)}`;
  const report = useQuery({
    queryKey: ["sla-report", query],
    queryFn: async (): Promise<SlaReport> => {
      const response = await fetch(`/api/sla/report?${query}`, { cache: "no-store" });
      const body = (await response.json()) as SlaReport & { error?: string };
      if (!response.ok) throw new Error(body.error ?? `The server answered ${response.status}`);
      return body;
    },
    staleTime: 60_000,
  });
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "name", descending: false });
  const [withoutTarget, setWithoutTarget] = useState(true);
  const rows = useMemo(() => {
    const shown = (report.data?.rows ?? []).filter((row) => withoutTarget || row.targetPercent !== null);
    return [...shown].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key) || a.name.localeCompare(b.name));
  }, [report.data, sort, withoutTarget]);

  return (
    <div data-testid="sla-report" className="mt-4 space-y-4">
      <style>{PRINT_STYLE}</style>
      <div data-print-hidden className="flex flex-wrap items-center gap-2">
        <nav aria-label="Period" className="flex flex-wrap gap-1">
          {CHOICES.map((choice) => {
            const current = choice.period === period && choice.offset === offset;
            return (
              <Link
                key={choice.label}
                href={`/bsm/sla?period=${choice.period}&offset=${choice.offset}`}
                aria-current={current ? "page" : undefined}
                className={`rounded border px-2 py-1 text-sm ${current ? "border-blue-600 bg-blue-600 text-white" : "border-gray-300 bg-white text-gray-800 hover:bg-gray-50 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-100 dark:hover:bg-gray-700"}`}
              >
                {choice.label}
              </Link>
            );
          })}
        </nav>
        <label className="ml-auto flex items-center gap-1 text-sm text-gray-700 dark:text-gray-300">
          <input type="checkbox" checked={withoutTarget} onChange={(event) => setWithoutTarget(event.target.checked)} />
          Services without a target
        </label>
        <a href={`/api/sla/report?${query}&format=csv`} download className="rounded border border-gray-300 px-2 py-1 text-sm text-gray-800 hover:bg-gray-50 dark:border-gray-600 dark:text-gray-100 dark:hover:bg-gray-700">
          Download CSV
        </a>
        <button type="button" onClick={() => window.print()} className="rounded border border-gray-300 px-2 py-1 text-sm text-gray-800 hover:bg-gray-50 dark:border-gray-600 dark:text-gray-100 dark:hover:bg-gray-700">
          Print
        </button>
      </div>
      {report.data && (
        <h2 className="text-lg font-semibold text-gray-900 dark:text-gray-100" data-testid="sla-period">
          {periodTitle(report.data.period, report.data.from, zone)} <span className="text-sm font-normal text-gray-500 dark:text-gray-400">({zone}; figures up to now)</span>
        </h2>
      )}
      {report.isPending && <p className="text-sm text-gray-500 dark:text-gray-400">Loading the report…</p>}
      {report.isError && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{report.error.message}</p>}
      {report.data && rows.length === 0 && <p className="text-sm text-gray-500 dark:text-gray-400">No business services to report.</p>}
      {rows.length > 0 && (
        <TableScroll>
          <table className="w-full min-w-[40rem] rounded-lg bg-white text-left text-sm shadow-sm dark:bg-gray-900">
            <thead className="border-b border-gray-200 text-gray-600 dark:border-gray-700 dark:text-gray-300">
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={sort.key === column.key ? (sort.descending ? "descending" : "ascending") : "none"}
                    className={`px-3 py-2 font-medium ${column.numeric ? "text-right" : ""}`}
                  >
                    <button
                      type="button"
                      className="hover:underline"
                      onClick={() => setSort((now) => ({ key: column.key, descending: now.key === column.key ? !now.descending : column.numeric }))}
                    >
                      {column.label}
                      {sort.key === column.key ? (sort.descending ? " ▼" : " ▲") : ""}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-testid="sla-row" className="border-b border-gray-100 last:border-0 dark:border-gray-800 text-gray-900 dark:text-gray-100">
                  <td className="px-3 py-2">
                    <Link href={`/bsm/service/${row.id}`} className="text-blue-700 hover:underline dark:text-blue-400">
                      {row.name}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">{row.targetPercent === null ? <span className="text-gray-500 dark:text-gray-400">no target</span> : formatPercent(row.targetPercent)}</td>
                  <td className={`whitespace-nowrap px-3 py-2 text-right ${row.met === false ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>{formatPercent(row.achieved)}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">{row.usedPercent === null ? "—" : `${row.usedPercent.toFixed(1)} %`}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">{row.outages}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">{formatMinutes(row.outages === 0 ? null : row.longestOutageMs)}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">{formatMinutes(row.mttrMs)}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">{formatMinutes(row.excludedMs === 0 ? null : row.excludedMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
