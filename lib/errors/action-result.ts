import { unstable_rethrow } from "next/navigation";
import { asAppError, ValidationError, type FieldErrors } from "./app-error";

/** What every server action hands back to its form: shown in the page, never thrown at it. */
export type ActionResult<Data = never> =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: Data }
  | { status: "error"; message: string; fieldErrors?: FieldErrors };

export const IDLE: ActionResult = { status: "idle" };

/** What an action's operation returns when it has something besides a message for the page. */
export interface ActionSuccess<Data> {
  message: string;
  data: Data;
}

/**
 * Runs an action's operation: the family's errors (lib/errors/app-error.ts) become their message,
 * unexpected ones are logged and summarised. Next's redirects and notFound() pass through.
 */
export async function toActionResult<Data = never>(what: string, operation: () => Promise<string | ActionSuccess<Data>>): Promise<ActionResult<Data>> {
  try {
    const done = await operation();
    return typeof done === "string" ? { status: "ok", message: done } : { status: "ok", message: done.message, data: done.data };
  } catch (error) {
    unstable_rethrow(error);
    const known = asAppError(error);
    if (known?.code === "unavailable") console.error(`${what} failed:`, known.cause ?? known.message);
    if (known instanceof ValidationError && known.fieldErrors !== undefined) return { status: "error", message: known.message, fieldErrors: known.fieldErrors };
    if (known !== null) return { status: "error", message: known.message };
    console.error(`${what} failed:`, error);
    const detail = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    return { status: "error", message: `Could not ${what}; nothing was changed. ${detail ?? ""}`.trim() };
  }
}

/** A failed result's errors by field, its message under "form" when it names no field: for forms that show one message per field. */
export function formErrorsOf(result: { message: string; fieldErrors?: FieldErrors }): FieldErrors {
  return result.fieldErrors ?? { form: result.message };
}

/** The line a form shows for a finished result: its message, or `byField` when the errors are by field (unless one is form-wide). */
export function resultMessage(result: Exclude<ActionResult<unknown>, { status: "idle" }>, byField: string): string {
  if (result.status === "ok" || result.fieldErrors === undefined) return result.message;
  return result.fieldErrors.form ?? byField;
}
