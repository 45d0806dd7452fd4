// Rules: docs/connector-rules.md §1 and §3 (the words used here).
export const REFLECTION_MODES = ["MANUAL", "SEMI_AUTOMATIC", "AUTOMATIC"] as const;
export type ReflectionMode = (typeof REFLECTION_MODES)[number];
export const DEFAULT_REFLECTION_MODE: ReflectionMode = "MANUAL";

export const EXPORT_STATES = ["ON", "OFF", "NA"] as const;
export type ExportState = (typeof EXPORT_STATES)[number];
export const DEFAULT_EXPORT_STATE: ExportState = "ON";

/** Host type → export state. A host type with no entry is not supported. */
export type ExportSettings = ReadonlyMap<string, ExportState>;

/** "so that the system is not overloaded with element creations" */
export const DEFAULT_HOST_EXPORT_ENABLED = false;

export const REFLECT_STATUSES = ["Ok", "Detected", "Changed", "Removed", "Error"] as const;
export type ReflectStatus = (typeof REFLECT_STATUSES)[number];

/** A host as read from the monitoring source in this poll. */
export interface SourceHost {
  host: string;
  /** The host's primary host template. */
  type: string;
}

/** What is stored per host between polls; one row of the Overview table. */
export interface HostRecord {
  host: string;
  /** Host type as last seen in the source. */
  type: string;
  /** The host is absent from the source. */
  removed: boolean;
  exportEnabled: boolean;
  elementExists: boolean;
  /** The host type the element was made for; null when no element exists. */
  elementType: string | null;
  status: ReflectStatus;
  pending: boolean;
  /** Why the last action failed; set only with status Error. */
  message: string | null;
}

export type HostElementActionKind = "create" | "delete";

export interface HostElementAction {
  kind: HostElementActionKind;
  host: string;
  /** For a create, the type to make the element for; for a delete, the type it was made for. */
  hostType: string;
}

/** A host's new record and the actions, in order, that lead to it. */
export interface HostOutcome {
  record: HostRecord;
  actions: HostElementAction[];
}

export interface ReflectionResult {
  outcomes: HostOutcome[];
  /** Every outcome's actions, in outcome order. */
  actions: HostElementAction[];
}
