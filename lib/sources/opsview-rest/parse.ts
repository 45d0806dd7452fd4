import {
  SourceUnavailableError,
  type SkippedRow,
  type SourceCheckState,
  type SourceHost,
  type SourceHostTemplate,
  type SourceServiceCheck,
  type SourceStateType,
  type ServiceCheckRef,
} from "../types";

/**
 * Pure parsing of Opsview REST answers. Opsview sends numbers and booleans as strings
 * ("3", "0"/"1"); they are parsed strictly, and a row with a value we cannot read is
 * skipped with its key rather than guessed at.
 */

/** A check as the status API reports it: what the source passes on, before its host and groups are attached. */
export type StatusCheck = Omit<SourceServiceCheck, "host" | "hostTemplates" | "serviceGroups">;

export interface StatusHost {
  name: string;
  alias: string;
  address: string;
  hostGroups: string[];
  checks: StatusCheck[];
}

export interface StatusRead {
  hosts: StatusHost[];
  skipped: SkippedRow[];
  /** Hosts whose whole row was unreadable: their previous records stand. */
  skippedHosts: string[];
  /** Checks whose row was unreadable (only those whose host and name could be read). */
  skippedChecks: ServiceCheckRef[];
}

export interface HostTemplateMember {
  name: string;
  /** Explicit priority from the listing, when it gives one. */
  priority: number | null;
}

export interface HostTemplateListing {
  name: string;
  /** Null when the listing does not say which hosts use the template. */
  hosts: HostTemplateMember[] | null;
  /** Null when the listing does not say which service checks the template holds. */
  serviceChecks: string[] | null;
}

export interface HostTemplateRead {
  templates: HostTemplateListing[];
  skipped: SkippedRow[];
}

export interface ServiceCheckConfigRead {
  /** Service check name → its service group (Opsview puts every check in one). */
  serviceGroups: Map<string, string>;
  skipped: SkippedRow[];
}

export interface NormalisedRead {
  hosts: SourceHost[];
  serviceChecks: SourceServiceCheck[];
}

class RowError extends Error {}

/** How a skipped row is named in logs and source events. */
function rowLabel(host: string, name: string): string {
  return `${host}/${name}`;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** An integer sent as a JSON number or a string of digits; anything else is a RowError. */
export function parseInteger(value: unknown, field: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) {
    const parsed = Number(value.trim());
    if (Number.isSafeInteger(parsed)) return parsed;
  }
  throw new RowError(`${field} is not an integer: ${describeValue(value)}`);
}

/** A boolean sent as "0"/"1", 0/1 or true/false. */
export function parseFlag(value: unknown, field: string): boolean {
  if (value === true || value === 1 || value === "1") return true;
  if (value === false || value === 0 || value === "0") return false;
  throw new RowError(`${field} is not 0 or 1: ${describeValue(value)}`);
}

function requireName(value: unknown, field: string): string {
  if (typeof value === "string" && value.trim() !== "") return value;
  if (isAbsent(value)) throw new RowError(`${field} is missing`);
  throw new RowError(`${field} is not a non-empty string: ${describeValue(value)}`);
}

function optionalText(value: unknown, field: string): string {
  if (isAbsent(value)) return "";
  if (typeof value === "string") return value;
  throw new RowError(`${field} is not a string: ${describeValue(value)}`);
}

const STATE_BY_NAME: Record<string, SourceCheckState> = {
  ok: "OK",
  warning: "WARNING",
  critical: "CRITICAL",
  unknown: "UNKNOWN",
};
const STATE_BY_NUMBER: SourceCheckState[] = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

/** "ok" | "warning" | "critical" | "unknown" (any case), or the Nagios numbers 0-3. */
export function parseCheckState(value: unknown): SourceCheckState {
  if (isAbsent(value)) throw new RowError("state is missing");
  if (typeof value === "string") {
    const named = STATE_BY_NAME[value.trim().toLowerCase()];
    if (named) return named;
  }
  if ((typeof value === "string" && /^\d+$/.test(value.trim())) || typeof value === "number") {
    const byNumber = STATE_BY_NUMBER[Number(value)];
    if (byNumber) return byNumber;
  }
  throw new RowError(`unknown state ${describeValue(value)}`);
}

/** "hard" | "soft" (any case) or 1/0; absent means HARD, the state Opsview reports once a check has settled. */
export function parseStateType(value: unknown): SourceStateType {
  if (isAbsent(value)) return "HARD";
  if (typeof value === "string") {
    const lower = value.trim().toLowerCase();
    if (lower === "hard" || lower === "1") return "HARD";
    if (lower === "soft" || lower === "0") return "SOFT";
  }
  if (value === 1) return "HARD";
  if (value === 0) return "SOFT";
  throw new RowError(`unknown state_type ${describeValue(value)}`);
}

/**
 * Opsview's downtime field: 0 none, 1 scheduled (starts in the future), 2 in downtime.
 * Only 2 counts: a downtime that has not started must not hide a failure.
 */
