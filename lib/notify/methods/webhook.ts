import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

import { DEFAULT_OUTBOUND_POLICY, type OutboundPolicy } from "../outbound-policy";
import { DEFAULT_MAX_OUTPUT_BYTES } from "./command";
import { checkOutboundHost, pinnedLookup, REFUSED_PREFIX, resolveWithSystem, stripBrackets, type ResolveHost } from "./outbound-target";
import { BoundedBuffer, createFailedAttempt, describeError, type MethodAttempt } from "./result";

export interface WebhookMethodConfig {
  url: string;
  timeoutMs: number;
  headers?: Readonly<Record<string, string>>;
  maxOutputBytes?: number;
}

export interface OutboundOptions {
  /** Where methods may connect; the default refuses the server's own networks. */
  policy?: OutboundPolicy;
  resolveHost?: ResolveHost;
}

export const MAX_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

interface Reply {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Hop {
  url: URL;
  method: "POST" | "GET";
  headers: Record<string, string>;
  body: string | null;
}

class RefusedTarget extends Error {}

/** One request to the address the policy checked (the Host header and TLS name stay the URL's). */
function exchange(hop: Hop, target: { address: string; family: 4 | 6 }, signal: AbortSignal, limit: number): Promise<Reply> {
  const send = hop.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      {
        protocol: hop.url.protocol,
        hostname: stripBrackets(hop.url.hostname),
        port: hop.url.port || undefined,
        path: `${hop.url.pathname}${hop.url.search}`,
        method: hop.method,
        headers: hop.body === null ? hop.headers : { ...hop.headers, "content-length": String(Buffer.byteLength(hop.body)) },
        lookup: pinnedLookup(target),
        agent: false,
        signal,
      },
      (response) => {
        const body = new BoundedBuffer(limit);
        response.on("data", (chunk: Buffer) => body.append(chunk));
        response.on("error", reject);
        response.on("close", () => {
          if (!response.complete) reject(new Error("the connection closed before the reply was complete"));
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", headers: response.headers, body: body.toString() }),
        );
      },
    );
    request.on("error", reject);
    request.end(hop.body ?? undefined);
  });
}

/** The next hop of a redirect: 303 (and 301/302 after a POST) become a GET; other origins lose the configured headers. */
function redirectHop(hop: Hop, status: number, location: string, original: Hop): Hop {
  const url = new URL(location, hop.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new RefusedTarget(`a redirect to ${url.protocol} is not followed`);
  const keepBody = status === 307 || status === 308;
  const sameOrigin = url.origin === new URL(original.url).origin;
  const headers = sameOrigin ? { ...original.headers } : { "content-type": "application/json" };
  if (!keepBody) delete headers["content-type"];
  return { url, method: keepBody ? hop.method : "GET", headers, body: keepBody ? hop.body : null };
}

/**
 * POSTs `payload` as JSON; 2xx is success, 5xx/408/429 and network errors are worth a retry. Every
 * hop (the URL and each redirect, at most MAX_REDIRECTS) goes only to an address the outbound policy
 * allows, checked after DNS resolution; a refused hop ends the delivery without a request.
 */
export async function postWebhook(config: WebhookMethodConfig, payload: unknown, outbound: OutboundOptions = {}): Promise<MethodAttempt> {
  const started = Date.now();
  const policy = outbound.policy ?? DEFAULT_OUTBOUND_POLICY;
  const resolveHost = outbound.resolveHost ?? resolveWithSystem;
  const limit = config.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const signal = AbortSignal.timeout(config.timeoutMs);
  if (!URL.canParse(config.url)) return createFailedAttempt(`"${config.url}" is not a URL`, false);
  const first: Hop = {
    url: new URL(config.url),
    method: "POST",
    headers: { "content-type": "application/json", ...config.headers },
    body: JSON.stringify(payload),
  };
  try {
    let hop = first;
    for (let redirects = 0; ; redirects++) {
      if (hop.url.protocol !== "http:" && hop.url.protocol !== "https:") throw new RefusedTarget(`${hop.url.protocol} URLs are not followed`);
      const target = await checkOutboundHost(policy, hop.url.hostname, resolveHost, config.timeoutMs);
      if (!target.ok) {
        if (target.refused) throw new RefusedTarget(`${REFUSED_PREFIX}${target.reason}`);
        return createFailedAttempt(target.reason, true, Date.now() - started);
      }
      const reply = await exchange(hop, target, signal, limit);
      const location = reply.headers.location;
      if (REDIRECT_STATUSES.has(reply.status) && location) {
        if (redirects >= MAX_REDIRECTS) return createFailedAttempt(`more than ${MAX_REDIRECTS} redirects`, false, Date.now() - started);
        hop = redirectHop(hop, reply.status, location, first);
        continue;
      }
      const ok = reply.status >= 200 && reply.status < 300;
      return {
        ok,
        retryable: !ok && isRetryableStatus(reply.status),
        exitCode: null,
        signal: null,
        timedOut: false,
        output: reply.body,
        errorOutput: "",
        error: ok ? null : `HTTP ${reply.status} ${reply.statusText}`.trim(),
        durationMs: Date.now() - started,
      };
    }
  } catch (error) {
    if (error instanceof RefusedTarget) return createFailedAttempt(error.message, false, Date.now() - started);
    if (signal.aborted) return { ...createFailedAttempt(`timed out after ${config.timeoutMs} ms`, true, Date.now() - started), timedOut: true };
    return createFailedAttempt(describeError(error), true, Date.now() - started);
  }
}
