"use server";

import { revalidatePath } from "next/cache";
import { requireActionContext } from "./action-context";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { applyMembershipChanges, dismissMembershipChanges, type MembershipApplied } from "../membership";

function describeApplied({ added, removed, refused }: MembershipApplied): string {
  if (added.length + removed.length + refused.length === 0) return "Nothing to apply: already applied, dismissed or no longer found by the rule.";
  const parts = [
    ...added.map((change) => `added ${change.host} to ${change.component}`),
    ...removed.map((change) => `removed ${change.host} from ${change.component}`),
  ];
  const done = parts.length === 0 ? "Nothing applied" : `Applied: ${parts.join(", ")}`;
  return refused.length === 0 ? `${done}.` : `${done}; ${refused.length} removal(s) refused: ${refused[0]!.error}.`;
}

/** Applies one pending membership change, or all (null); statuses follow within one poll cycle. */
export async function applyMembershipChangeAction(changeId: number | null): Promise<ActionResult> {
  return toActionResult("apply the membership change", async () => {
    const applied = await applyMembershipChanges(await requireActionContext(), changeId === null ? "all" : { changeId });
    revalidatePath("/configure", "layout");
    return describeApplied(applied);
  });
}

/** Dismisses one pending membership change, or all (null), without applying it. */
export async function dismissMembershipChangeAction(changeId: number | null): Promise<ActionResult> {
  return toActionResult("dismiss the membership change", async () => {
    const { dismissed } = await dismissMembershipChanges(await requireActionContext(), changeId === null ? "all" : { changeId });
    revalidatePath("/configure", "layout");
    return dismissed === 0 ? "Nothing to dismiss." : `Dismissed ${dismissed} membership change${dismissed === 1 ? "" : "s"}.`;
  });
}
