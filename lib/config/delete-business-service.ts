import { NotFoundError } from "../errors/app-error";
import type { ConfigContext } from "./context";
import { requireEditableService } from "./require-editable-service";
import { removeBusinessService } from "./write-configuration";

export async function deleteBusinessService({ prisma, user, access }: ConfigContext, serviceId: number): Promise<{ name: string }> {
  requireEditableService(access, serviceId);
  return prisma.$transaction(async (tx) => {
    const service = await tx.businessService.findUnique({ where: { id: serviceId }, select: { name: true } });
    if (!service) throw new NotFoundError(`no business service with id ${serviceId}`);
    await removeBusinessService(tx, user, serviceId, service.name);
    return { name: service.name };
  });
}
