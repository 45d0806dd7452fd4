import { recordAudit } from "../audit/record-audit";
import { NotFoundError, ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkServiceComponents } from "./check-service-components";
import { businessServiceInput, isUniqueViolation, parseInput } from "./inputs";
import { onFieldsAsGiven, resolveBusinessServiceNames } from "./resolve-names";
import { requireEditableService } from "./require-editable-service";

/** Replaces the service's name, ordered components and notes (kept when left out). */
export async function updateBusinessService({ prisma, user, access }: ConfigContext, serviceId: number, raw: unknown): Promise<{ id: number; name: string }> {
  requireEditableService(access, serviceId);
  const given = parseInput(businessServiceInput, await resolveInput(raw));
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.businessService.findUnique({
        where: { id: serviceId },
        select: { name: true, notes: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } },
      });
      if (!before) throw new NotFoundError(`no business service with id ${serviceId}`);
      const previousComponentIds = before.components.map((link) => link.componentId);
      const input = await resolveBusinessServiceNames(tx, access, given, new Set(previousComponentIds));
      await onFieldsAsGiven(given, () => checkServiceComponents(tx, access, input.componentIds, new Set(previousComponentIds)));
      await tx.businessServiceComponent.deleteMany({ where: { businessServiceId: serviceId } });
      await tx.businessService.update({
        where: { id: serviceId },
        data: { name: input.name, notes: input.notes, components: { create: input.componentIds.map((componentId, position) => ({ componentId, position })) } },
      });
      await recordAudit(tx, user, {
        action: "businessService.update",
        target: `businessService:${serviceId}`,
        detail: { before: { name: before.name, componentIds: previousComponentIds, notes: before.notes }, after: input },
      });
    });
    return { id: serviceId, name: given.name };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another business service already has this name" });
    throw error;
  }
}
