import type { BsmEvaluation, BsmTransition } from "../bsm";
import type { BsmObjectType, ObjectStatusChange, ObjectStatusRow } from "./estate-store";

// What an object is before it was ever computed: new objects start OPERATIONAL (docs/status-rules.md §7.2).
const INITIAL_FLAGS = { state: "OPERATIONAL", acknowledged: false, impacted: false } as const;

function keyOf(objectType: BsmObjectType, objectKey: string): string {
  return `${objectType}|${objectKey}`;
}

export function componentHostKey(componentId: string, host: string): string {
  return `${componentId}:${host}`;
}

export function rowOfTransition(transition: BsmTransition): ObjectStatusRow {
  const flags = { state: transition.after.state, acknowledged: transition.after.acknowledged, impacted: transition.after.impacted };
  switch (transition.objectType) {
    case "componentHost":
      return { objectType: "COMPONENT_HOST", objectKey: componentHostKey(transition.componentId, transition.host), ...flags };
    case "component":
      return { objectType: "COMPONENT", objectKey: transition.id, ...flags };
    case "businessService":
      return { objectType: "BUSINESS_SERVICE", objectKey: transition.id, ...flags };
  }
}

export function rowsOfEvaluation(evaluation: BsmEvaluation): ObjectStatusRow[] {
  const flags = (status: { state: string; acknowledged: boolean; impacted: boolean }) => ({
    state: status.state,
    acknowledged: status.acknowledged,
    impacted: status.impacted,
  });
  return [
    ...evaluation.componentHosts.map((host): ObjectStatusRow => ({
      objectType: "COMPONENT_HOST",
      objectKey: componentHostKey(host.componentId, host.host),
      ...flags(host),
    })),
    ...evaluation.components.map((component): ObjectStatusRow => ({ objectType: "COMPONENT", objectKey: component.id, ...flags(component) })),
    ...evaluation.businessServices.map((service): ObjectStatusRow => ({
      objectType: "BUSINESS_SERVICE",
      objectKey: service.id,
      ...flags(service),
    })),
  ];
}

/**
 * One row per object, the last one winning: a cycle may move an object more than once (a check
 * changes, then another is removed), and the stored status is where it ended.
 */
export function latestRowPerObject(rows: ObjectStatusRow[]): ObjectStatusRow[] {
  const latest = new Map<string, ObjectStatusRow>();
  for (const row of rows) {
    const key = keyOf(row.objectType, row.objectKey);
    latest.delete(key);
    latest.set(key, row);
  }
  return [...latest.values()];
}

function sameFlags(a: ObjectStatusRow, b: ObjectStatusRow): boolean {
  return a.state === b.state && a.acknowledged === b.acknowledged && a.impacted === b.impacted;
}

/** The last stored status of every BSM object, kept in step with what the poller writes. */
export class ObjectStatusBook {
  private readonly rows = new Map<string, ObjectStatusRow>();

  constructor(stored: Iterable<ObjectStatusRow>) {
    for (const row of stored) this.rows.set(keyOf(row.objectType, row.objectKey), row);
  }

  /** Records the engine's transitions; returns each as a before/after change. */
  applyTransitions(transitions: BsmTransition[]): ObjectStatusChange[] {
    return transitions.flatMap((transition) => this.record(rowOfTransition(transition)).change ?? []);
  }

  /**
   * Brings the book in line with a full evaluation: objects never seen are added (a change only when
   * they are not in the initial state), changed ones become changes, vanished ones are removed.
   */
  reconcile(evaluation: BsmEvaluation): { upserts: ObjectStatusRow[]; changes: ObjectStatusChange[]; removed: ObjectStatusRow[] } {
    const upserts: ObjectStatusRow[] = [];
    const changes: ObjectStatusChange[] = [];
    const present = new Set<string>();
    for (const row of rowsOfEvaluation(evaluation)) {
      present.add(keyOf(row.objectType, row.objectKey));
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

  get(objectType: BsmObjectType, objectKey: string): ObjectStatusRow | undefined {
    return this.rows.get(keyOf(objectType, objectKey));
  }

  private record(row: ObjectStatusRow): { isNew: boolean; change: ObjectStatusChange | null } {
    const key = keyOf(row.objectType, row.objectKey);
    const stored = this.rows.get(key);
    const before = stored ?? { objectType: row.objectType, objectKey: row.objectKey, ...INITIAL_FLAGS };
    this.rows.set(key, row);
    return { isNew: !stored, change: sameFlags(before, row) ? null : { before, after: row } };
  }
}
