import { getPrisma } from "../db";
import { DeferredInput } from "../validation/deferred-input";
import { parseIdSegment } from "../validation/fields";
import { authenticateApiRequest, type ApiCaller } from "./authenticate";
import { ApiError, errorResponse } from "./errors";
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

/**
 * Refuses a declared oversize body (413) before anything else, authenticates, runs the handler,
 * and turns every failure into a JSON error with its status.
 */
export async function handleApiRequest(request: Request, handler: (context: ApiContext) => Promise<Response>): Promise<Response> {
  try {
    refuseDeclaredOversizeBody(request);
    const prisma = getPrisma();
    const caller = await authenticateApiRequest(prisma, request);
    return await handler({ ...caller, prisma, request, url: new URL(request.url), body: new DeferredInput(() => readJsonBody(request)) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** An id from the path or query (400 unless a whole number from 1 to the database's integer maximum). */
export function parseId(raw: string): number {
  const id = parseIdSegment(raw);
  if (id === null) throw new ApiError(400, `not an id: ${raw}`);
  return id;
}
