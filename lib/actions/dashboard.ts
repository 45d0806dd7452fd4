"use server";

import { revalidatePath } from "next/cache";
import { requireCapability, type Access } from "../auth/access";
import { requireAccess } from "../auth/session";
import type { NewDashletInput } from "../dashboard/dashlet";
import { addDashlet, moveDashlet, moveDashletTo, removeDashlet, resizeDashlet } from "../dashboard/manage-dashlets";
import { getPrisma } from "../db";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { ValidationError } from "../errors/app-error";

async function run(what: string, done: string, work: (userId: string, access: Access) => Promise<unknown>): Promise<ActionResult> {
  return toActionResult(what, async () => {
    const { user, access } = await requireAccess();
    requireCapability(access, "bsm");
    await work(user.id, access);
    revalidatePath("/");
    return done;
  });
}

/** Pin: adds the view to the user's dashboard at once (once only), at the end or at position `at` (undoing a removal). */
export async function pinDashletAction(input: NewDashletInput, at?: number): Promise<ActionResult> {
  return run("pin the view", "Pinned to your dashboard.", (userId, access) => addDashlet(getPrisma(), userId, access, input, at));
}

/** Moves a dashlet one place ("earlier", "later") or to a position (0-based). */
export async function moveDashletAction(dashletId: number, to: "earlier" | "later" | number): Promise<ActionResult> {
  return run("move the dashlet", "Dashlet moved.", (userId) => {
    if (typeof to === "number") return moveDashletTo(getPrisma(), userId, dashletId, to);
    if (to !== "earlier" && to !== "later") throw new ValidationError("direction must be earlier or later");
    return moveDashlet(getPrisma(), userId, dashletId, to);
  });
}

export async function resizeDashletAction(dashletId: number, size: string): Promise<ActionResult> {
  return run("resize the dashlet", "Dashlet resized.", (userId) => resizeDashlet(getPrisma(), userId, dashletId, size));
}

export async function removeDashletAction(dashletId: number): Promise<ActionResult> {
  return run("remove the dashlet", "Dashlet removed.", (userId) => removeDashlet(getPrisma(), userId, dashletId));
}
