import { readFileSync } from "node:fs";
import { Agent, request } from "node:https";
import { redactSecret } from "../redact-secret";
import { SourceUnavailableError } from "../types";
import { apiRoot, type IcingaApiSettings } from "./settings";

export interface IcingaApiClientOptions {
  timeoutMs: number;
}

const MAX_DETAIL_LENGTH = 200;

function oneLine(text: string, maxLength = MAX_DETAIL_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 3)}...` : flat;
}

const CERTIFICATE_ERRORS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

/** Why a request failed, in words a settings page can show. */
export function describeRequestFailure(error: unknown): string {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return `the certificate is for another name (${oneLine(message, 120)}); set the TLS server name to the name in the certificate`;
  }
  if (code && CERTIFICATE_ERRORS.test(code)) {
    return `${code}: the certificate is not trusted (set a CA file, or accept self-signed certificates)`;
  }
  if (code === "ECONNREFUSED") return "connection refused (is Icinga 2 running with its API listening on that port?)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host name not found";
  return code ? `${code}: ${oneLine(message, 120)}` : oneLine(message, 120);
}

interface Answer {
  status: number;
  text: string;
}

/** What an open event stream reports; `onClosed` comes once, after `onOpen` or instead of it. */
export interface EventStreamHandlers {
  onOpen(): void;
  onLine(line: string): void;
  onClosed(reason: string): void;
}

/**
 * Talks to the Icinga 2 REST API over HTTPS with basic auth. Reads use POST with
 * `X-HTTP-Method-Override: GET`, so filters travel in the body (with filter_vars, never spliced into
 * the filter text). Every failure becomes a one-line SourceUnavailableError without the password.
 */
export class IcingaApiClient {
  readonly root: string;
  private readonly agent: Agent;
  /** Event streams hold their connection for good, so they get their own sockets, apart from the reads'. */
  private readonly streamAgent: Agent;
  private readonly authorization: string;
  private readonly inFlight = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly settings: IcingaApiSettings,
    private readonly options: IcingaApiClientOptions,
  ) {
    this.root = apiRoot(settings);
    let ca: Buffer | undefined;
    if (settings.caFile) {
      try {
        ca = readFileSync(settings.caFile);
      } catch (error) {
        throw this.failure(`cannot read the CA file ${settings.caFile} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`);
      }
    }
    // No keep-alive: Icinga 2 drops idle connections, and reusing one fails the next read with "socket hang up".
    const tls = { ca, rejectUnauthorized: !settings.acceptSelfSigned, servername: settings.tlsServerName ?? undefined };
    this.agent = new Agent({ keepAlive: false, maxSockets: 4, ...tls });
    this.streamAgent = new Agent({ keepAlive: false, ...tls });
    this.authorization = `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString("base64")}`;
  }

  /** Objects of one type ("hosts", "services"), optionally filtered; returns the `results` array. */
  async queryObjects(type: "hosts" | "services", query: { attrs: string[]; filter?: string; filterVars?: Record<string, unknown> }): Promise<unknown[]> {
    const body: Record<string, unknown> = { attrs: query.attrs };
    if (query.filter) body.filter = query.filter;
    if (query.filterVars) body.filter_vars = query.filterVars;
    const what = `query ${type}${query.filter ? " (filtered)" : ""}`;
    const answer = await this.send("POST", `/v1/objects/${type}`, body, { "x-http-method-override": "GET" }, what);
    // Icinga answers 404 when a filter matches no object.
    if (answer.status === 404 && query.filter) return [];
    return this.resultsOf(answer, what);
  }

  /**
   * Objects by their full names ("host!service"), looked up directly rather than by a filter over all of
   * them; null when one of them no longer exists (Icinga then answers 404 for the whole request).
   */
  async queryNamedObjects(type: "hosts" | "services", names: string[], attrs: string[]): Promise<unknown[] | null> {
    const what = `query ${type} by name`;
    const answer = await this.send("POST", `/v1/objects/${type}`, { attrs, [type]: names }, { "x-http-method-override": "GET" }, what);
    if (answer.status === 404) return null;
    return this.resultsOf(answer, what);
  }

  /**
   * Opens POST /v1/events (newline-delimited JSON, one event per line) with the reads' TLS settings and
   * credentials. Returns a function that closes it without a call to onClosed.
   */
  openEventStream(body: { queue: string; types: readonly string[] }, handlers: EventStreamHandlers): () => void {
    let closed = this.closed;
    const close = (reason: string) => {
      if (closed) return;
      closed = true;
      this.inFlight.delete(abort);
      outgoing.destroy();
      handlers.onClosed(oneLine(redactSecret(reason, this.settings.password), 300));
    };
    const abort = () => {
      closed = true;
      this.inFlight.delete(abort);
      outgoing.destroy();
    };
    const payload = JSON.stringify(body);
    const outgoing = request(
      `${this.root}/v1/events`,
      {
        method: "POST",
        agent: this.streamAgent,
        servername: this.settings.tlsServerName ?? undefined,
        headers: { accept: "application/json", authorization: this.authorization, "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) },
      },
      (incoming) => {
        if (incoming.statusCode !== 200) {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("end", () => close(`HTTP ${incoming.statusCode}${this.permissionHint(incoming.statusCode)}: ${oneLine(Buffer.concat(chunks).toString("utf8"), 160)}`));
          incoming.on("error", (error) => close(describeRequestFailure(error)));
          return;
        }
        handlers.onOpen();
        let partial = "";
        incoming.setEncoding("utf8");
        incoming.on("data", (chunk: string) => {
          const lines = (partial + chunk).split("\n");
          partial = lines.pop() ?? "";
          for (const line of lines) if (!closed && line.trim() !== "") handlers.onLine(line);
        });
        incoming.on("end", () => close("Icinga 2 ended the stream"));
        incoming.on("error", (error) => close(describeRequestFailure(error)));
      },
    );
    // Notices a peer gone without a word (no TCP reset) within minutes rather than hours.
    outgoing.on("socket", (socket) => socket.setKeepAlive(true, 30_000));
    outgoing.on("error", (error) => close(`cannot reach ${this.root}: ${describeRequestFailure(error)}`));
    if (closed) outgoing.destroy();
    else this.inFlight.add(abort);
    outgoing.end(payload);
    return abort;
  }

  /**
   * POST /v1/actions/<action> (acknowledge-problem, schedule-downtime, ...): the raw answer, for the
   * caller to read Icinga's per-object results. Only an unreachable API throws (SourceUnavailableError).
   */
  async postAction(action: string, body: Record<string, unknown>): Promise<Answer> {
    return this.send("POST", `/v1/actions/${action}`, body, {}, `run ${action}`);
  }

  /** GET /v1 status, for Test connection: the Icinga 2 version. */
  async version(): Promise<string> {
    const answer = await this.send("GET", "/v1/status/IcingaApplication", undefined, {}, "read the status");
    const parsed = this.parseJson(answer, "read the status") as { results?: { status?: { icingaapplication?: { app?: { version?: unknown } } } }[] };
    const version = parsed.results?.[0]?.status?.icingaapplication?.app?.version;
    return typeof version === "string" ? version : "unknown version";
  }

  close(): void {
    this.closed = true;
    for (const abort of this.inFlight) abort();
    this.agent.destroy();
    this.streamAgent.destroy();
  }

  private permissionHint(status: number | undefined): string {
    if (status === 401) return ` (login rejected for user "${this.settings.username}")`;
    // Icinga 2.13 answers 404 to a user without the permission.
    if (status === 403 || status === 404) return ` (does user "${this.settings.username}" have permission events/*?)`;
    return "";
  }

  private resultsOf(answer: Answer, what: string): unknown[] {
    const parsed = this.parseJson(answer, what);
    const results = typeof parsed === "object" && parsed !== null && "results" in parsed ? parsed.results : undefined;
    if (!Array.isArray(results)) throw this.failure(`${what}: the answer has no "results" list`);
    return results;
  }

  private parseJson(answer: Answer, what: string): unknown {
    if (answer.status === 401) {
      throw this.failure(`login rejected for user "${this.settings.username}" (HTTP 401); check the user name and password`);
    }
    if (answer.status === 403) {
      throw this.failure(`user "${this.settings.username}" may not ${what} (HTTP 403); give the ApiUser permission objects/query/Host and objects/query/Service`);
    }
    if (answer.status < 200 || answer.status > 299) {
      throw this.failure(`${what} answered HTTP ${answer.status}${answer.text ? `: ${oneLine(answer.text, 160)}` : ""}`);
    }
    try {
      return JSON.parse(answer.text);
    } catch (error) {
      throw this.failure(`${what} returned malformed JSON (${oneLine((error as Error).message, 100)})`);
    }
  }

  private send(method: "GET" | "POST", path: string, body: unknown, headers: Record<string, string>, what: string): Promise<Answer> {
    if (this.closed) return Promise.reject(this.failure("the source is closed"));
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise<Answer>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inFlight.delete(abort);
        outcome();
      };
      const outgoing = request(
        `${this.root}${path}`,
        {
          method,
          agent: this.agent,
          servername: this.settings.tlsServerName ?? undefined,
          headers: {
            accept: "application/json",
            authorization: this.authorization,
            ...headers,
            ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", (error) => finish(() => reject(this.failure(`${what}: ${describeRequestFailure(error)}`))));
          incoming.on("end", () =>
            finish(() => resolve({ status: incoming.statusCode ?? 502, text: Buffer.concat(chunks).toString("utf8") })),
          );
        },
      );
      const abort = () => {
        outgoing.destroy();
        finish(() => reject(this.failure("the source was closed during a request")));
      };
      const timer = setTimeout(() => {
        outgoing.destroy();
        finish(() => reject(this.failure(`no answer from ${this.root} within ${this.options.timeoutMs / 1000} s (${what})`)));
      }, this.options.timeoutMs);
      this.inFlight.add(abort);
      outgoing.on("error", (error) => finish(() => reject(this.failure(`cannot reach ${this.root} (${what}): ${describeRequestFailure(error)}`))));
      outgoing.end(payload);
    });
  }

  private failure(message: string): SourceUnavailableError {
    return new SourceUnavailableError(oneLine(redactSecret(`Icinga 2 API: ${message}`, this.settings.password), 400));
  }
}
