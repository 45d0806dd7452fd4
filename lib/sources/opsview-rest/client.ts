import { redactSecret } from "../redact-secret";
import { SourceUnavailableError } from "../types";
import { restRoot, type OpsviewRestSettings } from "./settings";

/** The part of `fetch` the client uses, so a plain `typeof fetch` or a test double fits. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface OpsviewRestClientOptions {
  fetch: FetchLike;
  timeoutMs: number;
  /** Called after a refused token was replaced by a fresh login. */
  onRelogin?: () => void;
}

interface RawAnswer {
  status: number;
  text: string;
}

const MAX_DETAIL_LENGTH = 160;

function oneLine(text: string, maxLength = MAX_DETAIL_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 3)}...` : flat;
}

/** The most specific reason fetch gives: undici hides the socket error in `cause`. */
function describeFailure(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
      return `${code} (set acceptSelfSigned to trust a self-signed certificate)`;
    }
    return code ? `${code}: ${cause.message}` : cause.message;
  }
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return `${code} (set acceptSelfSigned to trust a self-signed certificate)`;
  }
  return error instanceof Error ? error.message : String(error);
}

function messageFromBody(text: string): string {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && "message" in body && typeof body.message === "string") {
      return body.message;
    }
  } catch {
    // Not JSON: the status line alone says enough.
  }
  return "";
}

/**
 * Talks to the Opsview REST API: logs in lazily, sends the token headers on every request,
 * logs in again once when a token is refused, and turns every failure into a one-line
 * SourceUnavailableError that never contains the password.
 */
export class OpsviewRestClient {
  private readonly root: string;
  private readonly origin: string;
  private token: string | null = null;
  private pendingLogin: Promise<string> | null = null;
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(
    private readonly settings: OpsviewRestSettings,
    private readonly options: OpsviewRestClientOptions,
  ) {
    this.root = restRoot(settings);
    this.origin = new URL(settings.baseUrl).origin;
  }

  /** GET a path such as "/rest/status/service?rows=all" and return its parsed JSON body. */
  async getJson(pathAndQuery: string): Promise<unknown> {
    return this.parseJson(await this.authorized("GET", pathAndQuery), `GET ${pathAndQuery}`);
  }

  /**
   * A change (POST /rest/acknowledge, DELETE /rest/downtime, ...): the raw answer, for the caller to
   * read Opsview's own message. Only an unreachable server or a refused login throws.
   */
  async change(method: "POST" | "DELETE", pathAndQuery: string, body?: unknown): Promise<{ status: number; text: string }> {
    return this.authorized(method, pathAndQuery, body);
  }

  /** Sends with the current token; on 401 logs in again once and repeats. */
  private async authorized(method: string, pathAndQuery: string, body?: unknown): Promise<RawAnswer> {
    const what = `${method} ${pathAndQuery}`;
    const token = await this.currentToken();
    let answer = await this.send(method, pathAndQuery, token, body);
    if (answer.status === 401) {
      const firstToNotice = this.token === token;
      if (firstToNotice) this.token = null;
      const fresh = await this.currentToken();
      if (firstToNotice) this.options.onRelogin?.();
      answer = await this.send(method, pathAndQuery, fresh, body);
      if (answer.status === 401) {
        this.token = null;
        throw this.failure(`login rejected: ${what} refused the token again right after logging in as "${this.settings.username}"`);
      }
    }
    return answer;
  }

  /** Best effort: tells Opsview to drop the token, then refuses further requests. */
  async close(): Promise<void> {
    if (this.closed) return;
    const token = this.token;
    this.token = null;
    for (const controller of this.inFlight) controller.abort();
    if (token) {
      try {
        await this.send("DELETE", "/rest/login", token);
      } catch {
        // The token expires on its own; closing must not fail because Opsview is away.
      }
    }
    this.closed = true;
  }

  private currentToken(): Promise<string> {
    if (this.token) return Promise.resolve(this.token);
    this.pendingLogin ??= this.login().finally(() => {
      this.pendingLogin = null;
    });
    return this.pendingLogin;
  }

  private async login(): Promise<string> {
    const answer = await this.send("POST", "/rest/login", null, {
      username: this.settings.username,
      password: this.settings.password,
    });
    if (answer.status === 401 || answer.status === 403) {
      throw this.failure(`login rejected for user "${this.settings.username}" (HTTP ${answer.status}); check the username and password`);
    }
    const body = this.parseJson(answer, "POST /rest/login");
    const token = typeof body === "object" && body !== null && "token" in body ? body.token : undefined;
    if (typeof token !== "string" || token === "") {
      throw this.failure('the login answer has no "token"');
    }
    this.token = token;
    return token;
  }

  private parseJson(answer: RawAnswer, what: string): unknown {
    if (answer.status < 200 || answer.status > 299) {
      const detail = oneLine(messageFromBody(answer.text));
      throw this.failure(`${what} answered HTTP ${answer.status}${detail ? `: ${detail}` : ""}`);
    }
    try {
      return JSON.parse(answer.text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw this.failure(`${what} returned malformed JSON (${oneLine(reason, 100)})`);
    }
  }

  private async send(method: string, pathAndQuery: string, token: string | null, body?: unknown): Promise<RawAnswer> {
    if (this.closed) throw this.failure("the source is closed");
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (token !== null) {
      headers["x-opsview-username"] = this.settings.username;
      headers["x-opsview-token"] = token;
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    this.inFlight.add(controller);
    try {
      const response = await this.options.fetch(`${this.root}${pathAndQuery}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        redirect: "error",
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if (timedOut) {
        throw this.failure(`no answer from ${this.origin} within ${this.options.timeoutMs / 1000} s (${method} ${pathAndQuery})`);
      }
      if (controller.signal.aborted) throw this.failure("the source was closed during a request");
      throw this.failure(`cannot reach ${this.origin} (${method} ${pathAndQuery}): ${oneLine(describeFailure(error))}`);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
  }

  private failure(message: string): SourceUnavailableError {
    return new SourceUnavailableError(oneLine(redactSecret(`Opsview REST: ${message}`, this.settings.password), 400));
  }
}
