"use server";

import { revalidatePath } from "next/cache";
import { requireActionContext } from "./action-context";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { setHostTypeExportState, setReflectionMode } from "../connector";
import { REFLECTION_MODE_LABELS } from "../connector/reflection-mode-labels";

export async function updateExportStateAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  return toActionResult("change the export setting", async () => {
    const input = { hostType: form.get("hostType"), state: form.get("state") };
    const result = await setHostTypeExportState(await requireActionContext(), input);
    revalidatePath("/settings/export");
    revalidatePath("/overview");
    if (!result.changed) return `${String(input.hostType)} was already ${String(input.state)}.`;
    return `${String(input.hostType)} is now ${String(input.state)}; ${result.pendingHosts} host(s) wait for Reflect.`;
  });
}

export async function updateReflectionModeAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  return toActionResult("change the reflection mode", async () => {
    const result = await setReflectionMode(await requireActionContext(), { mode: form.get("mode") });
    revalidatePath("/settings", "layout");
    return result.changed ? `Reflection mode is now ${REFLECTION_MODE_LABELS[result.mode]}.` : `Reflection mode was already ${REFLECTION_MODE_LABELS[result.mode]}.`;
  });
}
