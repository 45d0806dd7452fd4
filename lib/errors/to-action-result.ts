import { unstable_rethrow } from "next/navigation";
import { logFor } from "../log";
import type { ActionResult, ActionSuccess } from "./action-result";
import { asAppError, ValidationError } from "./app-error";

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
    if (known?.code === "unavailable") logFor("web").error({ err: known.cause ?? known }, `${what} failed: unavailable`);
    if (known instanceof ValidationError && known.fieldErrors !== undefined) return { status: "error", message: known.message, fieldErrors: known.fieldErrors };
    if (known !== null) return { status: "error", message: known.message };
    logFor("web").error({ err: error }, `${what} failed`);
    const detail = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
    return { status: "error", message: `Could not ${what}; nothing was changed. ${detail ?? ""}`.trim() };
  }
}
