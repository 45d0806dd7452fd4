import { getPrisma } from "../db";
import { authenticateApiRequest, type ApiCaller } from "./authenticate";
import { ApiError, errorResponse } from "./errors";
import type { PrismaClient } from "@prisma/client";

export interface ApiContext extends ApiCaller {
  prisma: PrismaClient;
  request: Request;
  url: URL;
}

/** Authenticates, runs the handler, and turns every failure into a JSON error with its status. */
export async function handleApiRequest(request: Request, handler: (context: ApiContext) => Promise<Response>): Promise<Response> {
  try {
    const prisma = getPrisma();
    const caller = await authenticateApiRequest(prisma, request);
    return await handler({ ...caller, prisma, request, url: new URL(request.url) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ApiError(400, "the request body must be JSON");
  }
}

export function parseId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new ApiError(400, `not an id: ${raw}`);
  return id;
}
