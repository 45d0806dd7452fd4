import { randomUUID } from "node:crypto";

import { connectionTestFailed, connectionTestPassed, type ConnectionTestResult } from "../connection-test";
import { redactSecret } from "../redact-secret";
import { SourceCommandError, SourceUnavailableError, type CompleteRead, type MonitoringSource, type SourceCommand, type SourceEvent } from "../types";
import { OpsviewRestClient, type FetchLike } from "./client";
import { opsviewCommandRequests, opsviewNameProblem, readOpsviewAnswer } from "./commands";
import { normaliseRead, parseHostTemplateResponse, parseServiceCheckConfigResponse, parseStatusResponse, type ServiceCheckConfigRead } from "./parse";
import { createSelfSignedFetch } from "./self-signed-fetch";
import { parseOpsviewRestSettings, restRoot, type OpsviewRestSettingsInput } from "./settings";

export const OPSVIEW_REST_KIND = "opsview-rest";
export const DEFAULT_OPSVIEW_REST_TIMEOUT_MS = 10_000;
export const STATUS_PATH = "/rest/status/service?rows=all&includehandleddetails=1";
export const HOST_TEMPLATE_PATH = "/rest/runtime/hosttemplate?rows=all";
/** The status listing does not say a check's service group; the configuration API does. */
export const SERVICE_CHECK_CONFIG_PATH = "/rest/config/servicecheck?rows=all&cols=name,servicegroup";

export interface OpsviewRestSourceOptions {
  /** Defaults to the global fetch (or, with acceptSelfSigned, a node:https fetch that skips certificate checks). */
  fetch?: typeof fetch;
  now?: () => number;
  /** Per request, including reading the body. */
  timeoutMs?: number;
  onEvent?: (event: SourceEvent) => void;
}

export interface OpsviewRestSource extends MonitoringSource {
  readonly kind: typeof OPSVIEW_REST_KIND;
}

