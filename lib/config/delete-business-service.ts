import { recordAudit } from "../audit/record-audit";
import { NotFoundError } from "../errors/app-error";
import type { ConfigContext } from "./context";
import { requireEditableService } from "./require-editable-service";

export async function deleteBusinessService({ prisma, user, access }: ConfigContext, serviceId: number): Promise<{ name: string }> {
  requireEditableService(access, serviceId);
  return prisma.$transaction(async (tx) => {
    const service = await tx.businessService.findUnique({ where: { id: serviceId }, select: { name: true } });
    if (!service) throw new NotFoundError(`no business service with id ${serviceId}`);
    await tx.businessService.delete({ where: { id: serviceId } });
    await recordAudit(tx, user, { action: "businessService.delete", target: `businessService:${serviceId}`, detail: { name: service.name } });
    return { name: service.name };
  });
}
