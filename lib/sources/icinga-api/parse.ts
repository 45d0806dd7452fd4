import type { SkippedRow, SourceCheckState, SourceHost, SourceServiceCheck } from "../types";

/** What the source asks Icinga 2 for; nothing else is transferred. */
export const HOST_ATTRS = ["name", "display_name", "address", "templates", "groups", "vars"];
export const SERVICE_ATTRS = [
  "name",
  "host_name",
  "state",
  "state_type",
  "acknowledgement",
  "acknowledgement_last_change",
  "downtime_depth",
  "last_check_result",
  "last_check",
  "last_state_change",
  "groups",
];

/** A host variable that, when set to a string or a list of strings, gives the host's keywords. */
export const KEYWORDS_VARIABLE = "bsm_keywords";

const CHECK_STATES: readonly SourceCheckState[] = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

type Attrs = Record<string, unknown>;

function attrsOf(result: unknown): Attrs | null {
  if (typeof result !== "object" || result === null || !("attrs" in result)) return null;
  const attrs = (result as { attrs: unknown }).attrs;
  return typeof attrs === "object" && attrs !== null ? (attrs as Attrs) : null;
}

function nonEmptyText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function textList(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return null;
  return value.every((item) => typeof item === "string") ? (value as string[]) : null;
}

/** Icinga 2 sends numbers as floats (2.0 for CRITICAL); whole numbers only. */
function wholeNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) ? value : null;
}

/** Icinga 2 times are epoch seconds (float); 0 and -1 mean never. */
export function epochSecondsToMs(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value * 1000) : null;
}

/**
 * A host's templates from its `templates` attribute: Icinga lists the host itself first, then every
 * imported template depth-first in import order (nested and repeated ones included). The host's own
 * name and repeats are dropped; the first listed gets priority 1, the primary template.
 */
