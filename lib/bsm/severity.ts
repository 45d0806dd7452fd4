// Rules: docs/status-rules.md §2.2 (severity order) and §4.1 (zone order).
import type { BsmState, HostState } from "./types";

/**
 * The one severity ordering, best first. FAILED (component, host) and OFFLINE
 * (business service) never meet in one comparison; OFFLINE is the service-level
 * name of a failure.
 */
export const SEVERITY_ORDER = ["OPERATIONAL", "DOWNTIME", "FAILED", "OFFLINE"] as const satisfies readonly BsmState[];

export function severityOf(state: BsmState): number {
  return SEVERITY_ORDER.indexOf(state);
}

export function worstOf<S extends BsmState>(states: Iterable<S>, best: S): S {
  let worst = best;
  for (const state of states) {
    if (severityOf(state) > severityOf(worst)) worst = state;
  }
  return worst;
}

/** Stacking order of hosts in a component (the Service view's zone outline), not a severity. */
export const ZONE_ORDER = ["OPERATIONAL", "FAILED", "DOWNTIME"] as const satisfies readonly HostState[];
