"use server";

import { revalidatePath } from "next/cache";
import { requireCapability, type Access } from "../auth/access";
import { requireAccess } from "../auth/session";
import type { NewDashletInput } from "../dashboard/dashlet";
import { addDashlet, moveDashlet, removeDashlet, resizeDashlet } from "../dashboard/manage-dashlets";
import { getPrisma } from "../db";
import { toActionResult, type ActionResult } from "../errors/action-result";
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

/** Pin: adds the view to the user's dashboard at once (once only). */
export async function pinDashletAction(input: NewDashletInput): Promise<ActionResult> {
  return run("pin the view", "Pinned to your dashboard.", (userId, access) => addDashlet(getPrisma(), userId, access, input));
}

export async function moveDashletAction(dashletId: number, direction: "earlier" | "later"): Promise<ActionResult> {
  return run("move the dashlet", "Dashlet moved.", (userId) => {
    if (direction !== "earlier" && direction !== "later") throw new ValidationError("direction must be earlier or later");
    return moveDashlet(getPrisma(), userId, dashletId, direction);
  });
}

export async function resizeDashletAction(dashletId: number, size: string): Promise<ActionResult> {
  return run("resize the dashlet", "Dashlet resized.", (userId) => resizeDashlet(getPrisma(), userId, dashletId, size));
}

export async function removeDashletAction(dashletId: number): Promise<ActionResult> {
  return run("remove the dashlet", "Dashlet removed.", (userId) => removeDashlet(getPrisma(), userId, dashletId));
}
