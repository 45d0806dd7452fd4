import { logFor, type Logger } from "../log";
import { asAppError, ValidationError, type AppError, type AppErrorCode, type FieldErrors } from "./app-error";

const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  payload_too_large: 413,
  unavailable: 503,
};

/** Seconds a client should wait before retrying an unavailable service. */
const RETRY_AFTER_SECONDS = "10";

export interface ErrorBody {
  error: string;
  fieldErrors?: FieldErrors;
}

export function httpStatusOf(error: AppError): number {
  return HTTP_STATUS[error.code];
}

/**
 * Every failure as JSON with its status; unexpected errors are logged (to `log`, e.g. one carrying
 * the request id) and answered 500 without detail.
 */
export function errorResponse(error: unknown, log: Logger = logFor("web")): Response {
  const known = asAppError(error);
  if (known === null) {
    log.error({ err: error }, "API request failed");
    return Response.json({ error: "internal error" } satisfies ErrorBody, { status: 500 });
  }
  const headers = new Headers();
  if (known.code === "unavailable") {
    log.error({ cause: firstLineOf(known.cause ?? known) }, "API request failed, unavailable");
    headers.set("Retry-After", RETRY_AFTER_SECONDS);
  }
  const body: ErrorBody =
    known instanceof ValidationError && known.fieldErrors !== undefined ? { error: "invalid input", fieldErrors: known.fieldErrors } : { error: known.message };
  return Response.json(body, { status: httpStatusOf(known), headers });
}

function firstLineOf(error: unknown): unknown {
  return error instanceof Error ? error.message.trim().split("\n")[0] : error;
}
