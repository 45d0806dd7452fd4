"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import { getPrisma } from "../db";
import type { ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { saveMetricsSettings } from "../metrics/metrics-settings";

/** Administrators only: saveMetricsSettings checks the capability itself. */
export async function saveMetricsSettingsAction(values: unknown): Promise<ActionResult> {
  return toActionResult("save the metrics access", async () => {
    const { user, access } = await requireAccess();
    await saveMetricsSettings(getPrisma(), { user, access, raw: values });
    revalidatePath("/settings");
    return "Saved.";
  });
}
