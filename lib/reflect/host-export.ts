// Rules: docs/connector-rules.md §2.2 (a flag or export-state change only makes hosts pending).
import { withPendingRefreshed } from "./host-state";
import type { ExportSettings, HostRecord } from "./types";

/** Changing the export flag only makes the host pending; the next Reflect acts on it. */
export function setHostExportEnabled(record: HostRecord, exportEnabled: boolean, exportSettings: ExportSettings): HostRecord {
  return withPendingRefreshed({ ...record, exportEnabled }, exportSettings);
}

/** Recomputes `pending` for every record, e.g. after an export state changed. */
export function refreshPending(records: readonly HostRecord[], exportSettings: ExportSettings): HostRecord[] {
  return records.map((record) => withPendingRefreshed(record, exportSettings));
}
