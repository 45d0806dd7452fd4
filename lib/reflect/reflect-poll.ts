// Rules: docs/connector-rules.md §4 (reflection after a poll).
import { ElementPlan } from "./element-plan";
import { isCreationAllowed } from "./export-settings";
import { isPending, statusOfPresentHost, withPendingRefreshed } from "./host-state";
import {
  DEFAULT_HOST_EXPORT_ENABLED,
  type ExportSettings,
  type HostOutcome,
  type HostRecord,
  type ReflectionMode,
  type ReflectionResult,
  type ReflectStatus,
  type SourceHost,
} from "./types";

export interface PollInput {
  mode: ReflectionMode;
  exportSettings: ExportSettings;
  /** The stored records, including hosts already removed from the source. */
  previous: readonly HostRecord[];
  /** The hosts the source reports in this poll. */
  current: readonly SourceHost[];
  /** Export flag for hosts seen for the first time; absent hosts get the default (off). */
  exportEnabledForNewHosts?: ReadonlyMap<string, boolean>;
}

type PollEvent = "new" | "changed" | "removed";

/**
 * The reflection run after a poll. Only hosts that are new, changed or removed are
 * acted on; every other host keeps its element and only has its pending flag refreshed.
 * Outcomes: previous records in their order, then new hosts in `current` order.
 */
export function reflectPoll(input: PollInput): ReflectionResult {
  const currentByHost = new Map<string, SourceHost>();
  for (const sourceHost of input.current) {
    if (currentByHost.has(sourceHost.host)) throw new Error(`duplicate host in current: ${sourceHost.host}`);
    currentByHost.set(sourceHost.host, sourceHost);
  }
  const knownHosts = new Set<string>();
  const outcomes: HostOutcome[] = [];
  for (const record of input.previous) {
    if (knownHosts.has(record.host)) throw new Error(`duplicate host in previous: ${record.host}`);
    knownHosts.add(record.host);
    outcomes.push(reflectKnownHost(record, currentByHost.get(record.host), input));
  }
  for (const sourceHost of input.current) {
    if (knownHosts.has(sourceHost.host)) continue;
    const exportEnabled = input.exportEnabledForNewHosts?.get(sourceHost.host) ?? DEFAULT_HOST_EXPORT_ENABLED;
    const record: HostRecord = {
      host: sourceHost.host,
      type: sourceHost.type,
      removed: false,
      exportEnabled,
      elementExists: false,
      elementType: null,
      status: "Ok",
      pending: false,
      message: null,
    };
    outcomes.push(applyEvent("new", record, input));
  }
  return { outcomes, actions: outcomes.flatMap((outcome) => outcome.actions) };
}

function reflectKnownHost(record: HostRecord, sourceHost: SourceHost | undefined, input: PollInput): HostOutcome {
  if (sourceHost === undefined) {
    return record.removed ? leaveUntouched(record, input.exportSettings) : applyEvent("removed", { ...record, removed: true }, input);
  }
  const typeChanged = sourceHost.type !== record.type;
  const seen: HostRecord = { ...record, type: sourceHost.type, removed: false };
  if (record.removed) return applyEvent(typeChanged ? "changed" : "new", seen, input);
  if (typeChanged) return applyEvent("changed", seen, input);
  return leaveUntouched(record, input.exportSettings);
}

/** `host` already carries the host's state as of this poll; its element is as before. */
function applyEvent(event: PollEvent, host: HostRecord, { mode, exportSettings }: PollInput): HostOutcome {
  const element = ElementPlan.from(host);
  if (event === "removed") {
    if (mode === "AUTOMATIC") element.delete();
  } else {
    const oldElementType = element.elementType;
    if (event === "changed" && oldElementType !== null && oldElementType !== host.type) {
      const deleteAllowed = mode !== "MANUAL" || isCreationAllowed(host.exportEnabled, oldElementType, exportSettings);
      if (deleteAllowed) element.delete();
    }
    if (isCreationAllowed(host.exportEnabled, host.type, exportSettings) && !element.exists) element.create(host.type);
  }
  const status = event === "removed" ? "Removed" : event === "changed" ? "Changed" : statusOfPresentHost(host, exportSettings);
  const record = { ...host, elementExists: element.exists, elementType: element.elementType, status, message: null };
  return { record: withPendingRefreshed(record, exportSettings), actions: element.actions };
}

/** A failed action's message stays visible for as long as the host is still pending. */
function leaveUntouched(record: HostRecord, exportSettings: ExportSettings): HostOutcome {
  const pending = isPending(record, exportSettings);
  const keepError = record.status === "Error" && pending;
  const status: ReflectStatus = keepError ? "Error" : record.removed ? "Removed" : statusOfPresentHost(record, exportSettings);
  return { record: { ...record, status, pending, message: keepError ? record.message : null }, actions: [] };
}
