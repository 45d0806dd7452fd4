import type { SlaReport } from "./read";

// The SLA report as CSV (RFC 4180: comma, CRLF, quotes doubled): the same rows as the page and the JSON.

export const SLA_CSV_COLUMNS = [
  "service",
  "target_percent",
  "count_downtime",
  "achieved_percent",
  "budget_minutes",
  "used_minutes",
  "used_percent",
  "projected_percent",
  "met",
  "outages",
  "longest_outage_minutes",
  "mttr_minutes",
  "excluded_minutes",
] as const;

function cell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ would be a formula to a spreadsheet.
  const safe = /^[=+\-@]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);

export function slaReportCsv(report: SlaReport): string {
  const lines = [SLA_CSV_COLUMNS.join(",")];
  for (const row of report.rows) {
    lines.push(
      [
        row.name,
        row.targetPercent,
        row.countDowntime,
        row.achieved,
        minutes(row.budgetMs),
        minutes(row.usedMs),
        row.usedPercent,
        row.projected,
        row.met,
        row.outages,
        minutes(row.longestOutageMs),
        minutes(row.mttrMs),
        minutes(row.excludedMs),
      ]
        .map(cell)
        .join(","),
    );
  }
  return lines.join("\r\n") + "\r\n";
}

/** The download's file name: sla-2026-11.csv for a month, sla-2026-Q4.csv for a quarter (from the report's local start). */
export function slaReportFileName(report: SlaReport, localStart: { year: number; month: number }): string {
  const two = String(localStart.month).padStart(2, "0");
  return report.period === "month" ? `sla-${localStart.year}-${two}.csv` : `sla-${localStart.year}-Q${Math.ceil(localStart.month / 3)}.csv`;
}
