import type { SqlConnection } from "../db/sql";
import type { AvailabilityRefresh } from "./availability-keeper";
import type { ObjectCountsRow } from "./object-counts";
import { utcFromEpochMs } from "../db/sql-time";

// Rows exist already: the poller upserts an object's status before it stores its figures. A row whose
// figures are stored already is left alone: after a start every object's figures are written again,
// and most are unchanged (writing a row anew costs a new row version and its index entries).

export async function storeObjectCounts(tx: SqlConnection, rows: ObjectCountsRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE "BsmObjectStatus" s SET counts = r.counts
     FROM jsonb_to_recordset($1::jsonb) AS r("objectType" text, "objectKey" text, counts jsonb)
     WHERE s."objectType" = r."objectType"::"BsmObjectType" AND s."objectKey" = r."objectKey" AND s.counts IS DISTINCT FROM r.counts`,
    [JSON.stringify(rows)],
  );
}

/**
 * The refreshed figures, the window's end they are for and the last check history row they saw, in one
 * transaction so readers see them together.
 */
export async function storeAvailability(
  tx: SqlConnection,
  refresh: AvailabilityRefresh,
  source: { kind: string; description: string },
): Promise<void> {
  if (refresh.rows.length > 0) {
    await tx.query(
      `UPDATE "BsmObjectStatus" s SET availability = r.availability, "operationalMs" = r."operationalMs",
         "failedMs" = r."failedMs", "downtimeMs" = r."downtimeMs", timeline = r.timeline
       FROM jsonb_to_recordset($1::jsonb) AS r("objectType" text, "objectKey" text, availability double precision,
         "operationalMs" int, "failedMs" int, "downtimeMs" int, timeline jsonb)
       WHERE s."objectType" = r."objectType"::"BsmObjectType" AND s."objectKey" = r."objectKey"
         AND (s.availability, s."operationalMs", s."failedMs", s."downtimeMs", s.timeline)
           IS DISTINCT FROM (r.availability, r."operationalMs", r."failedMs", r."downtimeMs", r.timeline)`,
      [JSON.stringify(refresh.rows)],
    );
  }
  // Every check history row stored so far went through the keeper first (the poller is its only writer).
  const at = utcFromEpochMs("$3");
  await tx.query(
    `INSERT INTO "PollerStatus" (id, "sourceKind", "sourceDescription", "availabilityAt", "availabilityHistoryId", "updatedAt")
     VALUES (1, $1, $2, ${at}, (SELECT max(id) FROM "CheckStateChange"), ${at})
     ON CONFLICT (id) DO UPDATE SET "availabilityAt" = EXCLUDED."availabilityAt", "availabilityHistoryId" = EXCLUDED."availabilityHistoryId"`,
    [source.kind, source.description, refresh.at],
  );
}
