// Rules: docs/connector-rules.md §6.3 (a failed action).
import type { HostElementAction, HostOutcome } from "./types";

/**
 * Records that `failed`, one of `outcome.actions`, could not be applied: the actions before
 * it stand, it and the ones after it did not happen, and the host shows Error with `message`.
 */
export function markActionFailed(outcome: HostOutcome, failed: HostElementAction, message: string): HostOutcome {
  const index = outcome.actions.findIndex(
    (action) => action.kind === failed.kind && action.host === failed.host && action.hostType === failed.hostType,
  );
  if (index < 0) throw new Error(`${failed.kind} of ${failed.host} (${failed.hostType}) is not an action of this outcome`);
  // A create only runs without an element; a delete leaves the element it failed to remove.
  const elementType = failed.kind === "delete" ? failed.hostType : null;
  return {
    // Every action moves the host toward its desired state, so failing one leaves it pending.
    record: { ...outcome.record, elementExists: elementType !== null, elementType, status: "Error", message, pending: true },
    actions: outcome.actions.slice(0, index),
  };
}
