import type { SourceActionKind, SourceActionTarget } from "./types";

/** A stored check, as far as confirmation needs it. */
export interface StoredCheckState {
  name: string;
  state: string;
  acknowledged: boolean;
  inDowntime: boolean;
}

export type Confirmation = { done: true } | { done: false; waitingFor: string };

/**
 * Whether the stored state shows the action's effect on every target: acknowledged (or no longer
 * failing), in downtime, or cleared for the remove kinds. A host target means its failing checks
 * for acknowledge and all its checks otherwise. Pure: the executor reads the checks.
 */
export function confirmation(kind: SourceActionKind, targets: readonly SourceActionTarget[], checksByHost: ReadonlyMap<string, readonly StoredCheckState[]>): Confirmation {
  for (const target of targets) {
    const checks = checksByHost.get(target.host);
    if (checks === undefined) return { done: false, waitingFor: `host ${target.host}` };
    const involved = target.check === undefined ? checks : checks.filter((check) => check.name === target.check);
    if (target.check !== undefined && involved.length === 0) return { done: false, waitingFor: `${target.check} on ${target.host}` };
    const pending = involved.find((check) => !shows(kind, check));
    if (pending) return { done: false, waitingFor: `${pending.name} on ${target.host}` };
  }
  return { done: true };
}

function shows(kind: SourceActionKind, check: StoredCheckState): boolean {
  switch (kind) {
    case "acknowledge":
      // A check that recovered meanwhile has nothing left to acknowledge.
      return check.acknowledged || check.state === "OK";
    case "remove-acknowledgement":
      return !check.acknowledged;
    case "downtime":
      return check.inDowntime;
    case "remove-downtime":
      return !check.inDowntime;
  }
}
