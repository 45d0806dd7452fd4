"use server";

import { revalidatePath } from "next/cache";
import { requireActionContext } from "./action-context";
import { createBusinessService, createComponent, deleteBusinessService, deleteComponent, updateBusinessService, updateComponent } from "../config";
import { type ActionResult, type ActionSuccess } from "../errors/action-result";
import { toActionResult } from "../errors/to-action-result";

async function run<Data = never>(what: string, operation: () => Promise<string | ActionSuccess<Data>>): Promise<ActionResult<Data>> {
  const result = await toActionResult(what, operation);
  revalidatePath("/configure", "layout");
  return result;
}

/** Creates (no id) or updates a component; the result carries its id. */
export async function saveComponentAction(componentId: number | null, input: unknown): Promise<ActionResult<{ id: number }>> {
  return run("save the component", async () => {
    const context = await requireActionContext();
    const { id, name } = componentId === null ? await createComponent(context, input) : await updateComponent(context, componentId, input);
    return { message: `Saved component ${name}; statuses follow within one poll cycle.`, data: { id } };
  });
}

/** Deletes a component; removeFromServices confirms that the business services using it lose it. */
export async function deleteComponentAction(componentId: number, removeFromServices = false): Promise<ActionResult> {
  return run("delete the component", async () => {
    const { name, removedFrom } = await deleteComponent(await requireActionContext(), componentId, { removeFromServices: removeFromServices === true });
    return removedFrom.length === 0 ? `Deleted component ${name}.` : `Deleted component ${name}; removed it from ${removedFrom.join(", ")}.`;
  });
}

/** Creates (no id) or updates a business service; the result carries its id. */
export async function saveBusinessServiceAction(serviceId: number | null, input: unknown): Promise<ActionResult<{ id: number }>> {
  return run("save the business service", async () => {
    const context = await requireActionContext();
    const { id, name } = serviceId === null ? await createBusinessService(context, input) : await updateBusinessService(context, serviceId, input);
    return { message: `Saved business service ${name}; its status follows within one poll cycle.`, data: { id } };
  });
}

export async function deleteBusinessServiceAction(serviceId: number): Promise<ActionResult> {
  return run("delete the business service", async () => {
    const { name } = await deleteBusinessService(await requireActionContext(), serviceId);
    return `Deleted business service ${name}.`;
  });
}
