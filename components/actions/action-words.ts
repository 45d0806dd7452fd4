import type { SourceActionKind, SourceActionStatus, SourceActionTarget, SourceActionView } from "@/lib/source-actions/types";

// What the UI says about a source action (its kind, targets and progress), in one place.

export const KIND_TITLES: Record<SourceActionKind, string> = {
  acknowledge: "Acknowledge",
  downtime: "Schedule downtime",
  "remove-acknowledgement": "Remove acknowledgement",
  "remove-downtime": "Remove downtime",
};

/** "CPU on web-eu-01"; a host alone reads by the kind: its failing checks, or the host and all its checks. */
export function describeTarget(kind: SourceActionKind, target: SourceActionTarget): string {
  if (target.check !== undefined) return `${target.check} on ${target.host}`;
  if (kind === "acknowledge" || kind === "remove-acknowledgement") return `${target.host} (its failing checks)`;
  return `${target.host} and all its checks`;
}

const LISTED_TARGETS = 3;

/** The targets in one line: the first few, then how many more. */
export function describeTargets(kind: SourceActionKind, targets: readonly SourceActionTarget[]): string {
  const listed = targets.slice(0, LISTED_TARGETS).map((target) => describeTarget(kind, target));
  const more = targets.length - listed.length;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

/** Whether the source has yet to answer: the UI keeps polling while any action is unsettled. */
export function isUnsettled(status: SourceActionStatus): boolean {
  return status === "pending" || status === "sent";
}

/** The progress in words: "Pending…" until the source reports the change back through its poll. */
export function describeStatus(action: Pick<SourceActionView, "status" | "message">): string {
  switch (action.status) {
    case "pending":
      return "Pending… waiting to be sent to the source";
    case "sent":
      return "Pending… sent, waiting for the source to report it";
    case "confirmed":
      return "Confirmed by the source";
    case "failed":
      return `Failed: ${action.message ?? "the source did not say why"}`;
  }
}

/** Whether `action` covers `target` (a host-wide action covers each of the host's checks). */
export function covers(action: Pick<SourceActionView, "targets">, target: SourceActionTarget): boolean {
  return action.targets.some((covered) => covered.host === target.host && (covered.check === undefined || covered.check === target.check));
}