export function parseDowntime(value: unknown): boolean {
  if (isAbsent(value)) return false;
  const level = parseInteger(value, "downtime");
  if (level === 0 || level === 1) return false;
  if (level === 2) return true;
  throw new RowError(`downtime is not 0, 1 or 2: ${describeValue(value)}`);
}

/**
 * last_state_change (epoch seconds) when present; otherwise state_duration (seconds in
 * the current state) counted back from `now`; otherwise unknown.
 */
export function parseLastStateChange(service: Record<string, unknown>, now: number): number | null {
  if (!isAbsent(service.last_state_change)) {
    const seconds = parseInteger(service.last_state_change, "last_state_change");
    if (seconds < 0) throw new RowError(`last_state_change is negative: ${seconds}`);
    return seconds === 0 ? null : seconds * 1000;
  }
  if (!isAbsent(service.state_duration)) {
    const seconds = parseInteger(service.state_duration, "state_duration");
    if (seconds < 0) throw new RowError(`state_duration is negative: ${seconds}`);
    return now - seconds * 1000;
  }
  return null;
}

export function parseStatusCheck(service: Record<string, unknown>, now: number): StatusCheck {
  const check: StatusCheck = {
    name: requireName(service.name, "name"),
    state: parseCheckState(service.state),
    stateType: parseStateType(service.state_type),
    acknowledged: isAbsent(service.acknowledged) ? false : parseFlag(service.acknowledged, "acknowledged"),
    inDowntime: parseDowntime(service.downtime),
    output: optionalText(service.output, "output"),
    lastStateChange: parseLastStateChange(service, now),
  };
  const countedBack = isAbsent(service.last_state_change) && check.lastStateChange !== null;
  return countedBack ? { ...check, lastStateChangeEstimated: true } : check;
}

function listOf(body: unknown, what: string): unknown[] {
  if (Array.isArray(body)) return body;
  const list = asRecord(body)?.list;
  if (Array.isArray(list)) return list;
  throw new SourceUnavailableError(`Opsview REST: the ${what} answer has no "list" array`);
}

/** Reads `GET /rest/status/service` ({list: [host...], summary}). A bad top-level shape throws. */
export function parseStatusResponse(body: unknown, now: number): StatusRead {
  const record = asRecord(body);
  if (!record || !Array.isArray(record.list)) {
    throw new SourceUnavailableError('Opsview REST: the service status answer has no "list" array');
  }
  const read: StatusRead = { hosts: [], skipped: [], skippedHosts: [], skippedChecks: [] };
  const seenHosts = new Set<string>();
  record.list.forEach((rawHost, hostIndex) => {
    const host = asRecord(rawHost);
    const hostName = host && typeof host.name === "string" && host.name.trim() !== "" ? host.name : null;
    if (!host || hostName === null) {
      read.skipped.push({ key: `#${hostIndex + 1}`, reason: "host row has no name" });
      return;
    }
    if (seenHosts.has(hostName)) {
      read.skipped.push({ key: hostName, reason: "host appears twice; the first row is used" });
      return;
    }
    let parsedHost: StatusHost;
    try {
      parsedHost = {
        name: hostName,
        alias: optionalText(host.alias, "alias"),
        address: optionalText(host.ip ?? host.address, host.ip !== undefined ? "ip" : "address"),
        hostGroups: hostGroupsOf(host),
        checks: [],
      };
      if (!isAbsent(host.services) && !Array.isArray(host.services)) {
        throw new RowError(`services is not a list: ${describeValue(host.services)}`);
      }
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      read.skipped.push({ key: hostName, reason: error.message });
      read.skippedHosts.push(hostName);
      return;
    }
    seenHosts.add(hostName);
    const seenChecks = new Set<string>();
    const services: unknown[] = Array.isArray(host.services) ? host.services : [];
    services.forEach((rawService, serviceIndex) => {
      const service = asRecord(rawService);
      const serviceName =
        service && typeof service.name === "string" && service.name.trim() !== "" ? service.name : null;
      if (!service || serviceName === null) {
        read.skipped.push({ key: `${hostName}/#${serviceIndex + 1}`, reason: "service row has no name" });
        return;
      }
      const key = rowLabel(hostName, serviceName);
      if (seenChecks.has(serviceName)) {
        read.skipped.push({ key, reason: "service appears twice on the host; the first row is used" });
        return;
      }
      try {
        parsedHost.checks.push(parseStatusCheck(service, now));
        seenChecks.add(serviceName);
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        read.skipped.push({ key, reason: error.message });
        read.skippedChecks.push({ host: hostName, name: serviceName });
      }
    });
    read.hosts.push(parsedHost);
  });
  return read;
}

function hostGroupsOf(host: Record<string, unknown>): string[] {
  const group = optionalText(host.hostgroup, "hostgroup");
  return group === "" ? [] : [group];
}

