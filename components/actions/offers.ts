import type { SourceActionKind } from "@/lib/source-actions/types";

// Which source actions a host offers, from the BSM view of it or from its checks. Plain functions:
// server-drawn pages (the host page) call them too.

/** Which actions a host offers (each kind: whether its button or menu entry is shown). */
export type HostOffers = Record<SourceActionKind, boolean>;

export interface HostLike {
  name: string;
  state: string;
  acknowledged: boolean;
}

/**
 * What a BSM host offers: acknowledge while it is failed and not yet acknowledged, downtime unless it
 * is in one; removing the acknowledgement while it is acknowledged, the downtime while it shows DOWNTIME.
 */
export function hostOffers(host: HostLike): HostOffers {
  return {
    acknowledge: host.state === "FAILED" && !host.acknowledged,
    downtime: host.state !== "DOWNTIME",
    "remove-acknowledgement": host.acknowledged,
    "remove-downtime": host.state === "DOWNTIME",
  };
}

/**
 * What a host offers judged by its checks (the host page, which shows checks, not BSM states):
 * acknowledge while a check is not OK and unacknowledged, downtime unless every check is in one, and
 * the removals where a check has an acknowledgement or a downtime.
 */
export function hostOffersOfChecks(checks: readonly { state: string; acknowledged: boolean; inDowntime: boolean }[]): HostOffers {
  return {
    acknowledge: checks.some((check) => check.state !== "OK" && !check.acknowledged),
    downtime: !checks.every((check) => check.inDowntime) || checks.length === 0,
    "remove-acknowledgement": checks.some((check) => check.acknowledged),
    "remove-downtime": checks.some((check) => check.inDowntime),
  };
}
