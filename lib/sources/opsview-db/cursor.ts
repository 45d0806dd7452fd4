/**
 * The cursor handed to the poller: the newest status_update_time seen (epoch seconds, as the
 * database reports it) plus the number of the read that issued it, so the source can tell whether
 * the poller is continuing from its latest read.
 */
export interface OpsviewCursor {
  statusTime: number | null;
  read: number;
}

const PREFIX = "opsview-db:1:";

export function encodeCursor(cursor: OpsviewCursor): string {
  return `${PREFIX}${cursor.statusTime ?? "-"}:${cursor.read}`;
}

/** Null when the text is not a cursor this source wrote. */
export function decodeCursor(text: string): OpsviewCursor | null {
  if (!text.startsWith(PREFIX)) return null;
  const match = /^(-|\d+):(\d+)$/.exec(text.slice(PREFIX.length));
  if (!match) return null;
  return { statusTime: match[1] === "-" ? null : Number(match[1]), read: Number(match[2]) };
}
