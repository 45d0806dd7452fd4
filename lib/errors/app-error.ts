import { isDatabaseUnavailable } from "../db/unavailable";

/**
 * The errors lib/ throws on purpose. Each has a code; error-response.ts turns it into an HTTP
 * answer and action-result.ts into a server action's result. Anything else is unexpected.
 */
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "validation" | "conflict" | "payload_too_large" | "unavailable";

/** Field path → its first message, for forms to show next to the field. */
export type FieldErrors = Record<string, string>;

export abstract class AppError extends Error {
  abstract readonly code: AppErrorCode;
}

/** No credential, or one that no longer works (401). */
export class UnauthenticatedError extends AppError {
  readonly code = "unauthenticated";
  override readonly name = "UnauthenticatedError";
}

/** The caller is known but may not do this (403). */
export class ForbiddenError extends AppError {
  readonly code = "forbidden";
  override readonly name = "ForbiddenError";

  constructor(message = "You do not have permission to do that") {
    super(message);
  }
}

/** The object does not exist, or the caller may not know that it does (404). */
export class NotFoundError extends AppError {
  readonly code = "not_found";
  override readonly name = "NotFoundError";
}

/** Bad input (400): one message, or a message per field. */
export class ValidationError extends AppError {
  readonly code = "validation";
  override readonly name = "ValidationError";
  readonly fieldErrors: FieldErrors | undefined;

  constructor(problem: string | FieldErrors) {
    super(typeof problem === "string" ? problem : Object.entries(problem).map(([field, message]) => `${field}: ${message}`).join("; "));
    this.fieldErrors = typeof problem === "string" ? undefined : problem;
  }

  /** From zod's issues: the first message of each top-level field ("input" for the whole value). */
  static fromIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ValidationError {
    const fieldErrors: FieldErrors = {};
    for (const issue of issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : "input";
      fieldErrors[field] ??= issue.message;
    }
    return new ValidationError(fieldErrors);
  }
}

/** The change contradicts the current state of the object (409). */
export class ConflictError extends AppError {
  readonly code = "conflict";
  override readonly name = "ConflictError";
}

/** The request body is over the size limit (413). */
export class PayloadTooLargeError extends AppError {
  readonly code = "payload_too_large";
  override readonly name = "PayloadTooLargeError";
}

/** Something the request needs cannot be reached now, such as the application database (503). */
export class UnavailableError extends AppError {
  readonly code = "unavailable";
  override readonly name = "UnavailableError";
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database cannot be reached; try again shortly";

/** The error as one of the family (a database that cannot be reached becomes UnavailableError), or null when it is unexpected. */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new UnavailableError(DATABASE_UNAVAILABLE_MESSAGE, { cause: error });
  return null;
}
