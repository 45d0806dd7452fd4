import { REFLECT_STATUSES, type HostOutcome, type HostRecord, type ReflectStatus } from "../reflect";

/** One ReflectedHost row joined with its HostElement, as the raw queries return it. */
export interface ReflectedHostRow {
  host: string;
  hostType: string;
  removed: boolean;
  exportEnabled: boolean;
  status: string;
  pending: boolean;
  message: string | null;
  /** The element's host type; null without an element. */
  elementType: string | null;
}

export function toHostRecord(row: ReflectedHostRow): HostRecord {
  if (!(REFLECT_STATUSES as readonly string[]).includes(row.status)) throw new Error(`host ${row.host} has an unknown reflect status ${row.status}`);
  return {
    host: row.host,
    type: row.hostType,
    removed: row.removed,
    exportEnabled: row.exportEnabled,
    elementExists: row.elementType !== null,
    elementType: row.elementType,
    status: row.status as ReflectStatus,
    pending: row.pending,
    message: row.message,
  };
}

/** The stored columns of a record; whether an element exists lives in HostElement only. */
export function toStoredColumns(record: HostRecord) {
  return {
    host: record.host,
    hostType: record.type,
    removed: record.removed,
    exportEnabled: record.exportEnabled,
    status: record.status,
    pending: record.pending,
    message: record.message,
  };
}

export function sameRecord(a: HostRecord, b: HostRecord): boolean {
  return (
    a.host === b.host &&
    a.type === b.type &&
    a.removed === b.removed &&
    a.exportEnabled === b.exportEnabled &&
    a.elementExists === b.elementExists &&
    (a.elementExists ? a.elementType === b.elementType : true) &&
    a.status === b.status &&
    a.pending === b.pending &&
    a.message === b.message
  );
}

/** Outcomes that change something: an action to apply, or a record that differs from the stored one. */
export function changedOutcomes(previous: ReadonlyMap<string, HostRecord>, outcomes: readonly HostOutcome[]): HostOutcome[] {
  return outcomes.filter((outcome) => {
    const before = previous.get(outcome.record.host);
    return outcome.actions.length > 0 || before === undefined || !sameRecord(before, outcome.record);
  });
}
