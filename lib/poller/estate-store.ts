import type { BsmState, CheckHistoryEntry } from "../bsm";
import type { BsmObjectRef } from "../status/bsm-object";
import { copyTextRows, copyTimestamp, type CopyValue } from "../db/copy-text";
import type { SqlConnection } from "../db/sql";
import { checkKey, type SourceHost, type SourceServiceCheck } from "../sources/types";
import { hostFingerprint } from "./detect-changes";
import { utcFromEpochMs } from "../db/sql-time";

// Writes go through jsonb_to_recordset: one parameter per statement whatever the row count, on
// PGlite and PostgreSQL alike. Times travel as epoch milliseconds and are stored as UTC. Large
// writes (a first full read) use COPY instead, which both parse several times faster.

/** From this many rows a write goes through COPY. */
export const COPY_FROM_ROWS = 2_000;

export async function upsertHosts(tx: SqlConnection, hosts: SourceHost[], now: number): Promise<void> {
  if (hosts.length === 0) return;
  const templateRows = hosts.flatMap((host) =>
    host.hostTemplates.map((template) => ({ host: host.name, template: template.name, priority: template.priority })),
  );
  await tx.query(
    `INSERT INTO "HostTemplate" (name)
     SELECT DISTINCT t.template FROM jsonb_to_recordset($1::jsonb) AS t(template text)
     ON CONFLICT (name) DO NOTHING`,
    [JSON.stringify(templateRows)],
  );
  await tx.query(
    `INSERT INTO "Host" (name, alias, address, "hostGroups", keywords, "removedAt", "updatedAt")
     SELECT h.name, h.alias, h.address, h."hostGroups", h.keywords, NULL, ${utcFromEpochMs("$2::bigint")}
     FROM jsonb_to_recordset($1::jsonb) AS h(name text, alias text, address text, "hostGroups" text[], keywords text[])
     ON CONFLICT (name) DO UPDATE SET alias = EXCLUDED.alias, address = EXCLUDED.address,
       "hostGroups" = EXCLUDED."hostGroups", keywords = EXCLUDED.keywords, "removedAt" = NULL, "updatedAt" = EXCLUDED."updatedAt"`,
    [JSON.stringify(hosts.map(({ name, alias, address, hostGroups, keywords }) => ({ name, alias, address, hostGroups, keywords }))), now],
  );
  await tx.query(
    `DELETE FROM "HostTemplateOnHost" WHERE "hostId" IN (SELECT id FROM "Host" WHERE name = ANY($1::text[]))`,
    [hosts.map((host) => host.name)],
  );
  await tx.query(
    `INSERT INTO "HostTemplateOnHost" ("hostId", "hostTemplateId", priority)
     SELECT h.id, ht.id, MIN(t.priority)
     FROM jsonb_to_recordset($1::jsonb) AS t(host text, template text, priority int)
     JOIN "Host" h ON h.name = t.host JOIN "HostTemplate" ht ON ht.name = t.template
     GROUP BY h.id, ht.id`,
    [JSON.stringify(templateRows)],
  );
}

export async function markHostsRemoved(tx: SqlConnection, names: string[], now: number): Promise<void> {
  if (names.length === 0) return;
  await tx.query(
    `UPDATE "Host" SET "removedAt" = ${utcFromEpochMs("$2::bigint")}, "updatedAt" = ${utcFromEpochMs("$2::bigint")}
     WHERE name = ANY($1::text[]) AND "removedAt" IS NULL`,
    [names, now],
  );
}

const SERVICE_CHECK_UPDATE = `state = EXCLUDED.state, "stateType" = EXCLUDED."stateType",
       acknowledged = EXCLUDED.acknowledged, "inDowntime" = EXCLUDED."inDowntime", output = EXCLUDED.output,
       "lastStateChange" = EXCLUDED."lastStateChange", "contributingTemplates" = EXCLUDED."contributingTemplates",
       "serviceGroups" = EXCLUDED."serviceGroups", "updatedAt" = EXCLUDED."updatedAt"`;

