"use server";

import { revalidatePath } from "next/cache";
import { requireActionContext } from "./action-context";
import { createBusinessService, createComponent, deleteBusinessService, deleteComponent, updateBusinessService, updateComponent } from "../config";
import { toActionResult, type ActionResult, type ActionSuccess } from "../errors/action-result";

async function run<Data = never>(what: string, operation: () => Promise<string | ActionSuccess<Data>>): Promise<ActionResult<Data>> {
  const result = await toActionResult(what, operation);
  revalidatePath("/configure", "layout");
  return result;
}

/** Creates (no id) or updates a component; the result carries its id. */
export async function saveComponentAction(componentId: number | null, input: unknown): Promise<ActionResult<{ id: number }>> {
  return run("save the component", async () => {
    let id = componentId;
    if (id === null) id = (await createComponent(await requireActionContext(), input)).id;
    else await updateComponent(await requireActionContext(), id, input);
    return { message: "Component saved; statuses follow within one poll cycle.", data: { id } };
  });
}

export async function deleteComponentAction(componentId: number): Promise<ActionResult> {
  return run("delete the component", async () => {
    await deleteComponent(await requireActionContext(), componentId);
    return "Component deleted.";
  });
}

/** Creates (no id) or updates a business service; the result carries its id. */
export async function saveBusinessServiceAction(serviceId: number | null, input: unknown): Promise<ActionResult<{ id: number }>> {
  return run("save the business service", async () => {
    let id = serviceId;
    if (id === null) id = (await createBusinessService(await requireActionContext(), input)).id;
    else await updateBusinessService(await requireActionContext(), id, input);
    return { message: "Business service saved; its status follows within one poll cycle.", data: { id } };
  });
}

export async function deleteBusinessServiceAction(serviceId: number): Promise<ActionResult> {
  return run("delete the business service", async () => {
    await deleteBusinessService(await requireActionContext(), serviceId);
    return "Business service deleted.";
  });
}
