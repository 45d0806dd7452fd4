import type pg from "pg";
import { POLLER_ADVISORY_LOCK } from "@/lib/poller/leadership";

// pg_locks lists every database of the server, and tests run side by side on one server:
// only ever touch the locks of the client's own database.
const HOLDERS_OF_THIS_DATABASE = `FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** Kills the connection holding the poller lock in the client's database, as a network cut would. */
export async function terminatePollerLockHolder(admin: pg.Client): Promise<void> {
  await admin.query(`SELECT pg_terminate_backend(pid) ${HOLDERS_OF_THIS_DATABASE}`, [POLLER_ADVISORY_LOCK]);
}

export async function countPollerLockHolders(admin: pg.Client): Promise<number> {
  const result = await admin.query<{ n: number }>(`SELECT count(*)::int AS n ${HOLDERS_OF_THIS_DATABASE}`, [POLLER_ADVISORY_LOCK]);
  return result.rows[0].n;
}
