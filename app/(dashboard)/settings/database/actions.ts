"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { resetSourceSettings } from "@/lib/settings/reset-source-settings";
import { saveSourceSettings, type SaveSourceSettingsResult } from "@/lib/settings/save-source-settings";
import { testSourceConnection, type ConnectionTestResult } from "@/lib/settings/test-source-connection";

const REFUSED = "Only administrators may change the monitoring source";

async function administrator() {
  const { user, access } = await requireAccess();
  return access.has("administer") ? user : null;
}

export async function saveSourceSettingsAction(draft: unknown): Promise<SaveSourceSettingsResult> {
  const user = await administrator();
  if (!user) return { ok: false, fieldErrors: { form: REFUSED } };
  const result = await saveSourceSettings({ prisma: getPrisma(), actor: user, draft, environment: env() });
  if (result.ok) revalidatePath("/settings", "layout");
  return result;
}

export async function testSourceConnectionAction(request: unknown): Promise<ConnectionTestResult> {
  if (!(await administrator())) return { ok: false, message: REFUSED };
  return testSourceConnection({ prisma: getPrisma(), request, environment: env() });
}

export async function resetSourceSettingsAction(): Promise<{ ok: boolean; message: string }> {
  const user = await administrator();
  if (!user) return { ok: false, message: REFUSED };
  const result = await resetSourceSettings(getPrisma(), user);
  revalidatePath("/settings", "layout");
  return result;
}