export async function upsertServiceChecks(tx: SqlConnection, checks: SourceServiceCheck[], now: number): Promise<void> {
  if (checks.length === 0) return;
  if (checks.length >= COPY_FROM_ROWS) return copyServiceChecks(tx, checks, now);
  await tx.query(
    `INSERT INTO "ServiceCheck" ("hostId", name, state, "stateType", acknowledged, "inDowntime", output,
       "lastStateChange", "contributingTemplates", "serviceGroups", "updatedAt")
     SELECT h.id, c.name, c.state::"CheckState", c."stateType"::"StateType", c.acknowledged, c."inDowntime", c.output,
       CASE WHEN c."lastStateChange" IS NULL THEN NULL ELSE ${utcFromEpochMs('c."lastStateChange"')} END,
       c."hostTemplates", COALESCE(c."serviceGroups", '{}'), ${utcFromEpochMs("$2::bigint")}
     FROM jsonb_to_recordset($1::jsonb) AS c(host text, name text, state text, "stateType" text, acknowledged boolean,
       "inDowntime" boolean, output text, "lastStateChange" bigint, "hostTemplates" text[], "serviceGroups" text[])
     JOIN "Host" h ON h.name = c.host
     ON CONFLICT ("hostId", name) DO UPDATE SET ${SERVICE_CHECK_UPDATE}`,
    [JSON.stringify(checks), now],
  );
}

const SERVICE_CHECK_COPY_COLUMNS = ["name", "state", '"stateType"', "acknowledged", '"inDowntime"', "output", '"lastStateChange"', '"contributingTemplates"', '"serviceGroups"'];

/** Each check as [its host column, SERVICE_CHECK_COPY_COLUMNS…, the trailing values]. */
function serviceCheckCopyRows(
  checks: SourceServiceCheck[],
  hostColumn: (check: SourceServiceCheck) => string | number,
  trailing: readonly CopyValue[] = [],
): string {
  return copyTextRows(checks, (check) => [
    hostColumn(check),
    check.name,
    check.state,
    check.stateType,
    check.acknowledged,
    check.inDowntime,
    check.output,
    check.lastStateChange === null ? null : copyTimestamp(check.lastStateChange),
    check.hostTemplates,
    check.serviceGroups,
    ...trailing,
  ]);
}

/**
 * Into an empty table (a first read) COPY goes straight in with the host ids looked up here;
 * otherwise into a staging table, then one INSERT … ON CONFLICT like the JSON path.
 */
async function copyServiceChecks(tx: SqlConnection, checks: SourceServiceCheck[], now: number): Promise<void> {
  const [{ empty }] = await tx.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "ServiceCheck") AS empty`);
  if (empty) {
    const hostIds = new Map(
      (await tx.query<{ id: number; name: string }>(`SELECT id, name FROM "Host"`)).map((host) => [host.name, host.id]),
    );
    // Checks of hosts not stored are left out, as the JSON path's join does.
    const rows = serviceCheckCopyRows(
      checks.filter((check) => hostIds.has(check.host)),
      (check) => hostIds.get(check.host)!,
      [copyTimestamp(now)],
    );
    await withKeysAndIndexesAddedAfter(tx, '"ServiceCheck"', () => tx.copyIn('"ServiceCheck"', ['"hostId"', ...SERVICE_CHECK_COPY_COLUMNS, '"updatedAt"'], rows));
    return;
  }
  // A failed write leaves it behind only outside a transaction; a rolled-back transaction takes it along.
  await tx.exec(
    `DROP TABLE IF EXISTS incoming_service_check;
     CREATE TEMP TABLE incoming_service_check (host text, name text, state "CheckState", "stateType" "StateType",
       acknowledged boolean, "inDowntime" boolean, output text, "lastStateChange" timestamp(3), "contributingTemplates" text[],
       "serviceGroups" text[])`,
  );
  await tx.copyIn("incoming_service_check", ["host", ...SERVICE_CHECK_COPY_COLUMNS], serviceCheckCopyRows(checks, (check) => check.host));
  await tx.query(
    `INSERT INTO "ServiceCheck" ("hostId", name, state, "stateType", acknowledged, "inDowntime", output,
       "lastStateChange", "contributingTemplates", "serviceGroups", "updatedAt")
     SELECT h.id, c.name, c.state, c."stateType", c.acknowledged, c."inDowntime", c.output, c."lastStateChange",
       c."contributingTemplates", c."serviceGroups", ${utcFromEpochMs("$1::bigint")}
     FROM incoming_service_check c JOIN "Host" h ON h.name = c.host
     ON CONFLICT ("hostId", name) DO UPDATE SET ${SERVICE_CHECK_UPDATE}`,
    [now],
  );
  await tx.exec("DROP TABLE incoming_service_check");
}

export async function deleteServiceChecks(tx: SqlConnection, keys: { host: string; name: string }[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `DELETE FROM "ServiceCheck" c USING "Host" h, jsonb_to_recordset($1::jsonb) AS k(host text, name text)
     WHERE c."hostId" = h.id AND h.name = k.host AND c.name = k.name`,
    [JSON.stringify(keys)],
  );
}

export async function insertCheckHistory(tx: SqlConnection, entries: CheckHistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  if (entries.length >= COPY_FROM_ROWS) {
    const rows = copyTextRows(entries, (entry) => [entry.host, entry.name, copyTimestamp(entry.at), entry.state, entry.acknowledged, entry.inDowntime]);
    const load = () => tx.copyIn('"CheckStateChange"', ["host", '"check"', "at", "state", "acknowledged", '"inDowntime"'], rows);
    const [{ empty }] = await tx.query<{ empty: boolean }>(`SELECT NOT EXISTS (SELECT 1 FROM "CheckStateChange") AS empty`);
    await (empty ? withKeysAndIndexesAddedAfter(tx, '"CheckStateChange"', load) : load());
    return;
  }
  await tx.query(
    `INSERT INTO "CheckStateChange" (host, "check", at, state, acknowledged, "inDowntime")
     SELECT e.host, e.name, ${utcFromEpochMs("e.at")}, e.state::"CheckState", e.acknowledged, e."inDowntime"
     FROM jsonb_to_recordset($1::jsonb) AS e(host text, name text, at bigint, state text, acknowledged boolean, "inDowntime" boolean)`,
    [JSON.stringify(entries)],
  );
}

/**
 * Runs a load into an empty table without the table's foreign keys and secondary (not unique) indexes,
 * and adds them again after it, as they were (pg_get_constraintdef, pg_get_indexdef): one join checks
 * every row's keys and one build fills each index, instead of a lookup and an index entry per row
 * (100,000 checks: 0.92 s with their key to Host, 0.46 s without it and its check). Adding a key back
 * checks every row, so nothing unchecked stays. The tables stay locked until the transaction ends, so
 * only first loads do this; in a transaction, as the poller's store is, a failed load brings them back
 * with the rollback.
 */
async function withKeysAndIndexesAddedAfter(tx: SqlConnection, table: string, load: () => Promise<void>): Promise<void> {
  const keys = await tx.query<{ name: string; definition: string }>(
    `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`,
    [table],
  );
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT quote_ident(i.relname) AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT x.indisprimary AND NOT x.indisunique`,
    [table],
  );
  for (const key of keys) await tx.exec(`ALTER TABLE ${table} DROP CONSTRAINT ${key.name}`);
  for (const index of indexes) await tx.exec(`DROP INDEX ${index.name}`);
  await load();
  for (const index of indexes) await tx.exec(index.definition);
  for (const key of keys) await tx.exec(`ALTER TABLE ${table} ADD CONSTRAINT ${key.name} ${key.definition}`);
}

