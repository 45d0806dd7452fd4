import { requireCapability } from "../auth/access";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors/app-error";
import type { ConfigContext } from "./context";
import { componentDeleteRefusal } from "./component-change-refusal";
import { removeComponent } from "./write-configuration";

export interface ComponentDeletion {
  name: string;
  /** The business services that lost the component, by name. */
  removedFrom: string[];
}

/**
 * Deletes the component. One that business services use is deleted only when the caller confirms
 * that those services lose it (removeFromServices); otherwise a ConflictError lists them.
 */
export async function deleteComponent(
  { prisma, user, access }: ConfigContext,
  componentId: number,
  { removeFromServices = false }: { removeFromServices?: boolean } = {},
): Promise<ComponentDeletion> {
  requireCapability(access, "configureBsmComponents");
  if (!access.canSeeComponent(componentId)) throw new NotFoundError(`no component with id ${componentId}`);
  return prisma.$transaction(async (tx) => {
    const component = await tx.component.findUnique({
      where: { id: componentId },
      select: { name: true, services: { orderBy: { businessService: { name: "asc" } }, select: { businessService: { select: { id: true, name: true } } } } },
    });
    if (!component) throw new NotFoundError(`no component with id ${componentId}`);
    const usedBy = component.services.map((link) => link.businessService);
    const refusal = componentDeleteRefusal(access, componentId, usedBy.map((service) => service.id));
    if (refusal !== null) throw new ForbiddenError(`You cannot delete ${component.name}: ${refusal}`);
    const removedFrom = usedBy.map((service) => service.name);
    if (removedFrom.length > 0 && !removeFromServices) throw new ConflictError(inUseMessage(component.name, removedFrom));
    await removeComponent(tx, user, componentId, component.name, usedBy);
    return { name: component.name, removedFrom };
  });
}

function inUseMessage(name: string, services: string[]): string {
  const which = services.length === 1 ? "business service" : `${services.length} business services`;
  return `${name} is used by ${which}: ${services.join(", ")}. Deleting it removes it from ${services.length === 1 ? "that service" : "them"}; confirm to go ahead (in the API, add ?removeFromServices=true).`;
}