export function hostTemplatesOf(hostName: string, templates: string[]): { name: string; priority: number }[] {
  const names: string[] = [];
  for (const [index, name] of templates.entries()) {
    if (index === 0 && name === hostName) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names.map((name, index) => ({ name, priority: index + 1 }));
}

export interface ParsedHosts {
  hosts: SourceHost[];
  skipped: SkippedRow[];
}

export function parseHosts(results: unknown[]): ParsedHosts {
  const hosts: SourceHost[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const attrs = attrsOf(result);
    const name = nonEmptyText(attrs?.name);
    if (!attrs || name === null) {
      skipped.push({ key: "host without a name", reason: "host object without attrs.name" });
      continue;
    }
    const templates = textList(attrs.templates);
    const groups = textList(attrs.groups);
    if (templates === null || groups === null) {
      skipped.push({ key: name, reason: "templates and groups must be lists of names" });
      continue;
    }
    if (seen.has(name)) {
      skipped.push({ key: name, reason: "duplicate host" });
      continue;
    }
    seen.add(name);
    const vars = typeof attrs.vars === "object" && attrs.vars !== null ? (attrs.vars as Record<string, unknown>) : {};
    const keywordValue = vars[KEYWORDS_VARIABLE];
    const keywords = typeof keywordValue === "string" ? [keywordValue] : (textList(keywordValue) ?? []);
    hosts.push({
      name,
      alias: typeof attrs.display_name === "string" ? attrs.display_name : "",
      address: typeof attrs.address === "string" ? attrs.address : "",
      hostGroups: [...new Set(groups)].sort(),
      hostTemplates: hostTemplatesOf(name, templates),
      keywords: [...new Set(keywords.filter((keyword) => keyword.trim() !== ""))].sort(),
    });
  }
  return { hosts, skipped };
}

export interface ParsedServices {
  /** Checks without hostTemplates yet: those are the host's, which the source knows. */
  checks: SourceServiceCheck[];
  skipped: SkippedRow[];
  /** The newest last_check / last_state_change / acknowledgement_last_change, in Icinga's clock (epoch seconds). */
  newestChange: number | null;
}

export function parseServices(results: unknown[]): ParsedServices {
  const checks: SourceServiceCheck[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Set<string>();
  let newestChange: number | null = null;
  for (const result of results) {
    const attrs = attrsOf(result);
    const host = nonEmptyText(attrs?.host_name);
    const name = nonEmptyText(attrs?.name);
    if (!attrs || host === null || name === null) {
      const fullName = typeof result === "object" && result !== null && "name" in result ? String(result.name) : "service";
      skipped.push({ key: fullName, reason: "service object without attrs.host_name or attrs.name" });
      continue;
    }
    for (const time of [attrs.last_check, attrs.last_state_change, attrs.acknowledgement_last_change]) {
      if (typeof time === "number" && Number.isFinite(time) && (newestChange === null || time > newestChange)) newestChange = time;
    }
    const key = `${host}/${name}`;
    const stateNumber = wholeNumber(attrs.state);
    const state = stateNumber !== null && stateNumber >= 0 && stateNumber <= 3 ? CHECK_STATES[stateNumber] : null;
    if (state === null) {
      skipped.push({ key, reason: `state ${JSON.stringify(attrs.state)} is not 0, 1, 2 or 3` });
      continue;
    }
    const stateType = wholeNumber(attrs.state_type);
    if (stateType !== 0 && stateType !== 1) {
      skipped.push({ key, reason: `state_type ${JSON.stringify(attrs.state_type)} is not 0 (soft) or 1 (hard)` });
      continue;
    }
    const acknowledgement = wholeNumber(attrs.acknowledgement);
    if (acknowledgement === null || acknowledgement < 0) {
      skipped.push({ key, reason: `acknowledgement ${JSON.stringify(attrs.acknowledgement)} is not 0, 1 or 2` });
      continue;
    }
    const downtimeDepth = wholeNumber(attrs.downtime_depth);
    if (downtimeDepth === null || downtimeDepth < 0) {
      skipped.push({ key, reason: `downtime_depth ${JSON.stringify(attrs.downtime_depth)} is not a count` });
      continue;
    }
    const serviceGroups = textList(attrs.groups);
    if (serviceGroups === null) {
      skipped.push({ key, reason: "groups must be a list of service group names" });
      continue;
    }
    if (seen.has(key)) {
      skipped.push({ key, reason: "duplicate service" });
      continue;
    }
    seen.add(key);
    const lastResult = attrs.last_check_result;
    const output =
      typeof lastResult === "object" && lastResult !== null && "output" in lastResult && typeof lastResult.output === "string"
        ? lastResult.output
        : "";
    checks.push({
      host,
      name,
      state,
      stateType: stateType === 1 ? "HARD" : "SOFT",
      acknowledged: acknowledgement > 0,
      inDowntime: downtimeDepth > 0,
      output,
      lastStateChange: epochSecondsToMs(attrs.last_state_change),
      hostTemplates: [],
      serviceGroups: [...new Set(serviceGroups)].sort(),
    });
  }
  return { checks, skipped, newestChange };
}

/** The event stream types that can change what the source reads of a service. */
export const EVENT_STREAM_TYPES = [
  "CheckResult",
  "StateChange",
  "AcknowledgementSet",
  "AcknowledgementCleared",
  "DowntimeStarted",
  // A flexible downtime takes effect (downtime_depth) only when triggered, after it started.
  "DowntimeTriggered",
  "DowntimeRemoved",
] as const;

/** A stream event about a service: its full name ("host!service") and an identity to drop the same event seen twice. */
export interface ServiceEvent {
  service: string;
  id: string;
}

/**
 * One line of the event stream. Null for a host's event (the source reads no host state), a type it
 * did not ask for, or a line it cannot read: the poll still catches whatever that line was about.
 */
export function parseStreamEvent(line: string): ServiceEvent | null {
  let event: unknown;
  try {
    event = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof event !== "object" || event === null) return null;
  const fields = event as Attrs;
  const type = fields.type;
  if (typeof type !== "string" || !(EVENT_STREAM_TYPES as readonly string[]).includes(type)) return null;
  const about = type.startsWith("Downtime") && typeof fields.downtime === "object" && fields.downtime !== null ? (fields.downtime as Attrs) : null;
  const host = nonEmptyText(about ? about.host_name : fields.host);
  const service = nonEmptyText(about ? about.service_name : fields.service);
  if (host === null || service === null) return null;
  const name = `${host}!${service}`;
  return { service: name, id: `${type} ${name} ${about ? String(about.name) : ""} ${String(fields.timestamp)}` };
}