export interface ObjectStatusRow extends BsmObjectRef {
  state: BsmState;
  acknowledged: boolean;
  impacted: boolean;
}

export interface ObjectStatusChange {
  before: ObjectStatusRow;
  after: ObjectStatusRow;
}

/**
 * Stores the objects' statuses as of `now`. changedAt is when the state last changed: a new
 * acknowledgement or impact alone keeps it, so "Offline for 2 h" counts from going offline.
 */
export async function upsertObjectStatuses(tx: SqlConnection, rows: ObjectStatusRow[], now: number): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO "BsmObjectStatus" ("objectType", "objectKey", state, acknowledged, impacted, "changedAt")
     SELECT r."objectType"::"BsmObjectType", r."objectKey", r.state::"BsmState", r.acknowledged, r.impacted, ${utcFromEpochMs("$2::bigint")}
     FROM jsonb_to_recordset($1::jsonb) AS r("objectType" text, "objectKey" text, state text, acknowledged boolean, impacted boolean)
     ON CONFLICT ("objectType", "objectKey") DO UPDATE SET state = EXCLUDED.state, acknowledged = EXCLUDED.acknowledged,
       impacted = EXCLUDED.impacted,
       "changedAt" = CASE WHEN "BsmObjectStatus".state = EXCLUDED.state THEN "BsmObjectStatus"."changedAt" ELSE EXCLUDED."changedAt" END`,
    [JSON.stringify(rows), now],
  );
}

export async function insertTransitions(tx: SqlConnection, changes: ObjectStatusChange[], now: number): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map(({ before, after }) => ({
    objectType: after.objectType,
    objectKey: after.objectKey,
    fromState: before.state,
    toState: after.state,
    fromAcknowledged: before.acknowledged,
    toAcknowledged: after.acknowledged,
    fromImpacted: before.impacted,
    toImpacted: after.impacted,
  }));
  await tx.query(
    `INSERT INTO "BsmTransition" ("objectType", "objectKey", at, "fromState", "toState", "fromAcknowledged", "toAcknowledged",
       "fromImpacted", "toImpacted")
     SELECT r."objectType"::"BsmObjectType", r."objectKey", ${utcFromEpochMs("$2::bigint")}, r."fromState"::"BsmState", r."toState"::"BsmState",
       r."fromAcknowledged", r."toAcknowledged", r."fromImpacted", r."toImpacted"
     FROM jsonb_to_recordset($1::jsonb) AS r("objectType" text, "objectKey" text, "fromState" text, "toState" text,
       "fromAcknowledged" boolean, "toAcknowledged" boolean, "fromImpacted" boolean, "toImpacted" boolean)`,
    [JSON.stringify(rows), now],
  );
}

export async function loadObjectStatuses(connection: SqlConnection): Promise<ObjectStatusRow[]> {
  return connection.query<ObjectStatusRow & Record<string, unknown>>(
    `SELECT "objectType", "objectKey", state, acknowledged, impacted FROM "BsmObjectStatus"`,
  );
}

/** Removes the stored status of objects that no longer exist (deleted components, services, hosts). */
export async function deleteObjectStatuses(tx: SqlConnection, objects: BsmObjectRef[]): Promise<void> {
  if (objects.length === 0) return;
  await tx.query(
    `DELETE FROM "BsmObjectStatus" s USING jsonb_to_recordset($1::jsonb) AS o("objectType" text, "objectKey" text)
     WHERE s."objectType" = o."objectType"::"BsmObjectType" AND s."objectKey" = o."objectKey"`,
    [JSON.stringify(objects)],
  );
}

export async function loadKnownHosts(connection: SqlConnection): Promise<Set<string>> {
  const rows = await connection.query<{ name: string }>(`SELECT name FROM "Host" WHERE "removedAt" IS NULL`);
  return new Set(rows.map((row) => row.name));
}

/**
 * Host name → hostFingerprint of every stored host not removed, templates by priority then name (as
 * the sources list them), in one statement.
 */
export async function loadKnownHostFingerprints(connection: SqlConnection): Promise<Map<string, string>> {
  const rows = await connection.query<{
    name: string;
    alias: string;
    address: string;
    hostGroups: string[];
    keywords: string[];
    templateNames: string[];
    templatePriorities: number[];
  }>(
    `SELECT h.name, h.alias, h.address, h."hostGroups", h.keywords,
       COALESCE(array_agg(ht.name ORDER BY t.priority, ht.name COLLATE "C") FILTER (WHERE ht.id IS NOT NULL), '{}') AS "templateNames",
       COALESCE(array_agg(t.priority ORDER BY t.priority, ht.name COLLATE "C") FILTER (WHERE ht.id IS NOT NULL), '{}') AS "templatePriorities"
     FROM "Host" h
     LEFT JOIN "HostTemplateOnHost" t ON t."hostId" = h.id
     LEFT JOIN "HostTemplate" ht ON ht.id = t."hostTemplateId"
     WHERE h."removedAt" IS NULL
     GROUP BY h.id`,
  );
  const fingerprints = new Map<string, string>();
  for (const row of rows) {
    const hostTemplates = row.templateNames.map((name, index) => ({ name, priority: Number(row.templatePriorities[index]) }));
    fingerprints.set(row.name, hostFingerprint({ ...row, hostTemplates }));
  }
  return fingerprints;
}

interface CheckRow extends Record<string, unknown> {
  host: string;
  name: string;
  state: SourceServiceCheck["state"];
  stateType: SourceServiceCheck["stateType"];
  acknowledged: boolean;
  inDowntime: boolean;
  output: string;
  lastStateChange: string | number | null;
  hostTemplates: string[];
  serviceGroups: string[];
}

export async function loadKnownChecks(connection: SqlConnection): Promise<Map<string, SourceServiceCheck>> {
  const rows = await connection.query<CheckRow>(
    `SELECT h.name AS host, c.name, c.state::text AS state, c."stateType"::text AS "stateType", c.acknowledged,
       c."inDowntime", c.output, (EXTRACT(EPOCH FROM c."lastStateChange") * 1000)::bigint AS "lastStateChange",
       c."contributingTemplates" AS "hostTemplates", COALESCE(c."serviceGroups", '{}') AS "serviceGroups"
     FROM "ServiceCheck" c JOIN "Host" h ON h.id = c."hostId"`,
  );
  // The rows themselves become the checks (no copy of each): a restart loads every check.
  const checks = new Map<string, SourceServiceCheck>();
  for (const row of rows) {
    if (row.lastStateChange !== null) row.lastStateChange = Number(row.lastStateChange);
    checks.set(checkKey(row.host, row.name), row as CheckRow & { lastStateChange: number | null });
  }
  return checks;
}
