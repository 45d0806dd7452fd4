"use server";

import { revalidatePath } from "next/cache";
import { requireActionContext } from "./action-context";
import { type ActionResult } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";
import { reflectAllHosts, reflectOneHost, setHostExport, type ReflectResult } from "../connector";

function describeReflect(result: ReflectResult, nothingToDo: string): string {
  if (result.hostsChanged === 0) return nothingToDo;
  const failed = result.failed.length > 0 ? `, ${result.failed.length} failed (${result.failed[0].message})` : "";
  return `${result.created} element(s) created, ${result.deleted} deleted${failed}.`;
}

export async function setHostExportAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  return toActionResult("change the export setting", async () => {
    const exportEnabled = form.get("exportEnabled");
    const input = { host: form.get("host"), exportEnabled: exportEnabled === "true" ? true : exportEnabled === "false" ? false : exportEnabled };
    const { changed, record } = await setHostExport(await requireActionContext(), input);
    revalidatePath("/overview");
    const state = record.exportEnabled ? "on" : "off";
    if (!changed) return `Export was already ${state}.`;
    return record.pending ? `Export ${state}; Reflect to apply it.` : `Export ${state}; nothing to reflect.`;
  });
}

export async function reflectHostAction(_previous: ActionResult, form: FormData): Promise<ActionResult> {
  return toActionResult("reflect the host", async () => {
    const result = await reflectOneHost(await requireActionContext(), { host: form.get("host") });
    revalidatePath("/overview");
    revalidatePath("/hosts", "layout");
    return describeReflect(result, "Already up to date.");
  });
}

export async function reflectAllAction(_previous: ActionResult, _form: FormData): Promise<ActionResult> {
  void _form;
  return toActionResult("reflect all hosts", async () => {
    const result = await reflectAllHosts(await requireActionContext());
    revalidatePath("/overview");
    revalidatePath("/hosts", "layout");
    return describeReflect(result, "Every host was already up to date.");
  });
}
