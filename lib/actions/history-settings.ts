"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import { getPrisma } from "../db";
import type { ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { saveHistoryRetention } from "../history/retention-settings";

/** Administrators only: saveHistoryRetention checks the capability itself. */
export async function saveHistoryRetentionAction(values: unknown): Promise<ActionResult> {
  return toActionResult("save the history retention", async () => {
    const { user, access } = await requireAccess();
    await saveHistoryRetention(getPrisma(), { user, access, raw: values });
    revalidatePath("/settings/history");
    return "Saved. History older than this is pruned within the hour.";
  });
}
