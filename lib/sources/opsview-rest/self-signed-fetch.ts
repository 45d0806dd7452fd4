import { Agent, request } from "node:https";

import type { FetchLike } from "./client";

export interface SelfSignedFetch {
  fetch: FetchLike;
  close(): void;
}

/**
 * Node's global fetch cannot be told to skip certificate checks without the undici package,
 * so `acceptSelfSigned` sends its https requests through node:https with its own agent.
 * Plain http URLs go to the global fetch unchanged.
 */
export function createSelfSignedFetch(): SelfSignedFetch {
  const agent = new Agent({ rejectUnauthorized: false, keepAlive: true });
  const selfSignedFetch: FetchLike = (url, init) => {
    const target = new URL(url);
    if (target.protocol !== "https:") return fetch(url, init);
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === "string" ? init.body : undefined;
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        target,
        { method: init.method ?? "GET", headers, agent, signal: init.signal ?? undefined },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("error", reject);
          incoming.on("end", () => {
            const status = incoming.statusCode ?? 502;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(incoming.headers)) {
              for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
                responseHeaders.append(name, item);
              }
            }
            const hasBody = status !== 204 && status !== 304;
            resolve(new Response(hasBody ? Buffer.concat(chunks) : null, { status, headers: responseHeaders }));
          });
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body);
    });
  };
  return { fetch: selfSignedFetch, close: () => agent.destroy() };
}
