// Rules: docs/membership-rules.md §3 (review), docs/access-rules.md §7.2.
import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";
import { componentEditRefusal } from "../config/component-change-refusal";
import { ValidationError } from "../errors/app-error";
import { byCharacters } from "./order";
import type { MembershipChangeKind } from "./plan-membership";

/** The connector's words for a change (docs/connector-rules.md §3): the rule gained or lost the host. */
export const MEMBERSHIP_CHANGE_WORDS: Record<MembershipChangeKind, "Detected" | "Removed"> = { DETECTED: "Detected", REMOVED: "Removed" };

export interface ReviewableChange {
  id: number;
  componentId: number;
  componentName: string;
  hostId: number;
  hostName: string;
  kind: MembershipChangeKind;
  detectedAt: Date;
  error: string | null;
}

/**
 * The pending changes this user may act on: components they may change (every host visible), and
 * for a Detected host, a host they may add (visible). Dismissed ones are left out.
 */
export async function loadReviewableChanges(db: Prisma.TransactionClient, access: Access, where: Prisma.ComponentMembershipChangeWhereInput = {}): Promise<ReviewableChange[]> {
  const editable = access.visibleComponentIds().filter((componentId) => componentEditRefusal(access, componentId) === null);
  const rows = await db.componentMembershipChange.findMany({
    where: { ...where, dismissedAt: null, componentId: { in: editable } },
    select: {
      id: true,
      kind: true,
      detectedAt: true,
      error: true,
      component: { select: { id: true, name: true } },
      host: { select: { id: true, name: true, hostGroups: true, keywords: true } },
    },
  });
  const visible = await loadHostVisibility(db, access.grants, rows.map((row) => row.host.id));
  return rows
    .filter((row) => row.kind === "REMOVED" || visible(row.host))
    .map((row) => ({
      id: row.id,
      componentId: row.component.id,
      componentName: row.component.name,
      hostId: row.host.id,
      hostName: row.host.name,
      kind: row.kind,
      detectedAt: row.detectedAt,
      error: row.error,
    }))
    .sort((a, b) => byCharacters(a.componentName, b.componentName) || byCharacters(a.hostName, b.hostName));
}

export type ChangeSelection = { changeId: number } | "all";

/** One change by its id ({ changeId }), or every change the user may act on ("all" or { all: true }). Read after the capability check. */
export function parseChangeSelection(raw: unknown): ChangeSelection {
  if (raw === "all" || (typeof raw === "object" && raw !== null && (raw as { all?: unknown }).all === true && !("changeId" in raw))) return "all";
  const changeId = typeof raw === "object" && raw !== null ? (raw as { changeId?: unknown }).changeId : undefined;
  if (typeof changeId !== "number" || !Number.isInteger(changeId) || changeId < 1 || changeId > 2_147_483_647) throw new ValidationError({ changeId: "Give changeId (a membership change's id) or all: true" });
  return { changeId };
}
