import type { SkippedRow, SourceCheckState, SourceHost, SourceHostTemplate, SourceServiceCheck } from "../types";
import {
  columnIndex,
  HOST_COLUMNS,
  HOST_GROUP_COLUMNS,
  HOST_KEYWORD_COLUMNS,
  HOST_TEMPLATE_COLUMNS,
  SERVICE_CHECK_COLUMNS,
} from "./queries";
import { createTemplateNamer, OPSVIEW_CONFIG_TEMPLATES, usesOpsviewConfig, type HostTemplateSource } from "./template-source";

/** A row as the driver returns it, its values in the statement's column order; every value is checked before use. */
export type DatabaseRow = readonly unknown[];

const HOST = columnIndex(HOST_COLUMNS);
const HOST_GROUP = columnIndex(HOST_GROUP_COLUMNS);
const HOST_TEMPLATE = columnIndex(HOST_TEMPLATE_COLUMNS);
const HOST_KEYWORD = columnIndex(HOST_KEYWORD_COLUMNS);
const CHECK = columnIndex(SERVICE_CHECK_COLUMNS);

const CHECK_STATES: readonly SourceCheckState[] = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

function asInteger(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
  return null;
}

function asName(value: unknown): string | null {
  const text = asText(value);
  return text !== null && text.trim() !== "" ? text : null;
}

/** UNIX_TIMESTAMP(...) arrives as a number, or as a decimal string for fractional DATETIMEs. */
export function epochSecondsToMs(value: unknown): number | null {
  const seconds = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  // NDOUtils writes 1970-01-01 (or a zero date, which UNIX_TIMESTAMP turns into 0 or NULL) for "never".
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return Math.round(seconds * 1000);
}

function epochSeconds(value: unknown): number | null {
  const ms = epochSecondsToMs(value);
  return ms === null ? null : Math.floor(ms / 1000);
}

/** The host name of a service check row, for finding hosts an incremental read has not seen yet. */
export function hostNameOfCheckRow(row: DatabaseRow): string | null {
  return asName(row[CHECK.host_name]);
}

export function objectIdOfHostRow(row: DatabaseRow): number | null {
  return asInteger(row[HOST.object_id]);
}

export function checkStateFromNumber(state: number): SourceCheckState | null {
  return Number.isInteger(state) && state >= 0 && state <= 3 ? CHECK_STATES[state] : null;
}

/** The key a skipped check is logged with, and the name of a check in messages. */
export function checkDisplayKey(host: string, name: string): string {
  return `${host}/${name}`;
}

export interface HostRowSets {
  hosts: DatabaseRow[];
  groups: DatabaseRow[];
  templates: DatabaseRow[];
  keywords: DatabaseRow[];
}

export interface MappedHosts {
  hosts: SourceHost[];
  /** Database object id of each returned host, by name. */
  objectIds: Map<string, number>;
  skipped: SkippedRow[];
}

export function mapHostRows(rows: HostRowSets, templateSource: HostTemplateSource = OPSVIEW_CONFIG_TEMPLATES): MappedHosts {
  const templateNames = createTemplateNamer(templateSource);
  // Opsview ranks a host's templates; the IDO's stand-ins are ranked by the order the rows arrive in.
  const ranked = usesOpsviewConfig(templateSource);
  const skipped: SkippedRow[] = [];
  const byObjectId = new Map<number, SourceHost>();
  const objectIds = new Map<string, number>();

  for (const row of rows.hosts) {
    const objectId = asInteger(row[HOST.object_id]);
    const name = asName(row[HOST.host_name]);
    if (objectId === null || name === null) {
      skipped.push({ key: name ?? `host object ${String(row[HOST.object_id])}`, reason: "host row without an object id or a name" });
      continue;
    }
    if (objectIds.has(name)) {
      skipped.push({ key: name, reason: `duplicate active host object ${objectId}` });
      continue;
    }
    objectIds.set(name, objectId);
    byObjectId.set(objectId, {
      name,
      alias: asText(row[HOST.alias]) ?? "",
      address: asText(row[HOST.address]) ?? "",
      hostGroups: [],
      hostTemplates: [],
      keywords: [],
    });
  }

  for (const row of rows.groups) {
    const host = byObjectId.get(asInteger(row[HOST_GROUP.host_object_id]) ?? -1);
    const group = asName(row[HOST_GROUP.name]);
    if (host && group !== null && !host.hostGroups.includes(group)) host.hostGroups.push(group);
  }

  for (const row of rows.templates) {
    const host = byObjectId.get(asInteger(row[HOST_TEMPLATE.host_object_id]) ?? -1);
    if (!host) continue;
    const names = templateNames(row[HOST_TEMPLATE.name], row[HOST_TEMPLATE.is_json]);
    const rowPriority = asInteger(row[HOST_TEMPLATE.priority]);
    if (ranked && (names.length === 0 || rowPriority === null)) {
      skipped.push({ key: host.name, reason: `host template ${String(asName(row[HOST_TEMPLATE.name]) ?? row[HOST_TEMPLATE.name])} without a name or a whole-number priority` });
      continue;
    }
    for (const name of names) {
      const priority = ranked && rowPriority !== null ? rowPriority : host.hostTemplates.length + 1;
      const existing = host.hostTemplates.find((template) => template.name === name);
      if (existing) existing.priority = Math.min(existing.priority, priority);
      else host.hostTemplates.push({ name, priority });
    }
  }

  for (const row of rows.keywords) {
    const host = byObjectId.get(asInteger(row[HOST_KEYWORD.host_object_id]) ?? -1);
    const keyword = asName(row[HOST_KEYWORD.keyword]);
    if (host && keyword !== null && !host.keywords.includes(keyword)) host.keywords.push(keyword);
  }

  const hosts = [...byObjectId.values()];
  for (const host of hosts) {
    host.hostGroups.sort();
    host.keywords.sort();
    host.hostTemplates.sort(byPriorityThenName);
  }
  return { hosts, objectIds, skipped };
}

