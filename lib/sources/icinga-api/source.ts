import { randomUUID } from "node:crypto";
import { connectionTestFailed, connectionTestPassed, type ConnectionTestResult } from "../connection-test";
import { redactSecret } from "../redact-secret";
import { SourceCommandError, type CompleteRead, type IncrementalRead, type MonitoringSource, type SkippedRow, type SourceCommand, type SourceEvent, type SourceHost, type SourceRead, type SourceServiceCheck } from "../types";
import { icingaActionRequests, readIcingaActionAnswer } from "./commands";
import { IcingaApiClient } from "./client";
import { DEFAULT_EVENT_STREAMS, ServiceChangeListener, streamCoversChanges, type EventStreamOptions } from "./event-streams";
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
  /** The event stream behind watch(); `{ streams: 0 }` turns it off. */
  eventStreams?: Partial<EventStreamOptions>;
  /** While watching, a change read still runs the change filter this often. Default 60 s. */
  sweepEveryMs?: number;
  onEvent?: (event: SourceEvent) => void;
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

/** What incremental reads need from the reads before: hosts' templates, handled checks, the newest change. */
interface Known {
  fullReadAt: number;
  /** Host name → its template names. */
  hostTemplates: Map<string, string[]>;
  /** Icinga names of the checks acknowledged or in downtime at their last read. */
  handledChecks: Set<string>;
  /** Newest change time seen, in Icinga's clock (epoch seconds). */
  newestChange: number | null;
  /** The event streams' open connections when the last read began (see ServiceChangeListener.coverage). */
  openStreams: number[];
  /** When the last read that did not rely on the event stream began. */
  sweptAt: number;
}

/** A service's full name in Icinga 2 ("host!service"), as the filter's `watched` list names it. */
const icingaServiceName = (check: SourceServiceCheck) => `${check.host}!${check.name}`;

const templateNames = (host: SourceHost) => host.hostTemplates.map((template) => template.name);

/** Every template of a host contributes all of its checks: Icinga 2 does not record which apply rule or template made a service. */
function withHostTemplates(checks: SourceServiceCheck[], hostTemplates: Map<string, string[]>, skipped: SkippedRow[]): SourceServiceCheck[] {
  const kept: SourceServiceCheck[] = [];
  for (const check of checks) {
    const templates = hostTemplates.get(check.host);
    if (!templates) {
      skipped.push({ key: `${check.host}/${check.name}`, reason: `host ${check.host} is not a known host` });
      continue;
    }
    kept.push({ ...check, hostTemplates: [...templates].sort() });
  }
  return kept;
}

