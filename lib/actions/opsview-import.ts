"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import type { ImportResult } from "../config/document";
import { describeImportResult, importFromOpsview, opsviewImportInputOfForm } from "../config/opsview-import";
import { getPrisma } from "../db";
import type { ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { DeferredInput } from "../validation/deferred-input";

/** Settings → Import: preview (apply false) or apply what an Opsview server or file holds; importFromOpsview checks access before it reads the form. */
export async function importFromOpsviewAction(form: unknown, { apply, prune }: { apply: boolean; prune: boolean }): Promise<ActionResult<ImportResult>> {
  return toActionResult(apply ? "apply the import" : "preview the import", async () => {
    const { user, access } = await requireAccess();
    const result = await importFromOpsview({ prisma: getPrisma(), user, access }, new DeferredInput(async () => opsviewImportInputOfForm(form)), { dryRun: !apply, prune });
    if (apply) revalidatePath("/configure", "layout");
    return { message: describeImportResult(result), data: result };
  });
}
