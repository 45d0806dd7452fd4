// Acknowledgements and downtime asked of the monitoring source (docs/source-actions.md). Plain data:
// the browser imports these types and distinctTargets.

export const SOURCE_ACTION_KINDS = ["acknowledge", "remove-acknowledgement", "downtime", "remove-downtime"] as const;
export type SourceActionKind = (typeof SOURCE_ACTION_KINDS)[number];

/** A host (acknowledge: its failing checks; downtime: the host and all its checks) or one check on it. */
export interface SourceActionTarget {
  host: string;
  check?: string;
}

export type SourceActionStatus = "pending" | "sent" | "confirmed" | "failed";

export interface SourceActionView {
  id: number;
  kind: SourceActionKind;
  targets: SourceActionTarget[];
  comment: string;
  /** Acknowledge only; epoch ms. */
  sticky: boolean | null;
  expiresAt: number | null;
  /** Downtime only; epoch ms. */
  startAt: number | null;
  endAt: number | null;
  status: SourceActionStatus;
  /** The source's answer or the error: never a password, never a raw date. */
  message: string | null;
  createdAt: number;
  updatedAt: number;
  userName: string;
}

export interface SourceActionCapabilities {
  /** The user has ACTIONBSM and the source accepts commands. */
  canAct: boolean;
  /** The source kind in force accepts commands (simulated, icinga-api, opsview-rest). */
  sourceAccepts: boolean;
  /** The user holds ACTIONBSM (administrators do): a read-only source is worth telling them about. */
  userMayAct: boolean;
  /** Why not, in words for the page; null when canAct. */
  reason: string | null;
}

export function isSourceActionKind(kind: string): kind is SourceActionKind {
  return (SOURCE_ACTION_KINDS as readonly string[]).includes(kind);
}

export function isSourceActionStatus(status: string): status is SourceActionStatus {
  return status === "pending" || status === "sent" || status === "confirmed" || status === "failed";
}

/** Each target once; a check is left out when its whole host is named too. */
export function distinctTargets(targets: readonly Readonly<SourceActionTarget>[]): SourceActionTarget[] {
  const wholeHosts = new Set(targets.filter((target) => target.check === undefined).map((target) => target.host));
  const seen = new Set<string>();
  const result: SourceActionTarget[] = [];
  for (const target of targets) {
    if (target.check !== undefined && wholeHosts.has(target.host)) continue;
    const key = `${target.host}\u0000${target.check ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(target.check === undefined ? { host: target.host } : { host: target.host, check: target.check });
  }
  return result;
}
