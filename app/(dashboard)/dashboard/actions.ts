"use server";

import { revalidatePath } from "next/cache";
import { AccessDeniedError, requireCapability, type Access } from "@/lib/auth/access";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { DashletInputError, DashletNotFoundError, type NewDashletInput } from "@/lib/dashboard/dashlet";
import { addDashlet, moveDashlet, removeDashlet, resizeDashlet } from "@/lib/dashboard/manage-dashlets";

export type DashletActionResult = { ok: true } | { ok: false; error: string };

async function run(work: (userId: string, access: Access) => Promise<void>): Promise<DashletActionResult> {
  try {
    const { user, access } = await requireAccess();
    requireCapability(access, "bsm");
    await work(user.id, access);
    revalidatePath("/");
    return { ok: true };
  } catch (error) {
    if (error instanceof DashletInputError || error instanceof DashletNotFoundError || error instanceof AccessDeniedError) {
      return { ok: false, error: error.message };
    }
    throw error;
  }
}

/** Pin: adds the view to the user's dashboard at once (once only). */
export async function pinDashletAction(input: NewDashletInput): Promise<DashletActionResult> {
  return run((userId, access) => addDashlet(getPrisma(), userId, access, input).then(() => undefined));
}

export async function moveDashletAction(dashletId: number, direction: "earlier" | "later"): Promise<DashletActionResult> {
  if (direction !== "earlier" && direction !== "later") return { ok: false, error: "direction must be earlier or later" };
  return run((userId) => moveDashlet(getPrisma(), userId, dashletId, direction));
}

export async function resizeDashletAction(dashletId: number, size: string): Promise<DashletActionResult> {
  return run((userId) => resizeDashlet(getPrisma(), userId, dashletId, size));
}

export async function removeDashletAction(dashletId: number): Promise<DashletActionResult> {
  return run((userId) => removeDashlet(getPrisma(), userId, dashletId));
}
