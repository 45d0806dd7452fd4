import { AppError, ValidationError, type FieldErrors } from "./app-error";
import { httpStatusOf } from "./error-response";

/** For tests: the field errors of the ValidationError the operation rejects with; any other outcome fails. */
export async function fieldErrorsOf(operation: Promise<unknown>): Promise<FieldErrors> {
  const error = await operation.then(
    () => new Error("expected a ValidationError, but the operation succeeded"),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof ValidationError)) throw error;
  if (error.fieldErrors === undefined) throw new Error(`expected errors by field, got "${error.message}"`);
  return error.fieldErrors;
}

/** For tests: the HTTP status the API would answer the operation's rejection with; success or an unexpected error fails. */
export async function statusOfRejection(operation: Promise<unknown>): Promise<number> {
  const error = await operation.then(
    () => new Error("expected a rejection, but the operation succeeded"),
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof AppError)) throw error;
  return httpStatusOf(error);
}