/** Throws an Error naming the bad fields (never their values) when the settings are invalid. */
export function createOpsviewRestSource(
  settingsInput: OpsviewRestSettingsInput,
  options: OpsviewRestSourceOptions = {},
): OpsviewRestSource {
  const parsed = parseOpsviewRestSettings(settingsInput);
  if (!parsed.ok) throw new Error(parsed.message);
  const settings = parsed.settings;
  const now = options.now ?? Date.now;
  const emit = (kind: SourceEvent["kind"], message: string) => options.onEvent?.({ at: now(), kind, message });

  const selfSigned = !options.fetch && settings.acceptSelfSigned ? createSelfSignedFetch() : null;
  const fetchImpl: FetchLike = options.fetch ?? selfSigned?.fetch ?? ((url, init) => fetch(url, init));
  const client = new OpsviewRestClient(settings, {
    fetch: fetchImpl,
    timeoutMs: options.timeoutMs ?? DEFAULT_OPSVIEW_REST_TIMEOUT_MS,
    onRelogin: () => emit("info", "Opsview REST: the token was refused (expired?); logged in again"),
  });

  // Every read is complete, so the cursor only names this instance and numbers its reads.
  const instance = randomUUID();
  let sequence = 0;
  let warnedNoTemplateHosts = false;
  // Service groups change only with Opsview's configuration: read on every full read, kept for the changes between.
  let serviceCheckConfig: ServiceCheckConfigRead | null = null;
  let warnedNoServiceGroups = false;

  async function readServiceCheckConfig(): Promise<ServiceCheckConfigRead> {
    try {
      return parseServiceCheckConfigResponse(await client.getJson(SERVICE_CHECK_CONFIG_PATH));
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      // A user without configuration access (or an older Opsview) cannot read it; status still works.
      if (!warnedNoServiceGroups) {
        warnedNoServiceGroups = true;
        emit("info", `Opsview REST: service groups unknown, checks have none (${error.message.replace(/^Opsview REST: /, "")})`);
      }
      return serviceCheckConfig ?? { serviceGroups: new Map(), skipped: [] };
    }
  }

  async function read(full: boolean): Promise<CompleteRead> {
    const [statusBody, templateBody, config] = await Promise.all([
      client.getJson(STATUS_PATH),
      client.getJson(HOST_TEMPLATE_PATH),
      full || serviceCheckConfig === null ? readServiceCheckConfig() : Promise.resolve(serviceCheckConfig),
    ]);
    serviceCheckConfig = config;
    const status = parseStatusResponse(statusBody, now());
    const templates = parseHostTemplateResponse(templateBody);
    if (!warnedNoTemplateHosts && templates.templates.length > 0 && templates.templates.every((t) => t.hosts === null)) {
      warnedNoTemplateHosts = true;
      emit("info", "Opsview REST: the host template listing does not say which hosts use each template; hosts have no templates");
    }
    const normalised = normaliseRead(status, templates.templates, config.serviceGroups);
    sequence += 1;
    return {
      kind: "complete",
      ...normalised,
      // A full read is the periodic resync: what it cannot read is dropped, as the database sources do.
      ...(full ? {} : { unreadable: { hosts: status.skippedHosts, serviceChecks: status.skippedChecks } }),
      skipped: [...status.skipped, ...templates.skipped, ...(full ? config.skipped : [])],
      cursor: `${instance}:${sequence}`,
    };
  }

  return {
    kind: OPSVIEW_REST_KIND,

    readFull: () => read(true),

    // The REST API has no "changes since": every read is complete, and the poller compares.
    readChanges: () => read(false),

    describe: () => `Opsview REST at ${restRoot(settings)}`,

    /** Opsview's acknowledge and downtime resources, one target at a time; the first refusal stops it with Opsview's message. */
    async execute(command: SourceCommand): Promise<{ message: string }> {
      const wildcard = opsviewNameProblem(command);
      if (wildcard) throw new SourceCommandError(wildcard);
      let hosts = 0;
      let services = 0;
      for (const request of opsviewCommandRequests(command)) {
        const answer = await client.change(request.method, request.path, request.body);
        const read = readOpsviewAnswer(answer);
        if (!read.ok) throw new SourceCommandError(redactSecret(`Opsview ${request.method} ${request.path.split("?")[0]} for ${request.about}: ${read.message}`, settings.password));
        hosts += read.hosts;
        services += read.services;
      }
      const expiry = command.kind === "acknowledge" && command.expiresAt !== null ? " Opsview's acknowledgements have no expiry: it lasts until the check recovers or it is removed." : "";
      return { message: `Opsview accepted it for ${hosts} host${hosts === 1 ? "" : "s"} and ${services} service${services === 1 ? "" : "s"}.${expiry}` };
    },

    async close(): Promise<void> {
      await client.close();
      selfSigned?.close();
    },
  };
}

/** For a "Test connection" button: logs in and reads once. Never throws; the message never holds the password. */
export async function testOpsviewRestConnection(
  settingsInput: unknown,
  options: Omit<OpsviewRestSourceOptions, "onEvent"> = {},
): Promise<ConnectionTestResult> {
  const parsed = parseOpsviewRestSettings(settingsInput);
  if (!parsed.ok) return connectionTestFailed(parsed.message);
  let source: OpsviewRestSource | null = null;
  try {
    source = createOpsviewRestSource(parsed.settings, options);
    const full = await source.readFull();
    const templates = new Set(full.hosts.flatMap((host) => host.hostTemplates.map((template) => template.name)));
    const skipped = full.skipped.length > 0 ? `, ${full.skipped.length} unreadable rows skipped` : "";
    return connectionTestPassed(
      `Connected to ${source.describe()} as "${parsed.settings.username}": ${full.hosts.length} hosts, ` +
        `${full.serviceChecks.length} service checks, ${templates.size} host templates in use${skipped}`,
    );
  } catch (error) {
    return connectionTestFailed(error, parsed.settings.password);
  } finally {
    await source?.close().catch(() => undefined);
  }
}
