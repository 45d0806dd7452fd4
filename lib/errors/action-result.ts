import type { FieldErrors } from "./app-error";

/** What every server action hands back to its form: shown in the page, never thrown at it. */
export type ActionResult<Data = never> =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: Data }
  | { status: "error"; message: string; fieldErrors?: FieldErrors };

export const IDLE: ActionResult = { status: "idle" };
// Forms import this file in the browser: toActionResult, which logs, is in ./to-action-result.ts.

/** What an action's operation returns when it has something besides a message for the page. */
export interface ActionSuccess<Data> {
  message: string;
  data: Data;
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
