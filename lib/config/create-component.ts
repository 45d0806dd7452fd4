import { requireCapability } from "../auth/access";
import { ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkComponentHosts } from "./check-component-hosts";
import { componentInput, isUniqueViolation, parseInput } from "./inputs";
import { insertComponent } from "./write-configuration";
import { onFieldsAsGiven, resolveComponentNames } from "./resolve-names";
import { settleComponentHosts } from "./settle-component-hosts";

export async function createComponent({ prisma, user, access }: ConfigContext, raw: unknown): Promise<{ id: number; name: string }> {
  requireCapability(access, "configureBsmComponents");
  const given = parseInput(componentInput, await resolveInput(raw));
  try {
    return await prisma.$transaction(async (tx) => {
      const resolved = await resolveComponentNames(tx, access, given, new Set());
      const input = await onFieldsAsGiven(given, () => settleComponentHosts(tx, access, resolved, null));
      await onFieldsAsGiven(given, () => checkComponentHosts(tx, access, input, new Set()));
      const id = await insertComponent(tx, user, input);
      return { id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another component already has this name" });
    throw error;
  }
}
