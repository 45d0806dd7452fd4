"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import { getPrisma } from "../db";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { saveOutboundPolicy } from "../notify/outbound-policy-store";

/** Administrators only: saveOutboundPolicy checks the capability itself. */
export async function saveOutboundPolicyAction(values: unknown): Promise<ActionResult> {
  return toActionResult("save the outbound targets", async () => {
    const { user, access } = await requireAccess();
    await saveOutboundPolicy(getPrisma(), { user, access, raw: values });
    revalidatePath("/settings/outbound");
    return "Saved. Deliveries and profile checks use it from now on.";
  });
}
