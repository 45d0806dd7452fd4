import { NextRequest } from "next/server";
import { errorResponse } from "../errors/error-response";
import { readBodyWithLimit } from "./request-body";

type RouteHandler<Context> = (request: NextRequest, context: Context) => Promise<Response>;

/**
 * For a route handler that reads the body itself (next-auth's sign-in): the body is read first,
 * at most MAX_BODY_BYTES of it, and a larger one is refused with 413 as JSON.
 */
export function withBodyLimit<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    if (request.method === "GET" || request.method === "HEAD") return handler(request, context);
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readBodyWithLimit(request);
    } catch (error) {
      return errorResponse(error);
    }
    return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body }), context);
  };
}
