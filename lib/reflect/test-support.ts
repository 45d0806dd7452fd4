import type { ExportSettings, HostElementAction, HostOutcome, HostRecord } from "./types";

export const exportSettings: ExportSettings = new Map([
  ["Linux", "ON"],
  ["Windows", "ON"],
  ["Solaris", "OFF"],
  ["Network", "NA"],
]);

/** A stored record of a host present in the source; the element, if any, is made for its type. */
export function storedHost(overrides: Partial<HostRecord> & Pick<HostRecord, "host" | "type">): HostRecord {
  const elementExists = overrides.elementExists ?? false;
  return {
    removed: false,
    exportEnabled: true,
    elementType: elementExists ? overrides.type : null,
    status: "Ok",
    pending: false,
    message: null,
    ...overrides,
    elementExists,
  };
}

export function actionsOf(outcome: HostOutcome): Array<[HostElementAction["kind"], string]> {
  return outcome.actions.map((action) => [action.kind, action.hostType]);
}
