import type { BsmEvaluation, BsmState, BsmTransition, StatusFlags } from "../bsm";
import { businessServiceRef, componentHostRef, componentRef, objectRefKey, refOfTransition, type BsmObjectRef } from "../status/bsm-object";
import type { ObjectStatusChange, ObjectStatusRow } from "./estate-store";

// What an object is before it was ever computed: new objects start OPERATIONAL (docs/status-rules.md §7.2).
const INITIAL_FLAGS = { state: "OPERATIONAL", acknowledged: false, impacted: false } as const;

function rowOf(ref: BsmObjectRef, status: StatusFlags<BsmState>): ObjectStatusRow {
  return { ...ref, state: status.state, acknowledged: status.acknowledged, impacted: status.impacted };
}

export function rowOfTransition(transition: BsmTransition): ObjectStatusRow {
  return rowOf(refOfTransition(transition), transition.after);
}

export function rowsOfEvaluation(evaluation: BsmEvaluation): ObjectStatusRow[] {
  return [
    ...evaluation.componentHosts.map((host) => rowOf(componentHostRef(host.componentId, host.host), host)),
    ...evaluation.components.map((component) => rowOf(componentRef(component.id), component)),
    ...evaluation.businessServices.map((service) => rowOf(businessServiceRef(service.id), service)),
  ];
}

/**
 * One row per object, the last one winning: a cycle may move an object more than once (a check
 * changes, then another is removed), and the stored status is where it ended.
 */
export function latestRowPerObject(rows: ObjectStatusRow[]): ObjectStatusRow[] {
  const latest = new Map<string, ObjectStatusRow>();
  for (const row of rows) {
    const key = objectRefKey(row);
    latest.delete(key);
    latest.set(key, row);
  }
  return [...latest.values()];
}

function sameFlags(a: ObjectStatusRow, b: ObjectStatusRow): boolean {
  return a.state === b.state && a.acknowledged === b.acknowledged && a.impacted === b.impacted;
}

/**
 * The poller's copy of BsmObjectStatus (the last stored status of every BSM object), kept in step
 * with what it writes, so it can tell each engine transition's before from its after.
 */
export class StoredStatusMirror {
  private readonly rows = new Map<string, ObjectStatusRow>();

  constructor(stored: Iterable<ObjectStatusRow>) {
    for (const row of stored) this.rows.set(objectRefKey(row), row);
  }

  /** Records the engine's transitions; returns each as a before/after change. */
  applyTransitions(transitions: BsmTransition[]): ObjectStatusChange[] {
    return transitions.flatMap((transition) => this.record(rowOfTransition(transition)).change ?? []);
  }

  /**
   * Brings the mirror in line with a full evaluation: objects never seen are added (a change only when
   * they are not in the initial state), changed ones become changes, vanished ones are removed.
   */
  reconcile(evaluation: BsmEvaluation): { upserts: ObjectStatusRow[]; changes: ObjectStatusChange[]; removed: ObjectStatusRow[] } {
    const upserts: ObjectStatusRow[] = [];
    const changes: ObjectStatusChange[] = [];
    const present = new Set<string>();
    for (const row of rowsOfEvaluation(evaluation)) {
      present.add(objectRefKey(row));
      const { isNew, change } = this.record(row);
      if (isNew || change) upserts.push(row);
      if (change) changes.push(change);
    }
    const removed: ObjectStatusRow[] = [];
    for (const [key, row] of this.rows) {
      if (!present.has(key)) {
        removed.push(row);
        this.rows.delete(key);
      }
    }
    return { upserts, changes, removed };
  }

  get(ref: BsmObjectRef): ObjectStatusRow | undefined {
    return this.rows.get(objectRefKey(ref));
  }

  private record(row: ObjectStatusRow): { isNew: boolean; change: ObjectStatusChange | null } {
    const key = objectRefKey(row);
    const stored = this.rows.get(key);
    const before = stored ?? { objectType: row.objectType, objectKey: row.objectKey, ...INITIAL_FLAGS };
    this.rows.set(key, row);
    return { isNew: !stored, change: sameFlags(before, row) ? null : { before, after: row } };
  }
}
