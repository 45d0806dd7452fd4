import type { Prisma } from "@prisma/client";
import {
  DEFAULT_REFLECTION_MODE,
  markActionFailed,
  REFLECTION_MODES,
  type ExportSettings,
  type ExportState,
  type HostOutcome,
  type HostRecord,
  type ReflectionMode,
} from "../reflect";
import { effectiveExportSettings, NO_HOST_TYPE } from "./host-types";
import { changedOutcomes, toHostRecord, toStoredColumns, type ReflectedHostRow } from "./records";
import { utcFromEpochMs } from "../db/sql-time";

// Bulk statements take one JSON parameter whatever the row count, on PGlite and PostgreSQL alike.
type Tx = Prisma.TransactionClient;
const AT = utcFromEpochMs("$2::bigint");

/** Why reflection acted: the poll, a user's Reflect or Reflect All. */
export type ReflectCause = "poll" | "reflect" | "reflect-all";

export type RecordSelection = { hosts: readonly string[] } | "all" | "pending";

/**
 * Stored records with their element, locked until the transaction ends so concurrent reflections
 * queue. The lock comes first and the read after it, so a waiting transaction sees what the one
 * before it committed (a locking read of a join would keep the element row of its old snapshot).
 */
export async function loadRecordsForUpdate(tx: Tx, selection: RecordSelection): Promise<HostRecord[]> {
  if (typeof selection === "object" && selection.hosts.length === 0) return [];
  const where = selection === "all" ? "TRUE" : selection === "pending" ? "r.pending" : `r.host IN (SELECT jsonb_array_elements_text($1::jsonb))`;
  const params = typeof selection === "object" ? [JSON.stringify(selection.hosts)] : [];
  const locked = await tx.$queryRawUnsafe<{ host: string }[]>(`SELECT r.host FROM "ReflectedHost" r WHERE ${where} ORDER BY r.host FOR UPDATE`, ...params);
  if (locked.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<ReflectedHostRow[]>(
    `SELECT r.host, r."hostType", r.removed, r."exportEnabled", r.status::text AS status, r.pending, r.message, e."hostType" AS "elementType"
     FROM "ReflectedHost" r LEFT JOIN "HostElement" e ON e.host = r.host
     WHERE r.host IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY r.host`,
    JSON.stringify(locked.map((row) => row.host)),
  );
  return rows.map(toHostRecord);
}

/** Every host type the source has reported: its templates, and the types of the hosts and elements the connector keeps. */
export async function loadReportedHostTypes(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ hostType: string }[]>(
    `SELECT name AS "hostType" FROM "HostTemplate"
     UNION SELECT DISTINCT "hostType" FROM "ReflectedHost"
     UNION SELECT DISTINCT "hostType" FROM "HostElement"`,
  );
  return rows.map((row) => row.hostType).filter((hostType) => hostType !== NO_HOST_TYPE);
}

/** The export settings now; `alsoReported` adds the types of a poll whose templates are not stored yet. */
export async function loadExportSettings(tx: Tx, alsoReported: readonly string[] = []): Promise<ExportSettings> {
  const reported = await loadReportedHostTypes(tx);
  const stored = await tx.hostTypeExportSetting.findMany({ select: { hostType: true, state: true } });
  return effectiveExportSettings([...reported, ...alsoReported], stored.map((row) => ({ hostType: row.hostType, state: row.state as ExportState })));
}

export async function loadReflectionMode(tx: Tx): Promise<ReflectionMode> {
  const settings = await tx.connectorSettings.findUnique({ where: { id: 1 }, select: { reflectionMode: true } });
  const mode = settings?.reflectionMode ?? DEFAULT_REFLECTION_MODE;
  return (REFLECTION_MODES as readonly string[]).includes(mode) ? (mode as ReflectionMode) : DEFAULT_REFLECTION_MODE;
}

export async function loadReflectionSettings(tx: Tx, alsoReported: readonly string[] = []): Promise<{ mode: ReflectionMode; exportSettings: ExportSettings }> {
  const mode = await loadReflectionMode(tx);
  return { mode, exportSettings: await loadExportSettings(tx, alsoReported) };
}

export interface SaveSummary {
  /** Outcomes as stored, failed actions marked (status Error). */
  outcomes: HostOutcome[];
  created: number;
  deleted: number;
  failed: { host: string; message: string }[];
}

/**
 * Stores what reflection decided: records that changed, then the element actions, in the caller's
 * transaction. A create that finds an element already there (a name clash) fails only that host:
 * it shows Error with the reason. Any other database error aborts the whole transaction.
 */
