/**
 * What every monitoring source (Opsview runtime DB, Opsview REST, Icinga 2, the simulated estate)
 * returns, normalised. Times are epoch milliseconds so records stay plain JSON.
 */

export type SourceCheckState = "OK" | "WARNING" | "CRITICAL" | "UNKNOWN";
export type SourceStateType = "SOFT" | "HARD";

export interface SourceHostTemplate {
  name: string;
  /** Lower number = higher priority; the lowest is the host's primary template (its host type). */
  priority: number;
}

export interface SourceHost {
  name: string;
  alias: string;
  address: string;
  hostGroups: string[];
  hostTemplates: SourceHostTemplate[];
  keywords: string[];
}

export interface SourceServiceCheck {
  host: string;
  name: string;
  state: SourceCheckState;
  stateType: SourceStateType;
  acknowledged: boolean;
  inDowntime: boolean;
  output: string;
  /** When the check last changed state, or null when the source does not know. */
  lastStateChange: number | null;
  /** True when lastStateChange is counted back from the clock (a duration), so it shifts a little between reads. */
  lastStateChangeEstimated?: boolean;
  /** Names of the host templates that contribute this check to its host. */
  hostTemplates: string[];
  /** The service groups the check belongs to (Opsview: exactly one; Icinga: any number), for access control. */
  serviceGroups: string[];
}

/** The identity of a service check across the app: its host and its name. */
export function checkKey(host: string, name: string): string {
  return `${host}\u0000${name}`;
}

/** A row the source could not use; the poller logs it and carries on. */
export interface SkippedRow {
  key: string;
  reason: string;
}

export interface ServiceCheckRef {
  host: string;
  name: string;
}

/**
 * Everything the source has now. The poller compares it with what it knows (lib/poller/detect-changes.ts):
 * what it knows and the read lacks is removed.
 */
export interface CompleteRead {
  kind: "complete";
  hosts: SourceHost[];
  serviceChecks: SourceServiceCheck[];
  /** Rows that exist but could not be read this time: the poller keeps their last known records. */
  unreadable?: { hosts: string[]; serviceChecks: ServiceCheckRef[] };
  skipped: SkippedRow[];
  /** Opaque position to pass to the next readChanges. */
  cursor: string;
}

/** What the source read since the cursor. Records may be unchanged (the poller compares); only the named removals are removed. */
export interface IncrementalRead {
  kind: "incremental";
  hosts: SourceHost[];
  removedHosts: string[];
  serviceChecks: SourceServiceCheck[];
  removedServiceChecks: ServiceCheckRef[];
  skipped: SkippedRow[];
  cursor: string;
}

export type SourceRead = CompleteRead | IncrementalRead;

/** Something the poller should record and show, such as a failover to the backup database. */
export interface SourceEvent {
  at: number;
  kind: "failover" | "failback" | "error" | "info";
  message: string;
}

export interface MonitoringSource {
  /** "simulated", "opsview-db", "opsview-rest", "icinga-api", "icinga-ido". */
  readonly kind: string;
  readFull(): Promise<CompleteRead>;
  /** What was read since the cursor; a complete read when the source cannot read increments (or resyncs now). */
  readChanges(cursor: string): Promise<SourceRead>;
  /** A short description of where data comes from now, such as "main database db1:3306". */
  describe(): string;
  /**
   * For sources that can push: calls onChange soon after something changed (a burst may call it many times),
   * so the poller reads changes early; polling stays the safety net. Returns a function that stops watching.
   */
  watch?(onChange: () => void): () => void;
  /**
   * For sources that accept commands: sends one and resolves when the source accepted it (the effect
   * is confirmed later, by a read). Throws SourceCommandError with the source's message when refused.
   */
  execute?(command: SourceCommand): Promise<{ message?: string }>;
  close(): Promise<void>;
}

export class SourceUnavailableError extends Error {}

/**
 * A command for a source that accepts them (lib/source-actions): acknowledge the targets' problems,
 * remove acknowledgements, schedule or remove downtime. A target without a check means the host:
 * for acknowledge its failing checks, for downtime the host and all its checks. Times are epoch ms.
 */
export interface SourceCommand {
  kind: "acknowledge" | "remove-acknowledgement" | "downtime" | "remove-downtime";
  targets: readonly { host: string; check?: string }[];
  comment: string;
  /** Who asked (their name and e-mail), as the source's author field. */
  author: string;
  sticky: boolean;
  expiresAt: number | null;
  startAt: number | null;
  endAt: number | null;
}

/** The source refused a command; the message is the source's own (never a password), shown to the user. */
export class SourceCommandError extends Error {}
