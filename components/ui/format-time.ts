// The dashboard shows moments in UTC, as the monitoring sources do; these are its ways to write them.

/** "2024-01-31 13:45:07". */
export function formatUtcSeconds(at: string | number | Date): string {
  return new Date(at).toISOString().replace("T", " ").slice(0, 19);
}

/** "31/01/2024, 13:45:07 UTC". */
export function formatUtcDateTime(at: string | number | Date): string {
  return `${new Date(at).toLocaleString("en-GB", { timeZone: "UTC" })} UTC`;
}

/** "13:45". */
export function formatUtcClock(at: string | number | Date): string {
  return new Date(at).toISOString().slice(11, 16);
}

/** "42 min", "3 h 5 min", to the nearest minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
