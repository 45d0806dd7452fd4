// Rules: docs/connector-rules.md §5 (Reflect and Reflect All).
import { ElementPlan } from "./element-plan";
import { isElementAllowed, isPending, statusOfPresentHost, withPendingRefreshed } from "./host-state";
import type { ExportSettings, HostOutcome, HostRecord, ReflectionResult } from "./types";

/**
 * The Reflect button: on a pending host, apply the desired state (delete an element that
 * is not allowed or was made for the host's old type, then create one if allowed).
 * On a host that is not pending it does nothing, so applying it twice is safe.
 */
export function reflectHost(record: HostRecord, exportSettings: ExportSettings): HostOutcome {
  const pending = isPending(record, exportSettings);
  if (!pending) return { record: record.pending ? { ...record, pending } : record, actions: [] };

  const element = ElementPlan.from(record);
  const allowed = isElementAllowed(record, exportSettings);
  if (element.exists && (!allowed || element.elementType !== record.type)) element.delete();
  if (allowed && !element.exists) element.create(record.type);

  const next: HostRecord = {
    ...record,
    elementExists: element.exists,
    elementType: element.elementType,
    status: record.removed ? "Removed" : statusOfPresentHost(record, exportSettings),
    message: null,
  };
  return { record: withPendingRefreshed(next, exportSettings), actions: element.actions };
}

/** The Reflect All button: Reflect on every host the connector has detected. */
export function reflectAll(records: readonly HostRecord[], exportSettings: ExportSettings): ReflectionResult {
  const outcomes = records.map((record) => reflectHost(record, exportSettings));
  return { outcomes, actions: outcomes.flatMap((outcome) => outcome.actions) };
}
