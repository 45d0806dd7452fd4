import { randomUUID } from "node:crypto";
import { connectionTestFailed, connectionTestPassed, type ConnectionTestResult } from "../connection-test";
import type { ChangeRead, FullRead, MonitoringSource, SkippedRow, SourceHost, SourceServiceCheck } from "../types";
import { IcingaApiClient } from "./client";
import { HOST_ATTRS, parseHosts, parseServices, SERVICE_ATTRS } from "./parse";
import { apiRoot, parseIcingaApiSettings, type IcingaApiSettings, type IcingaApiSettingsInput } from "./settings";

export const ICINGA_API_KIND = "icinga-api";
export const DEFAULT_ICINGA_API_TIMEOUT_MS = 30_000;

export interface IcingaApiSourceOptions {
  now?: () => number;
  /** Per request, reading the answer included. Default 30 s (a large estate's full read). */
  timeoutMs?: number;
  /** readChanges turns into a full resync when the last full read is this old. Default 10 minutes. */
  fullResyncEveryMs?: number;
  /** Incremental reads ask for checks changed since (newest change seen − overlap). Default 5 s. */
  overlapSeconds?: number;
}

/**
 * Incremental reads: checks whose last check, state change or acknowledgement change is recent, plus
 * every check in downtime or acknowledged now or at the last read (a downtime starting or ending
 * leaves no timestamp on the service). The names travel as filter_vars, never inside the filter.
 */
export const CHANGED_SERVICES_FILTER =
  "service.last_check >= since || service.last_state_change >= since || service.acknowledgement_last_change >= since" +
  " || service.acknowledgement != 0 || service.downtime_depth > 0 || service.__name in watched";
export const HOSTS_BY_NAME_FILTER = "host.name in names";

interface KnownHost {
  fingerprint: string;
  templates: string[];
}

interface KnownCheck {
  host: string;
  name: string;
  fingerprint: string;
  handled: boolean;
}

interface Known {
  fullReadAt: number;
  hosts: Map<string, KnownHost>;
  checks: Map<string, KnownCheck>;
  skipped: Set<string>;
  /** Newest change time seen, in Icinga's clock (epoch seconds). */
  newestChange: number | null;
}

const checkKey = (host: string, name: string) => `${host}!${name}`;
const skippedKey = (row: SkippedRow) => `${row.key}\u0000${row.reason}`;

function hostFingerprint(host: SourceHost): string {
  return JSON.stringify([host.alias, host.address, host.hostGroups, host.hostTemplates, host.keywords]);
}

function checkFingerprint(check: SourceServiceCheck): string {
  return JSON.stringify([check.state, check.stateType, check.acknowledged, check.inDowntime, check.output, check.lastStateChange, check.hostTemplates, check.serviceGroups]);
}

/** Every template of a host contributes all of its checks: Icinga 2 does not record which apply rule or template made a service. */
function withHostTemplates(checks: SourceServiceCheck[], hosts: Map<string, KnownHost>, skipped: SkippedRow[]): SourceServiceCheck[] {
  const kept: SourceServiceCheck[] = [];
  for (const check of checks) {
    const host = hosts.get(check.host);
    if (!host) {
      skipped.push({ key: `${check.host}/${check.name}`, reason: `host ${check.host} is not a known host` });
      continue;
    }
    kept.push({ ...check, hostTemplates: [...host.templates].sort() });
  }
  return kept;
}

/** Throws an Error naming the bad fields (never their values) when the settings are invalid or the CA file cannot be read. */
export function createIcingaApiSource(settingsInput: IcingaApiSettingsInput, options: IcingaApiSourceOptions = {}): MonitoringSource {
  const parsed = parseIcingaApiSettings(settingsInput);
  if (!parsed.ok) throw new Error(parsed.message);
  return new IcingaApiSource(parsed.settings, options);
}

