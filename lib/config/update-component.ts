import { requireCapability } from "../auth/access";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkComponentHosts } from "./check-component-hosts";
import { componentEditRefusal } from "./component-change-refusal";
import { componentInput, isUniqueViolation, parseInput } from "./inputs";
import { readStoredComponent, replaceComponent } from "./write-configuration";
import { onFieldsAsGiven, resolveComponentNames } from "./resolve-names";
import { settleComponentHosts } from "./settle-component-hosts";

/** Replaces the component's name, template, ordered hosts (or membership rule), required-online count and notes (notes and rule kept when left out), for those who see all its hosts. */
export async function updateComponent({ prisma, user, access }: ConfigContext, componentId: number, raw: unknown): Promise<{ id: number; name: string }> {
  requireCapability(access, "configureBsmComponents");
  if (!access.canSeeComponent(componentId)) throw new NotFoundError(`no component with id ${componentId}`);
  const refusal = componentEditRefusal(access, componentId);
  if (refusal !== null) {
    // Refused before the input is read: the caller learns why, not what was wrong with the input.
    const found = await prisma.component.findUnique({ where: { id: componentId }, select: { name: true } });
    if (!found) throw new NotFoundError(`no component with id ${componentId}`);
    throw new ForbiddenError(`You cannot change ${found.name}: ${refusal}`);
  }
  const given = parseInput(componentInput, await resolveInput(raw));
  try {
    await prisma.$transaction(async (tx) => {
      const before = await readStoredComponent(tx, componentId);
      if (!before) throw new NotFoundError(`no component with id ${componentId}`);
      const previousHostIds = before.hostIds;
      const resolved = await resolveComponentNames(tx, access, given, new Set(previousHostIds));
      const input = await onFieldsAsGiven(given, () => settleComponentHosts(tx, access, resolved, before));
      await onFieldsAsGiven(given, () => checkComponentHosts(tx, access, input, new Set(previousHostIds)));
      await replaceComponent(tx, user, componentId, before, input);
    });
    return { id: componentId, name: given.name };
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another component already has this name" });
    throw error;
  }
}
