import { requireCapability } from "../auth/access";
import { recordAudit } from "../audit/record-audit";
import { ValidationError } from "../errors/app-error";
import { resolveInput } from "../validation/deferred-input";
import type { ConfigContext } from "./context";
import { checkComponentHosts } from "./check-component-hosts";
import { componentInput, isUniqueViolation, parseInput } from "./inputs";
import { onFieldsAsGiven, resolveComponentNames } from "./resolve-names";

export async function createComponent({ prisma, user, access }: ConfigContext, raw: unknown): Promise<{ id: number; name: string }> {
  requireCapability(access, "configureBsmComponents");
  const given = parseInput(componentInput, await resolveInput(raw));
  try {
    return await prisma.$transaction(async (tx) => {
      const input = await resolveComponentNames(tx, access, given, new Set());
      await onFieldsAsGiven(given, () => checkComponentHosts(tx, access, input, new Set()));
      const component = await tx.component.create({
        data: {
          name: input.name,
          hostTemplateId: input.hostTemplateId,
          requiredOnline: input.requiredOnline,
          notes: input.notes ?? "",
          hosts: { create: input.hostIds.map((hostId, position) => ({ hostId, position })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, user, { action: "component.create", target: `component:${component.id}`, detail: input });
      return { id: component.id, name: input.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ name: "Another component already has this name" });
    throw error;
  }
}