function byPriorityThenName(a: SourceHostTemplate, b: SourceHostTemplate): number {
  return a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

export interface MappedServiceChecks {
  serviceChecks: SourceServiceCheck[];
  skipped: SkippedRow[];
  /** The newest status_update_time among all rows, malformed ones included (epoch seconds). */
  latestStatusUpdate: number | null;
}

/** Turns service check rows (one per contributing template and service group) into checks; bad rows are skipped with their key. */
export function mapServiceCheckRows(rows: DatabaseRow[], templateSource: HostTemplateSource = OPSVIEW_CONFIG_TEMPLATES): MappedServiceChecks {
  const templateNames = createTemplateNamer(templateSource);
  const skipped: SkippedRow[] = [];
  const checks = new Map<number, SourceServiceCheck>();
  const rejected = new Set<number>();
  // Check names by host name: no concatenated key string to build and hash per row.
  const seenNames = new Map<string, Set<string>>();
  let latestStatusUpdate: number | null = null;

  for (const row of rows) {
    const updated = epochSeconds(row[CHECK.status_update_time]);
    if (updated !== null && (latestStatusUpdate === null || updated > latestStatusUpdate)) latestStatusUpdate = updated;

    const objectId = asInteger(row[CHECK.object_id]);
    if (objectId === null) {
      skipped.push({ key: "service check without an object id", reason: "object_id is not a number" });
      continue;
    }
    if (rejected.has(objectId)) continue;

    const existing = checks.get(objectId);
    if (existing) {
      for (const template of templateNames(row[CHECK.template_name], row[CHECK.template_is_json])) {
        if (!existing.hostTemplates.includes(template)) existing.hostTemplates.push(template);
      }
      const serviceGroup = asName(row[CHECK.service_group]);
      if (serviceGroup !== null && !existing.serviceGroups.includes(serviceGroup)) existing.serviceGroups.push(serviceGroup);
      continue;
    }

    const result = mapServiceCheckRow(row, objectId, [...templateNames(row[CHECK.template_name], row[CHECK.template_is_json])]);
    if ("reason" in result) {
      rejected.add(objectId);
      skipped.push(result);
      continue;
    }
    let namesOfHost = seenNames.get(result.host);
    if (namesOfHost === undefined) seenNames.set(result.host, (namesOfHost = new Set()));
    if (namesOfHost.has(result.name)) {
      rejected.add(objectId);
      skipped.push({ key: checkDisplayKey(result.host, result.name), reason: `duplicate active service object ${objectId}` });
      continue;
    }
    namesOfHost.add(result.name);
    checks.set(objectId, result);
  }

  const serviceChecks = [...checks.values()];
  for (const check of serviceChecks) {
    check.hostTemplates.sort();
    check.serviceGroups.sort();
  }
  return { serviceChecks, skipped, latestStatusUpdate };
}

function mapServiceCheckRow(row: DatabaseRow, objectId: number, templates: string[]): SourceServiceCheck | SkippedRow {
  const host = asName(row[CHECK.host_name]);
  const name = asName(row[CHECK.service_name]);
  if (host === null || name === null) {
    return { key: `service object ${objectId}`, reason: "service object without a host name or a service name" };
  }
  const key = checkDisplayKey(host, name);
  const stateNumber = asInteger(row[CHECK.current_state]);
  const state = stateNumber === null ? null : checkStateFromNumber(stateNumber);
  if (state === null) return { key, reason: `current_state ${String(row[CHECK.current_state])} is not 0, 1, 2 or 3` };
  const stateType = asInteger(row[CHECK.state_type]);
  if (stateType !== 0 && stateType !== 1) return { key, reason: `state_type ${String(row[CHECK.state_type])} is not 0 (soft) or 1 (hard)` };
  const acknowledged = asInteger(row[CHECK.acknowledged]);
  if (acknowledged === null || acknowledged < 0) {
    return { key, reason: `problem_has_been_acknowledged ${String(row[CHECK.acknowledged])} is not a flag` };
  }
  const downtimeDepth = asInteger(row[CHECK.downtime_depth]);
  if (downtimeDepth === null || downtimeDepth < 0) {
    return { key, reason: `scheduled_downtime_depth ${String(row[CHECK.downtime_depth])} is not a count` };
  }
  const serviceGroup = asName(row[CHECK.service_group]);
  return {
    host,
    name,
    state,
    stateType: stateType === 1 ? "HARD" : "SOFT",
    acknowledged: acknowledged > 0,
    inDowntime: downtimeDepth > 0,
    output: asText(row[CHECK.output]) ?? "",
    lastStateChange: epochSecondsToMs(row[CHECK.last_state_change]),
    hostTemplates: templates,
    serviceGroups: serviceGroup === null ? [] : [serviceGroup],
  };
}
