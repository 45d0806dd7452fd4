import { requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import { ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkServiceComponents } from "./check-service-components";
import { businessServiceInput, isUniqueViolation, parseInput } from "./inputs";
import { onFieldsAsGiven, resolveBusinessServiceNames } from "./resolve-names";

/** Creates a business service; a non-admin creator's role is granted the right to see and edit it. */
export async function createBusinessService({ prisma, user, access }: ConfigContext, raw: unknown): Promise<{ id: number; name: string }> {
  requireCapability(access, "configureBsm");
  const given = parseInput(businessServiceInput, await resolveInput(raw));
  try {
    return await prisma.$transaction(async (tx) => {
      const input = await resolveBusinessServiceNames(tx, access, given, new Set());
      await onFieldsAsGiven(given, () => checkServiceComponents(tx, access, input.componentIds, new Set()));
      const service = await tx.businessService.create({
        data: { name: input.name, notes: input.notes ?? "", components: { create: input.componentIds.map((componentId, position) => ({ componentId, position })) } },
        select: { id: true },
      });
      if (!access.has("administer")) {
        const { roleId } = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { roleId: true } });
        if (roleId !== null) await tx.roleBusinessService.create({ data: { roleId, businessServiceId: service.id, canEdit: true } });
      }
      await recordAudit(tx, user, { action: "businessService.create", target: `businessService:${service.id}`, detail: input });
      return { id: service.id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another business service already has this name" });
    throw error;
  }
}