export async function saveOutcomes(
  tx: Tx,
  previous: readonly HostRecord[],
  outcomes: readonly HostOutcome[],
  context: { cause: ReflectCause; userEmail: string | null; now: number },
): Promise<SaveSummary> {
  const byHost = new Map(previous.map((record) => [record.host, record]));
  const changed = changedOutcomes(byHost, outcomes);
  if (changed.length === 0) return { outcomes: [], created: 0, deleted: 0, failed: [] };

  await upsertRecords(tx, changed.map((outcome) => outcome.record), context.now);
  const deletes = changed.flatMap((outcome) => outcome.actions.filter((action) => action.kind === "delete"));
  const creates = changed.flatMap((outcome) => outcome.actions.filter((action) => action.kind === "create"));
  if (deletes.length > 0) {
    await tx.$executeRawUnsafe(
      `DELETE FROM "HostElement" WHERE host IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      JSON.stringify(deletes.map((action) => action.host)),
    );
  }
  const createdHosts = new Set<string>();
  if (creates.length > 0) {
    const rows = await tx.$queryRawUnsafe<{ host: string }[]>(
      `INSERT INTO "HostElement" (host, "hostType", "createdAt")
       SELECT c.host, c."hostType", ${AT} FROM jsonb_to_recordset($1::jsonb) AS c(host text, "hostType" text)
       ON CONFLICT (host) DO NOTHING RETURNING host`,
      JSON.stringify(creates.map(({ host, hostType }) => ({ host, hostType }))),
      context.now,
    );
    for (const row of rows) createdHosts.add(row.host);
  }

  const failed: { host: string; message: string }[] = [];
  const stored = changed.map((outcome) => {
    const clash = outcome.actions.find((action) => action.kind === "create" && !createdHosts.has(action.host));
    if (!clash) return outcome;
    const message = `could not create the host element for ${clash.host}: the database did not store it (is another element in its place?)`;
    failed.push({ host: clash.host, message });
    return markActionFailed(outcome, clash, message);
  });
  if (failed.length > 0) {
    await tx.$executeRawUnsafe(
      `UPDATE "ReflectedHost" r SET status = 'Error', pending = TRUE, message = f.message
       FROM jsonb_to_recordset($1::jsonb) AS f(host text, message text) WHERE r.host = f.host`,
      JSON.stringify(failed),
    );
  }
  await insertEvents(tx, stored, failed, context);
  return { outcomes: stored, created: createdHosts.size, deleted: deletes.length, failed };
}

async function upsertRecords(tx: Tx, records: readonly HostRecord[], now: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ReflectedHost" (host, "hostType", removed, "exportEnabled", status, pending, message, "updatedAt")
     SELECT r.host, r."hostType", r.removed, r."exportEnabled", r.status::"ReflectStatus", r.pending, r.message, ${AT}
     FROM jsonb_to_recordset($1::jsonb) AS r(host text, "hostType" text, removed boolean, "exportEnabled" boolean,
       status text, pending boolean, message text)
     ON CONFLICT (host) DO UPDATE SET "hostType" = EXCLUDED."hostType", removed = EXCLUDED.removed,
       "exportEnabled" = EXCLUDED."exportEnabled", status = EXCLUDED.status, pending = EXCLUDED.pending,
       message = EXCLUDED.message, "updatedAt" = EXCLUDED."updatedAt"`,
    JSON.stringify(records.map(toStoredColumns)),
    now,
  );
}

async function insertEvents(
  tx: Tx,
  outcomes: readonly HostOutcome[],
  failed: readonly { host: string; message: string }[],
  context: { cause: ReflectCause; userEmail: string | null; now: number },
): Promise<void> {
  const failedHosts = new Map(failed.map((entry) => [entry.host, entry.message]));
  const events = outcomes.flatMap((outcome) => {
    const applied = outcome.actions.map((action) => ({ host: action.host, kind: `element.${action.kind}`, hostType: action.hostType, message: null as string | null }));
    const message = failedHosts.get(outcome.record.host);
    if (message !== undefined) applied.push({ host: outcome.record.host, kind: "element.error", hostType: outcome.record.type, message });
    return applied;
  });
  if (events.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "HostReflectEvent" (host, at, kind, "hostType", cause, "userEmail", message)
     SELECT e.host, ${AT}, e.kind, e."hostType", $3::text, $4::text, e.message
     FROM jsonb_to_recordset($1::jsonb) AS e(host text, kind text, "hostType" text, message text)`,
    JSON.stringify(events),
    context.now,
    context.cause,
    context.userEmail,
  );
}

/** A history entry for a change that is not an element action (the export flag). */
export async function insertHostEvent(
  tx: Tx,
  event: { host: string; kind: string; hostType: string; cause: string; userEmail: string | null; message?: string | null; now: number },
): Promise<void> {
  await tx.hostReflectEvent.create({
    data: {
      host: event.host,
      at: new Date(event.now),
      kind: event.kind,
      hostType: event.hostType,
      cause: event.cause,
      userEmail: event.userEmail,
      message: event.message ?? null,
    },
  });
}
