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

export interface FullRead {
  hosts: SourceHost[];
  serviceChecks: SourceServiceCheck[];
  skipped: SkippedRow[];
  /** Opaque position to pass to the next readChanges. */
  cursor: string;
}

export interface ChangeRead {
  /** Hosts that are new or whose attributes changed. */
  hosts: SourceHost[];
  removedHosts: string[];
  /** Checks that are new or whose status changed since the cursor. */
  serviceChecks: SourceServiceCheck[];
  removedServiceChecks: { host: string; name: string }[];
  skipped: SkippedRow[];
  cursor: string;
}

/** Something the poller should record and show, such as a failover to the backup database. */
export interface SourceEvent {
  at: number;
  kind: "failover" | "failback" | "error" | "info";
  message: string;
}

export interface MonitoringSource {
  /** "simulated", "opsview-db", "opsview-rest", "icinga-api", "icinga-ido". */
  readonly kind: string;
  readFull(): Promise<FullRead>;
  /** Changes since the cursor; a source without incremental reads returns everything as changed. */
  readChanges(cursor: string): Promise<ChangeRead>;
  /** A short description of where data comes from now, such as "main database db1:3306". */
  describe(): string;
  close(): Promise<void>;
}

export class SourceUnavailableError extends Error {}
