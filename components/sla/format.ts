// How SLA figures read on the pages (plain helpers: server and client components both use them).

export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(2)} %`;
}

/** A length of time in minutes (below an hour) or hours and minutes; "—" for none. */
export function formatMinutes(ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return ms > 0 && minutes === 0 ? "< 1 min" : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

/** The report's period as the user reads it: "December 2026", "Q4 2026" (from its local start). */
export function periodTitle(period: "month" | "quarter", from: string, zone: string): string {
  const at = new Date(from);
  if (period === "month") return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: zone }).format(at);
  const parts = new Intl.DateTimeFormat("en-GB", { month: "numeric", year: "numeric", timeZone: zone }).formatToParts(at);
  const month = Number(parts.find((part) => part.type === "month")?.value ?? 1);
  const year = parts.find((part) => part.type === "year")?.value ?? "";
  return `Q${Math.ceil(month / 3)} ${year}`;
}
