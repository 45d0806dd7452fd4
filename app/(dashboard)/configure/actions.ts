"use server";

import { revalidatePath } from "next/cache";
import { requireAccess } from "@/lib/auth/session";
import { createBusinessService, createComponent, deleteBusinessService, deleteComponent, updateBusinessService, updateComponent } from "@/lib/config";
import { toActionResult, type ActionResult } from "@/lib/connector/action-result";
import { getPrisma } from "@/lib/db";

export type SaveResult = ActionResult & { id?: number };

async function context() {
  const { user, access } = await requireAccess();
  return { prisma: getPrisma(), user, access };
}

export async function saveComponentAction(componentId: number | null, input: unknown): Promise<SaveResult> {
  let id = componentId;
  const result = await toActionResult("save the component", async () => {
    if (componentId === null) id = (await createComponent(await context(), input)).id;
    else await updateComponent(await context(), componentId, input);
    return "Component saved; statuses follow within one poll cycle.";
  });
  revalidatePath("/configure", "layout");
  return result.status === "ok" && id !== null ? { ...result, id } : result;
}

export async function deleteComponentAction(componentId: number): Promise<ActionResult> {
  const result = await toActionResult("delete the component", async () => {
    await deleteComponent(await context(), componentId);
    return "Component deleted.";
  });
  revalidatePath("/configure", "layout");
  return result;
}

export async function saveBusinessServiceAction(serviceId: number | null, input: unknown): Promise<SaveResult> {
  let id = serviceId;
  const result = await toActionResult("save the business service", async () => {
    if (serviceId === null) id = (await createBusinessService(await context(), input)).id;
    else await updateBusinessService(await context(), serviceId, input);
    return "Business service saved; its status follows within one poll cycle.";
  });
  revalidatePath("/configure", "layout");
  return result.status === "ok" && id !== null ? { ...result, id } : result;
}

export async function deleteBusinessServiceAction(serviceId: number): Promise<ActionResult> {
  const result = await toActionResult("delete the business service", async () => {
    await deleteBusinessService(await context(), serviceId);
    return "Business service deleted.";
  });
  revalidatePath("/configure", "layout");
  return result;
}
