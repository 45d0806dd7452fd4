import { randomUUID } from "node:crypto";
import { requireCapability, type Access } from "../auth/access";
import { getSignedInAccess } from "../auth/session";
import { getPrisma } from "../db";
import { NotFoundError, UnauthenticatedError, ValidationError } from "../errors/app-error";
import { errorResponse } from "../errors/error-response";
import { logFor, type Logger } from "../log";
import { DeferredInput } from "../validation/deferred-input";
import { parseIdSegment } from "../validation/fields";
import { timeApiRequest } from "../metrics/request-timing";
import { authenticateApiRequest, type ApiCaller, type ApiRequestOptions } from "./authenticate";
import { readJsonBody, refuseDeclaredOversizeBody } from "./request-body";
import type { PrismaClient } from "@prisma/client";

export { readJsonBody } from "./request-body";

export interface ApiContext extends ApiCaller {
  prisma: PrismaClient;
  request: Request;
  url: URL;
  /** The JSON body, read (at most MAX_BODY_BYTES) only when the operation asks for it, after its permission checks. */
  body: DeferredInput;
}

/** Every route's answer: what the work returns, or its failure as JSON with its status (lib/errors/error-response.ts). */
export async function respondJson(work: () => Promise<Response>, log?: Logger): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return errorResponse(error, log);
  }
}

export const REQUEST_ID_HEADER = "x-request-id";

/** The request's id: the client's (or proxy's) x-request-id when it is a sane token, else a new one. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given !== null && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Where a request's time went on the server, in milliseconds: proving the caller, then the operation. */
export interface RequestPhases {
  authMs?: number;
  workMs?: number;
}

/** The Server-Timing header's value (shown by browsers' developer tools): the phases that ran. */
export function serverTimingOf(phases: RequestPhases): string {
  const entries: string[] = [];
  if (phases.authMs !== undefined) entries.push(`auth;desc="caller check";dur=${phases.authMs.toFixed(1)}`);
  if (phases.workMs !== undefined) entries.push(`work;desc="operation";dur=${phases.workMs.toFixed(1)}`);
  return entries.join(", ");
}

/** Answers with the request id in x-request-id and the phases in Server-Timing; a refusal (4xx) is logged at debug level. */
function withRequestId(response: Response, requestId: string, phases: RequestPhases, log: Logger): Response {
  if (response.status >= 400 && response.status < 500) log.debug({ status: response.status }, "API request refused");
  const timing = serverTimingOf(phases);
  const label = (headers: Headers) => {
    headers.set(REQUEST_ID_HEADER, requestId);
    if (timing !== "") headers.set("server-timing", timing);
  };
  try {
    label(response.headers);
    return response;
  } catch {
    // Immutable headers (a fetched or redirect response): the same answer with a copy of them.
    const headers = new Headers(response.headers);
    label(headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/**
 * The REST API: refuses a declared oversize body (413) before anything else, authenticates (token or
 * session), runs the handler; the answer carries the request id (x-request-id), and so do its log
 * lines, and the time the caller check and the operation took (Server-Timing).
 */
export async function handleApiRequest(request: Request, handler: (context: ApiContext) => Promise<Response>, options: ApiRequestOptions = {}): Promise<Response> {
  const requestId = requestIdOf(request);
  const log = logFor("web").child({ requestId, method: request.method, path: new URL(request.url).pathname });
  const phases: RequestPhases = {};
  const response = await timeApiRequest(request, () =>
    respondJson(async () => {
      refuseDeclaredOversizeBody(request);
      const prisma = getPrisma();
      const authStarted = performance.now();
      const caller = await authenticateApiRequest(prisma, request, options);
      const workStarted = performance.now();
      phases.authMs = workStarted - authStarted;
      try {
        return await handler({ ...caller, prisma, request, url: new URL(request.url), body: new DeferredInput(() => readJsonBody(request)) });
      } finally {
        phases.workMs = performance.now() - workStarted;
      }
    }, log),
  );
  return withRequestId(response, requestId, phases, log);
}

/**
 * The pages' own view queries (/api/views/*): the signed-in user with BSM access (session only),
 * never cached; a view that load answers null for is 404 with the notFound message.
 */
export function handleViewRequest<View>(load: (access: Access) => Promise<View | null>, notFound = "Not found, or you do not have access to it"): Promise<Response> {
  return respondJson(async () => {
    const signedIn = await getSignedInAccess();
    if (!signedIn) throw new UnauthenticatedError("Sign in first");
    const { access } = signedIn;
    requireCapability(access, "bsm");
    const view = await load(access);
    if (view === null) throw new NotFoundError(notFound);
    return Response.json(view, { headers: { "Cache-Control": "no-store" } });
  });
}

/** An id from the path or query (400 unless a whole number from 1 to the database's integer maximum). */
export function parseId(raw: string, problem = `not an id: ${raw}`): number {
  const id = parseIdSegment(raw);
  if (id === null) throw new ValidationError(problem);
  return id;
}
