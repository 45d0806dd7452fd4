"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "../auth/session";
import { describeImportResult } from "../config/opsview-import";
import { importFromBusinessProcess, type BusinessProcessImportResult } from "../config/bp-import";
import { getPrisma } from "../db";
import type { ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";

/** Settings → Import: preview (apply false) or apply a Business Process file's text; importFromBusinessProcess checks access first. */
export async function importFromBusinessProcessAction(fileText: unknown, { apply, prune }: { apply: boolean; prune: boolean }): Promise<ActionResult<BusinessProcessImportResult>> {
  return toActionResult(apply ? "apply the import" : "preview the import", async () => {
    const { user, access } = await requireAccess();
    const result = await importFromBusinessProcess({ prisma: getPrisma(), user, access }, fileText, { dryRun: !apply, prune });
    if (apply) revalidatePath("/configure", "layout");
    const notImported = result.notImported.length === 0 ? "" : ` ${result.notImported.length} not imported (see below).`;
    return { message: `${describeImportResult(result)}${notImported}`, data: result };
  });
}
