"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import { getPrisma } from "../db";
import { env } from "../env";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { ValidationError } from "../errors/app-error";
import { resetSourceSettings } from "../settings/reset-source-settings";
import { saveSourceSettings } from "../settings/save-source-settings";
import { testSourceConnection } from "../settings/test-source-connection";

// Administrators only: each lib/settings function checks the permission itself.

export async function saveSourceSettingsAction(draft: unknown): Promise<ActionResult> {
  return toActionResult("save the source settings", async () => {
    const { user, access } = await requireAccess();
    await saveSourceSettings({ prisma: getPrisma(), actor: user, access, draft, environment: env() });
    revalidatePath("/settings", "layout");
    return "Saved. Polling switches to these settings within a few seconds.";
  });
}

/** A failed connection is an error result with the tester's message, as is a request that names nothing to test. */
export async function testSourceConnectionAction(request: unknown): Promise<ActionResult> {
  return toActionResult("test the connection", async () => {
    const { access } = await requireAccess();
    const outcome = await testSourceConnection({ prisma: getPrisma(), access, request, environment: env() });
    if (!outcome.ok) throw new ValidationError(outcome.message);
    return outcome.message;
  });
}

export async function resetSourceSettingsAction(): Promise<ActionResult> {
  return toActionResult("go back to the environment's settings", async () => {
    const { user, access } = await requireAccess();
    await resetSourceSettings(getPrisma(), user, access);
    revalidatePath("/settings", "layout");
    return "The saved settings were removed; the environment's settings apply again.";
  });
}
