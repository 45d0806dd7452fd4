import type { LivePollState } from "./live-events-provider";

/** The page's event stream: opening, open, lost and being opened again, or the browser is offline. */
export type LiveConnection = "connecting" | "connected" | "reconnecting" | "offline";

/** What the freshness indicator shows: the stream's state and when the poller last confirmed the data. */
export interface LiveFreshness {
  connection: LiveConnection;
  /** Epoch ms of the last successful poll cycle (quiet or not); null when none is known. */
  confirmedAt: number | null;
}

/** Why what the page shows may be out of date, and since when it was last confirmed. */
export interface StaleData {
  reason: "connection" | "source" | "database";
  confirmedAt: number | null;
}

/** Words for the stream's state: text, not only colour. */
export const CONNECTION_LABEL: Record<LiveConnection, string> = {
  connecting: "Connecting…",
  connected: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

/**
 * Whether the page's data may be out of date: the stream is lost (reconnecting or offline), the
 * monitoring source stopped answering, or the dashboard's database cannot be reached. Null while
 * fresh; "connecting" (the page's first moments) still shows the data the page was rendered with.
 */
export function staleDataOf(freshness: LiveFreshness, poll: LivePollState | null): StaleData | null {
  const { connection, confirmedAt } = freshness;
  if (connection === "reconnecting" || connection === "offline") return { reason: "connection", confirmedAt };
  if (poll?.databaseDownSince != null) return { reason: "database", confirmedAt };
  if (poll?.staleSince != null) return { reason: "source", confirmedAt };
  return null;
}

/** How a stale reason reads next to its age. */
export const STALE_REASON_TEXT: Record<StaleData["reason"], string> = {
  connection: "Connection lost",
  source: "Source not answering",
  database: "Database unreachable",
};
