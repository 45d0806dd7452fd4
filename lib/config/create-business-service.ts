import { requireCapability } from "../auth/access";
import { ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkServiceComponents } from "./check-service-components";
import { businessServiceInput, isUniqueViolation, parseInput } from "./inputs";
import { insertBusinessService } from "./write-configuration";
import { onFieldsAsGiven, resolveBusinessServiceNames } from "./resolve-names";

/** Creates a business service; a non-admin creator's role is granted the right to see and edit it. */
export async function createBusinessService({ prisma, user, access }: ConfigContext, raw: unknown): Promise<{ id: number; name: string }> {
  requireCapability(access, "configureBsm");
  const given = parseInput(businessServiceInput, await resolveInput(raw));
  try {
    return await prisma.$transaction(async (tx) => {
      const input = await resolveBusinessServiceNames(tx, access, given, new Set());
      await onFieldsAsGiven(given, () => checkServiceComponents(tx, access, input.componentIds, new Set()));
      const id = await insertBusinessService(tx, user, access, input);
      return { id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another business service already has this name" });
    throw error;
  }
}