function rememberHandled(handledChecks: Set<string>, checks: SourceServiceCheck[]): void {
  for (const check of checks) {
    if (check.acknowledged || check.inDowntime) handledChecks.add(icingaServiceName(check));
    else handledChecks.delete(icingaServiceName(check));
  }
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
  private readonly sweepEveryMs: number;
  private readonly eventStreams: EventStreamOptions;
  private listener: ServiceChangeListener | null = null;
  private readonly instance = randomUUID();
  private reads = 0;
  private lastCursor: string | null = null;
  private known: Known | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: IcingaApiSettings,
    private readonly options: IcingaApiSourceOptions,
  ) {
    this.client = new IcingaApiClient(settings, { timeoutMs: options.timeoutMs ?? DEFAULT_ICINGA_API_TIMEOUT_MS });
    this.now = options.now ?? Date.now;
    this.fullResyncEveryMs = options.fullResyncEveryMs ?? 10 * 60_000;
    this.overlapSeconds = options.overlapSeconds ?? 5;
    this.sweepEveryMs = options.sweepEveryMs ?? 60_000;
    this.eventStreams = { ...DEFAULT_EVENT_STREAMS, ...options.eventStreams };
  }

  describe(): string {
    return `Icinga 2 API at ${apiRoot(this.settings)}`;
  }

  readFull(): Promise<CompleteRead> {
    return this.serialized(() => this.fullRead());
  }

  readChanges(cursor: string): Promise<SourceRead> {
    return this.serialized(async () => {
      const known = this.known;
      if (!known || cursor !== this.lastCursor || this.now() - known.fullReadAt >= this.fullResyncEveryMs) return this.fullRead();
      const startedAt = this.now();
      const openStreams = this.listener?.coverage() ?? [];
      const changed = this.listener?.takeChanged() ?? [];
      const covered = streamCoversChanges({
        openAtLastRead: known.openStreams,
        openNow: openStreams,
        sinceSweepMs: startedAt - known.sweptAt,
        sweepEveryMs: this.sweepEveryMs,
        changed: changed.length,
      });
      // Until this read succeeds, the names just taken are known only to it: a failure makes the next read sweep.
      known.openStreams = [];
      const read = (covered ? await this.namedServices(known, changed) : null) ?? (await this.changesSince(known, startedAt));
      known.openStreams = openStreams;
      return read;
    });
  }

  /**
   * Sends the command as Icinga 2 API actions, one target at a time; the first refusal stops it and
   * becomes a SourceCommandError with Icinga's words (the password never in it).
   */
  async execute(command: SourceCommand): Promise<{ message: string }> {
    let objects = 0;
    for (const request of icingaActionRequests(command)) {
      const answer = await this.client.postAction(request.action, request.body);
      if (answer.status === 401 || answer.status === 403) {
        throw new SourceCommandError(`Icinga 2 refused ${request.action} for user "${this.settings.username}" (HTTP ${answer.status}): give the ApiUser permission actions/${request.action}`);
      }
      const read = readIcingaActionAnswer(answer);
      if (!read.ok) {
        if (request.optional && read.noObjects) continue;
        const done = objects > 0 ? ` (after ${objects} object${objects === 1 ? "" : "s"} done)` : "";
        throw new SourceCommandError(redactSecret(`Icinga 2 ${request.action} for ${request.about}: ${read.message}${done}`, this.settings.password));
      }
      objects += read.count;
    }
    return { message: `Icinga 2 accepted it for ${objects} object${objects === 1 ? "" : "s"}.` };
  }

  /** Listens to the Icinga 2 event stream; one watcher at a time (a new one replaces the last). */
  watch(onChange: () => void): () => void {
    this.listener?.stop();
    if (this.eventStreams.streams <= 0) return () => {};
    const listener = new ServiceChangeListener(
      this.client,
      this.eventStreams,
      { onChange, onStatus: (message) => this.options.onEvent?.({ at: this.now(), kind: "info", message }) },
      this.now,
    );
    this.listener = listener;
    return () => {
      listener.stop();
      if (this.listener === listener) this.listener = null;
    };
  }

  async close(): Promise<void> {
    this.listener?.stop();
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

  private async fullRead(): Promise<CompleteRead> {
    const startedAt = this.now();
    const openStreams = this.listener?.coverage() ?? [];
    this.listener?.takeChanged();
    const [hostResults, serviceResults] = await Promise.all([
      this.client.queryObjects("hosts", { attrs: HOST_ATTRS }),
      this.client.queryObjects("services", { attrs: SERVICE_ATTRS }),
    ]);
    const hosts = parseHosts(hostResults);
    const services = parseServices(serviceResults);
    const hostTemplates = new Map(hosts.hosts.map((host) => [host.name, templateNames(host)]));
    const skipped = [...hosts.skipped, ...services.skipped];
    const serviceChecks = withHostTemplates(services.checks, hostTemplates, skipped);
    const handledChecks = new Set<string>();
    rememberHandled(handledChecks, serviceChecks);
    this.known = { fullReadAt: this.now(), hostTemplates, handledChecks, newestChange: services.newestChange, openStreams, sweptAt: startedAt };
    return { kind: "complete", hosts: hosts.hosts, serviceChecks, skipped, cursor: this.issueCursor(services.newestChange) };
  }

  private async changesSince(known: Known, startedAt: number): Promise<IncrementalRead> {
    const watched = [...known.handledChecks];
    const since = known.newestChange === null ? 0 : known.newestChange - this.overlapSeconds;
    const results = await this.client.queryObjects("services", {
      attrs: SERVICE_ATTRS,
      filter: CHANGED_SERVICES_FILTER,
      filterVars: { since, watched },
    });
    known.sweptAt = startedAt;
    return this.incrementalRead(known, results);
  }

  /** The services the event stream named, looked up by name; null when one is gone (the change filter then decides). */
  private async namedServices(known: Known, names: string[]): Promise<IncrementalRead | null> {
    const results = names.length === 0 ? [] : await this.client.queryNamedObjects("services", names, SERVICE_ATTRS);
    return results && this.incrementalRead(known, results);
  }

  private async incrementalRead(known: Known, results: unknown[]): Promise<IncrementalRead> {
    const services = parseServices(results);
    const skipped: SkippedRow[] = [...services.skipped];

    const unknownHosts = [...new Set(services.checks.map((check) => check.host).filter((host) => !known.hostTemplates.has(host)))];
    const newHosts: SourceHost[] = [];
    if (unknownHosts.length > 0) {
      const hostResults = await this.client.queryObjects("hosts", { attrs: HOST_ATTRS, filter: HOSTS_BY_NAME_FILTER, filterVars: { names: unknownHosts } });
      const parsedHosts = parseHosts(hostResults);
      skipped.push(...parsedHosts.skipped);
      for (const host of parsedHosts.hosts) {
        if (known.hostTemplates.has(host.name)) continue;
        known.hostTemplates.set(host.name, templateNames(host));
        newHosts.push(host);
      }
    }

    const serviceChecks = withHostTemplates(services.checks, known.hostTemplates, skipped);
    rememberHandled(known.handledChecks, serviceChecks);
    if (services.newestChange !== null && (known.newestChange === null || services.newestChange > known.newestChange)) {
      known.newestChange = services.newestChange;
    }
    return { kind: "incremental", hosts: newHosts, removedHosts: [], serviceChecks, removedServiceChecks: [], skipped, cursor: this.issueCursor(known.newestChange) };
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
