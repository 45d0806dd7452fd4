import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";

import { ValidationError } from "../errors/app-error";
/**
 * Components come from the drawer, which holds only components whose hosts the editor may see; any
 * other component may stay in a service (keptComponentIds) but, once removed, not come back.
 */
export async function checkServiceComponents(
  tx: Prisma.TransactionClient,
  access: Access,
  componentIds: number[],
  keptComponentIds: ReadonlySet<number>,
): Promise<void> {
  const existing = new Set(
    (await tx.component.findMany({ where: { id: { in: componentIds } }, select: { id: true } })).map((component) => component.id),
  );
  for (const componentId of componentIds) {
    if (!existing.has(componentId) || (!keptComponentIds.has(componentId) && !access.canSeeComponentHosts(componentId))) {
      throw new ValidationError({ componentIds: `Component ${componentId} cannot be chosen` });
    }
  }
}
