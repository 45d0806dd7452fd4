// Rules: docs/membership-rules.md §2 (what a poll does in each reflection mode).
import type { ReflectionMode } from "../reflect";

export type MembershipChangeKind = "DETECTED" | "REMOVED";

export interface MembershipPlanInput {
  mode: ReflectionMode;
  requiredOnline: number;
  /** The component's hosts now, in their order. */
  members: readonly number[];
  /** The hosts the rule matches now, in the order new members are appended. */
  matching: readonly number[];
}

export interface PendingMembershipChange {
  hostId: number;
  kind: MembershipChangeKind;
  /** Why it may not be applied now; null when it may. */
  error: string | null;
}

export interface MembershipPlan {
  add: number[];
  remove: number[];
  pending: PendingMembershipChange[];
}

/**
 * What one evaluation of a component's rule does: hosts the rule gains are Detected, hosts it loses
 * are Removed; the mode decides which are applied and which wait for review. Removals are applied
 * (or offered) only together, and never when they would leave fewer hosts than required online.
 */
export function planMembership({ mode, requiredOnline, members, matching }: MembershipPlanInput): MembershipPlan {
  const memberSet = new Set(members);
  const matchingSet = new Set(matching);
  const detected = matching.filter((hostId) => !memberSet.has(hostId));
  const removed = members.filter((hostId) => !matchingSet.has(hostId));

  const addNow = mode !== "MANUAL";
  const add = addNow ? detected : [];
  const remaining = members.length + add.length - removed.length;
  const error = removed.length > 0 && remaining < requiredOnline ? requiredOnlineError(remaining, requiredOnline) : null;
  const removeNow = mode === "AUTOMATIC" && error === null;
  const remove = removeNow ? removed : [];

  const pending: PendingMembershipChange[] = [
    ...(addNow ? [] : detected.map((hostId) => ({ hostId, kind: "DETECTED" as const, error: null }))),
    ...(removeNow ? [] : removed.map((hostId) => ({ hostId, kind: "REMOVED" as const, error }))),
  ];
  return { add, remove, pending };
}

/** The message a removal carries when it would leave the component fewer hosts than R. */
export function requiredOnlineError(remaining: number, requiredOnline: number): string {
  const hosts = remaining === 1 ? "1 host" : `${remaining} hosts`;
  return `Removing would leave ${hosts}, fewer than the ${requiredOnline} required online: lower Required online first`;
}
