import { NotFoundError, ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkServiceComponents } from "./check-service-components";
import { businessServiceInput, isUniqueViolation, parseInput } from "./inputs";
import { readStoredBusinessService, replaceBusinessService } from "./write-configuration";
import { onFieldsAsGiven, resolveBusinessServiceNames } from "./resolve-names";
import { requireEditableService } from "./require-editable-service";

/** Replaces the service's name, ordered components and notes (kept when left out). */
export async function updateBusinessService({ prisma, user, access }: ConfigContext, serviceId: number, raw: unknown): Promise<{ id: number; name: string }> {
  requireEditableService(access, serviceId);
  const given = parseInput(businessServiceInput, await resolveInput(raw));
  try {
    await prisma.$transaction(async (tx) => {
      const before = await readStoredBusinessService(tx, serviceId);
      if (!before) throw new NotFoundError(`no business service with id ${serviceId}`);
      const previousComponentIds = before.componentIds;
      const input = await resolveBusinessServiceNames(tx, access, given, new Set(previousComponentIds));
      await onFieldsAsGiven(given, () => checkServiceComponents(tx, access, input.componentIds, new Set(previousComponentIds)));
      await replaceBusinessService(tx, user, serviceId, before, input);
    });
    return { id: serviceId, name: given.name };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another business service already has this name" });
    throw error;
  }
}