function namesOf(value: unknown, field: string): { name: string; priority: number | null }[] | null {
  if (isAbsent(value)) return null;
  if (!Array.isArray(value)) throw new RowError(`${field} is not a list`);
  return value.map((entry, index) => {
    if (typeof entry === "string") return { name: requireName(entry, `${field}[${index}]`), priority: null };
    const record = asRecord(entry);
    if (!record) throw new RowError(`${field}[${index}] is neither a name nor an object`);
    return {
      name: requireName(record.name, `${field}[${index}].name`),
      priority: isAbsent(record.priority) ? null : parseInteger(record.priority, `${field}[${index}].priority`),
    };
  });
}

/** Reads `GET /rest/runtime/hosttemplate`: a bare list or {list: [...]}, each {id, name, hosts?, servicechecks?}. */
export function parseHostTemplateResponse(body: unknown): HostTemplateRead {
  const read: HostTemplateRead = { templates: [], skipped: [] };
  const seen = new Set<string>();
  listOf(body, "host template").forEach((rawTemplate, index) => {
    const template = asRecord(rawTemplate);
    const label = template && typeof template.name === "string" ? template.name : `#${index + 1}`;
    const key = `hosttemplate:${label}`;
    try {
      if (!template) throw new RowError("host template row is not an object");
      const name = requireName(template.name, "name");
      if (seen.has(name)) throw new RowError("host template appears twice; the first row is used");
      const hosts = namesOf(template.hosts, "hosts");
      const checks = namesOf(template.servicechecks, "servicechecks");
      read.templates.push({ name, hosts, serviceChecks: checks && checks.map((check) => check.name) });
      seen.add(name);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      read.skipped.push({ key, reason: error.message });
    }
  });
  return read;
}

/**
 * Reads `GET /rest/config/servicecheck`: a bare list or {list: [...]}, each {name, servicegroup}
 * where servicegroup is {name, ref} (or a plain name). A check without one has no service group.
 */
export function parseServiceCheckConfigResponse(body: unknown): ServiceCheckConfigRead {
  const read: ServiceCheckConfigRead = { serviceGroups: new Map(), skipped: [] };
  listOf(body, "service check configuration").forEach((rawCheck, index) => {
    const check = asRecord(rawCheck);
    const key = `servicecheck:${check && typeof check.name === "string" ? check.name : `#${index + 1}`}`;
    try {
      if (!check) throw new RowError("service check row is not an object");
      const name = requireName(check.name, "name");
      if (read.serviceGroups.has(name)) throw new RowError("service check appears twice; the first row is used");
      const group = check.servicegroup;
      if (isAbsent(group)) return;
      const groupName = typeof group === "string" ? requireName(group, "servicegroup") : requireName(asRecord(group)?.name, "servicegroup.name");
      read.serviceGroups.set(name, groupName);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      read.skipped.push({ key, reason: error.message });
    }
  });
  return read;
}

/**
 * The service group of a status row: its service check's, found by name; a multi-service check's
 * rows are named "check: attribute value" and belong to the check before the colon.
 */
export function serviceGroupsOf(serviceName: string, serviceGroups: ReadonlyMap<string, string>): string[] {
  const group = serviceGroups.get(serviceName) ?? serviceGroups.get(serviceName.split(": ")[0]);
  return group === undefined ? [] : [group];
}

/**
 * A host's templates come from the listing's per-template `hosts`: priority is the
 * entry's own priority when given, otherwise the template's position in the listing (1 = first).
 */
export function templatesByHost(templates: HostTemplateListing[]): Map<string, SourceHostTemplate[]> {
  const byHost = new Map<string, SourceHostTemplate[]>();
  templates.forEach((template, index) => {
    for (const member of template.hosts ?? []) {
      const list = byHost.get(member.name) ?? [];
      if (list.some((existing) => existing.name === template.name)) continue;
      list.push({ name: template.name, priority: member.priority ?? index + 1 });
      byHost.set(member.name, list);
    }
  });
  for (const list of byHost.values()) list.sort((a, b) => a.priority - b.priority);
  return byHost;
}

/** Joins the status rows with the template listing into the normalised records. */
export function normaliseRead(
  status: StatusRead,
  templates: HostTemplateListing[],
  serviceGroups: ReadonlyMap<string, string> = new Map(),
): NormalisedRead {
  const hostTemplates = templatesByHost(templates);
  const checksByTemplate = new Map(templates.map((template) => [template.name, new Set(template.serviceChecks ?? [])]));
  const hosts: SourceHost[] = [];
  const serviceChecks: SourceServiceCheck[] = [];
  for (const host of status.hosts) {
    const ownTemplates = hostTemplates.get(host.name) ?? [];
    hosts.push({
      name: host.name,
      alias: host.alias,
      address: host.address,
      hostGroups: host.hostGroups,
      hostTemplates: ownTemplates,
      keywords: [],
    });
    for (const check of host.checks) {
      serviceChecks.push({
        host: host.name,
        ...check,
        hostTemplates: ownTemplates
          .filter((template) => checksByTemplate.get(template.name)?.has(check.name))
          .map((template) => template.name),
        serviceGroups: serviceGroupsOf(check.name, serviceGroups),
      });
    }
  }
  return { hosts, serviceChecks };
}
