import { ForbiddenError, NotFoundError, PayloadTooLargeError, ValidationError } from "../errors/app-error";
import { errorResponse } from "../errors/error-response";

/** The largest request body the app reads: API JSON, sign-in forms and server actions. */
export const MAX_BODY_BYTES = 1024 * 1024;

const TOO_LARGE = `the request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`;

/** Refuses, before anything is read, a body whose declared Content-Length is over the limit (413). */
export function refuseDeclaredOversizeBody(request: Request, limit = MAX_BODY_BYTES): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw new PayloadTooLargeError(TOO_LARGE);
}

/** The body's bytes, reading at most limit + 1 of them: a larger (e.g. chunked) body is refused with 413. */
export async function readBodyWithLimit(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  refuseDeclaredOversizeBody(request, limit);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new PayloadTooLargeError(TOO_LARGE);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body parsed as JSON, read with the size limit: 413 when too large, 400 when not JSON. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const body = await readBodyWithLimit(request, limit);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new ValidationError("the request body must be JSON");
  }
}

/** A browser request sent from another site: its Origin names a host other than this one. */
export function isCrossOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host === null || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * The first gate for POSTs to pages (server actions), run by proxy.ts before Next reads the body
 * or runs anything: a cross-site POST is refused with 403 and a body over the limit with 413, as
 * JSON (Next itself answers both with a 500). Null when the request may go on.
 */
export async function refuseUnsafePagePost(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  try {
    if (isCrossOriginRequest(request)) throw new ForbiddenError("cross-site request refused");
    await readBodyWithLimit(request);
    return null;
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * A path whose percent-encoding is not UTF-8 (/hosts/%FF): 404 (JSON under /api/), before Next
 * tries to decode it into a catch-all route's params, which answers 500. Null when it decodes.
 */
export function refuseMalformedPath(pathname: string): Response | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    if (pathname.startsWith("/api/")) return errorResponse(new NotFoundError("the path is not valid URL encoding"));
    return new Response("Not found: the path is not valid URL encoding.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
