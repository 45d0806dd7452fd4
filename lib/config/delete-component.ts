import { requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import { ForbiddenError, NotFoundError } from "../errors/app-error";
import type { ConfigContext } from "./context";
import { componentDeleteRefusal } from "./component-change-refusal";

/** Deletes the component; business services that held it lose it (all of them visible to the user). */
export async function deleteComponent({ prisma, user, access }: ConfigContext, componentId: number): Promise<void> {
  requireCapability(access, "configureBsmComponents");
  if (!access.canSeeComponent(componentId)) throw new NotFoundError(`no component with id ${componentId}`);
  await prisma.$transaction(async (tx) => {
    const component = await tx.component.findUnique({
      where: { id: componentId },
      select: { name: true, services: { select: { businessServiceId: true } } },
    });
    if (!component) throw new NotFoundError(`no component with id ${componentId}`);
    const usedBy = component.services.map((link) => link.businessServiceId);
    const refusal = componentDeleteRefusal(access, componentId, usedBy);
    if (refusal !== null) throw new ForbiddenError(`You cannot delete ${component.name}: ${refusal}`);
    await tx.component.delete({ where: { id: componentId } });
    // Services lose a member: touch them so the poller's configuration fingerprint changes.
    await tx.businessService.updateMany({
      where: { id: { in: usedBy } },
      data: { updatedAt: new Date() },
    });
    await recordAudit(tx, user, { action: "component.delete", target: `component:${componentId}`, detail: { name: component.name } });
  });
}
