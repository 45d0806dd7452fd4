import { AccessDeniedError } from "../auth/access";
import { ConfigInputError, NotFoundError } from "../config/errors";
import { isDatabaseUnavailable } from "../db/unavailable";

/** An error with the HTTP status the API answers it with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database cannot be reached; try again shortly";

export interface ApiErrorBody {
  error: string;
  fieldErrors?: Record<string, string>;
}

/** Every failure as JSON with a status code; unexpected errors are logged and answered without detail. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) return json({ error: error.message }, error.status);
  if (error instanceof ConfigInputError) return json({ error: "invalid input", fieldErrors: error.fieldErrors }, 400);
  if (error instanceof NotFoundError) return json({ error: error.message }, 404);
  if (error instanceof AccessDeniedError) return json({ error: error.message }, 403);
  if (isDatabaseUnavailable(error)) {
    console.error("API request failed, the database cannot be reached:", error instanceof Error ? error.message.trim().split("\n")[0] : error);
    return Response.json({ error: DATABASE_UNAVAILABLE_MESSAGE } satisfies ApiErrorBody, { status: 503, headers: { "Retry-After": "10" } });
  }
  console.error("API request failed:", error instanceof Error ? error.message : error);
  return json({ error: "internal error" }, 500);
}

function json(body: ApiErrorBody, status: number): Response {
  return Response.json(body, { status });
}