class IcingaApiSource implements MonitoringSource {
  readonly kind = ICINGA_API_KIND;
  private readonly client: IcingaApiClient;
  private readonly now: () => number;
  private readonly fullResyncEveryMs: number;
  private readonly overlapSeconds: number;
  private readonly instance = randomUUID();
  private reads = 0;
  private lastCursor: string | null = null;
  private known: Known | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: IcingaApiSettings,
    options: IcingaApiSourceOptions,
  ) {
    this.client = new IcingaApiClient(settings, { timeoutMs: options.timeoutMs ?? DEFAULT_ICINGA_API_TIMEOUT_MS });
    this.now = options.now ?? Date.now;
    this.fullResyncEveryMs = options.fullResyncEveryMs ?? 10 * 60_000;
    this.overlapSeconds = options.overlapSeconds ?? 5;
  }

  describe(): string {
    return `Icinga 2 API at ${apiRoot(this.settings)}`;
  }

  readFull(): Promise<FullRead> {
    return this.serialized(async () => {
      const read = await this.fullRead();
      return { hosts: read.hosts, serviceChecks: read.serviceChecks, skipped: read.skipped, cursor: read.cursor };
    });
  }

  readChanges(cursor: string): Promise<ChangeRead> {
    return this.serialized(async () => {
      const known = this.known;
      if (!known || cursor !== this.lastCursor || this.now() - known.fullReadAt >= this.fullResyncEveryMs) {
        const read = await this.fullRead();
        const hostNames = new Set(read.hosts.map((host) => host.name));
        const checkKeys = new Set(read.serviceChecks.map((check) => checkKey(check.host, check.name)));
        return {
          hosts: read.hosts,
          removedHosts: known ? [...known.hosts.keys()].filter((name) => !hostNames.has(name)) : [],
          serviceChecks: read.serviceChecks,
          removedServiceChecks: known
            ? [...known.checks.entries()].filter(([key]) => !checkKeys.has(key)).map(([, check]) => ({ host: check.host, name: check.name }))
            : [],
          skipped: read.skipped,
          cursor: read.cursor,
        };
      }
      return this.changesSince(known);
    });
  }

  async close(): Promise<void> {
    this.client.close();
    await this.queue;
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private issueCursor(newestChange: number | null): string {
    this.reads += 1;
    this.lastCursor = `icinga-api:${this.instance}:${this.reads}:${newestChange ?? "-"}`;
    return this.lastCursor;
  }

  private async fullRead() {
    const [hostResults, serviceResults] = await Promise.all([
      this.client.queryObjects("hosts", { attrs: HOST_ATTRS }),
      this.client.queryObjects("services", { attrs: SERVICE_ATTRS }),
    ]);
    const hosts = parseHosts(hostResults);
    const services = parseServices(serviceResults);
    const knownHosts = new Map(hosts.hosts.map((host) => [host.name, { fingerprint: hostFingerprint(host), templates: host.hostTemplates.map((t) => t.name) }]));
    const skipped = [...hosts.skipped, ...services.skipped];
    const serviceChecks = withHostTemplates(services.checks, knownHosts, skipped);
    this.known = {
      fullReadAt: this.now(),
      hosts: knownHosts,
      checks: new Map(serviceChecks.map((check) => [checkKey(check.host, check.name), this.knownCheck(check)])),
      skipped: new Set(skipped.map(skippedKey)),
      newestChange: services.newestChange,
    };
    return { hosts: hosts.hosts, serviceChecks, skipped, cursor: this.issueCursor(services.newestChange) };
  }

  private async changesSince(known: Known): Promise<ChangeRead> {
    const watched = [...known.checks.entries()].filter(([, check]) => check.handled).map(([key]) => key);
    const since = known.newestChange === null ? 0 : known.newestChange - this.overlapSeconds;
    const results = await this.client.queryObjects("services", {
      attrs: SERVICE_ATTRS,
      filter: CHANGED_SERVICES_FILTER,
      filterVars: { since, watched },
    });
    const services = parseServices(results);
    const found: SkippedRow[] = [...services.skipped];

    const unknownHosts = [...new Set(services.checks.map((check) => check.host).filter((host) => !known.hosts.has(host)))];
    const newHosts: SourceHost[] = [];
    if (unknownHosts.length > 0) {
      const hostResults = await this.client.queryObjects("hosts", { attrs: HOST_ATTRS, filter: HOSTS_BY_NAME_FILTER, filterVars: { names: unknownHosts } });
      const parsedHosts = parseHosts(hostResults);
      found.push(...parsedHosts.skipped);
      for (const host of parsedHosts.hosts) {
        if (known.hosts.has(host.name)) continue;
        known.hosts.set(host.name, { fingerprint: hostFingerprint(host), templates: host.hostTemplates.map((t) => t.name) });
        newHosts.push(host);
      }
    }

    const changed: SourceServiceCheck[] = [];
    for (const check of withHostTemplates(services.checks, known.hosts, found)) {
      const key = checkKey(check.host, check.name);
      const next = this.knownCheck(check);
      if (known.checks.get(key)?.fingerprint === next.fingerprint) continue;
      known.checks.set(key, next);
      changed.push(check);
    }
    const skipped = found.filter((row) => !known.skipped.has(skippedKey(row)));
    for (const row of skipped) known.skipped.add(skippedKey(row));
    if (services.newestChange !== null && (known.newestChange === null || services.newestChange > known.newestChange)) {
      known.newestChange = services.newestChange;
    }
    return { hosts: newHosts, removedHosts: [], serviceChecks: changed, removedServiceChecks: [], skipped, cursor: this.issueCursor(known.newestChange) };
  }

  private knownCheck(check: SourceServiceCheck): KnownCheck {
    return { host: check.host, name: check.name, fingerprint: checkFingerprint(check), handled: check.acknowledged || check.inDowntime };
  }
}

/** For the "Test connection" button: authenticates and reads once. Never throws; the message never holds the password. */
export async function testIcingaApiConnection(
  settingsInput: unknown,
  options: Pick<IcingaApiSourceOptions, "timeoutMs"> = {},
): Promise<ConnectionTestResult> {
  const parsed = parseIcingaApiSettings(settingsInput);
  if (!parsed.ok) return connectionTestFailed(parsed.message);
  let client: IcingaApiClient | null = null;
  let source: MonitoringSource | null = null;
  try {
    client = new IcingaApiClient(parsed.settings, { timeoutMs: options.timeoutMs ?? 10_000 });
    const version = await client.version();
    source = createIcingaApiSource(parsed.settings, options);
    const full = await source.readFull();
    const templates = new Set(full.hosts.flatMap((host) => host.hostTemplates.map((template) => template.name)));
    const skipped = full.skipped.length > 0 ? `, ${full.skipped.length} unreadable objects skipped` : "";
    return connectionTestPassed(
      `Connected to ${source.describe()} (Icinga 2 ${version}) as "${parsed.settings.username}": ${full.hosts.length} hosts, ` +
        `${full.serviceChecks.length} service checks, ${templates.size} host templates in use${skipped}`,
    );
  } catch (error) {
    return connectionTestFailed(error, parsed.settings.password);
  } finally {
    client?.close();
    await source?.close().catch(() => undefined);
  }
}
