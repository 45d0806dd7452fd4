"use server";

import { requireCapability } from "../auth/access";
import { requireAccess } from "../auth/session";
import type { ConfigContext } from "../config/context";
import { getPrisma } from "../db";
import type { ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { createExcludedPeriod, deleteExcludedPeriod, recordIdOf, removeSlaTarget, setSlaTarget, slaRefOfInput } from "../sla";

async function run(what: string, work: (context: ConfigContext) => Promise<string>): Promise<ActionResult> {
  return toActionResult(what, async () => {
    const { user, access } = await requireAccess();
    requireCapability(access, "bsm");
    return work({ prisma: getPrisma(), user, access });
  });
}

/** Sets the SLA target of a business service or component ({ targetPercent, period, countDowntime, timeZone }). */
export async function saveSlaTargetAction(objectType: unknown, id: unknown, input: unknown): Promise<ActionResult> {
  return run("save the SLA target", async (context) => {
    const target = await setSlaTarget(context, slaRefOfInput(objectType, id), input);
    return `SLA target ${target.targetPercent} % saved.`;
  });
}

export async function removeSlaTargetAction(objectType: unknown, id: unknown): Promise<ActionResult> {
  return run("remove the SLA target", async (context) => {
    await removeSlaTarget(context, slaRefOfInput(objectType, id));
    return "SLA target removed.";
  });
}

/** { objectType, objectId, from, to (epoch ms), reason }. */
export async function createExcludedPeriodAction(input: unknown): Promise<ActionResult> {
  return run("exclude the period", async (context) => {
    await createExcludedPeriod(context, input);
    return "Period excluded.";
  });
}

export async function deleteExcludedPeriodAction(id: unknown): Promise<ActionResult> {
  return run("delete the excluded period", async (context) => {
    await deleteExcludedPeriod(context, recordIdOf(id));
    return "Excluded period deleted.";
  });
}
