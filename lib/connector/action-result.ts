import { AccessDeniedError } from "../auth/access";
import { ConfigInputError, NotFoundError } from "../config/errors";

/** What a server action hands back to its form: shown in the page, never thrown at it. */
export type ActionResult =
  | { status: "idle" }
  | { status: "ok"; message: string }
  | { status: "error"; message: string; fieldErrors?: Record<string, string> };

export const IDLE: ActionResult = { status: "idle" };

/** Runs an operation for a form: expected failures become messages, unexpected ones are logged and summarised. */
export async function toActionResult(what: string, operation: () => Promise<string>): Promise<ActionResult> {
  try {
    return { status: "ok", message: await operation() };
  } catch (error) {
    if (error instanceof ConfigInputError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof AccessDeniedError || error instanceof NotFoundError) return { status: "error", message: error.message };
    console.error(`${what} failed:`, error);
    const detail = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    return { status: "error", message: `Could not ${what}; nothing was changed. ${detail ?? ""}`.trim() };
  }
}
