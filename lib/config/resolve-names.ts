import type { Prisma } from "@prisma/client";
import type { Access } from "../auth/access";
import { loadHostVisibility } from "../auth/load-access";
import { inChunks } from "../db/in-chunks";
import { ValidationError } from "../errors/app-error";
import type { BusinessServiceInput, BusinessServiceInputByReference, ComponentInput, ComponentInputByReference } from "./inputs";

// Names given instead of ids become ids here, once; the operations then run on ids as before. A name
// that matches nothing, or an object the caller may not choose, is "Unknown": hidden is told like missing
// (docs/access-rules.md §6).

export async function resolveComponentNames(
  tx: Prisma.TransactionClient,
  access: Access,
  input: ComponentInputByReference,
  keptHostIds: ReadonlySet<number>,
): Promise<ComponentInput> {
  const { hostTemplate, hosts, hostTemplateId, hostIds, ...rest } = input;
  return {
    ...rest,
    hostTemplateId: hostTemplateId ?? (await templateIdNamed(tx, hostTemplate ?? "")),
    hostIds: hostIds ?? (hosts === undefined ? undefined : await hostIdsNamed(tx, access, hosts, keptHostIds)),
  };
}

export async function resolveBusinessServiceNames(
  tx: Prisma.TransactionClient,
  access: Access,
  input: BusinessServiceInputByReference,
  keptComponentIds: ReadonlySet<number>,
): Promise<BusinessServiceInput> {
  const { components, componentIds, ...rest } = input;
  if (componentIds !== undefined) return { ...rest, componentIds };
  const found = await tx.component.findMany({ where: { name: { in: components ?? [] } }, select: { id: true, name: true } });
  const byName = new Map(found.map((component) => [component.name, component.id]));
  return {
    ...rest,
    componentIds: (components ?? []).map((name) => {
      const id = byName.get(name);
      if (id === undefined || (!keptComponentIds.has(id) && !access.canSeeComponentHosts(id))) throw new ValidationError({ components: `Unknown component: ${name}` });
      return id;
    }),
  };
}

/**
 * Runs a check written for the id fields; its field errors land on the fields the caller used
 * (hosts rather than hostIds when the hosts were given by name).
 */
export async function onFieldsAsGiven<T>(given: Record<string, unknown>, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof ValidationError) || error.fieldErrors === undefined) throw error;
    const renamed = Object.entries(error.fieldErrors).map(([field, message]): [string, string] => {
      const byName = NAME_FIELD_OF[field];
      return [byName !== undefined && given[byName] !== undefined ? byName : field, message];
    });
    throw new ValidationError(Object.fromEntries(renamed));
  }
}

const NAME_FIELD_OF: Record<string, string> = { hostTemplateId: "hostTemplate", hostIds: "hosts", componentIds: "components" };

async function templateIdNamed(tx: Prisma.TransactionClient, name: string): Promise<number> {
  const template = await tx.hostTemplate.findUnique({ where: { name }, select: { id: true } });
  if (!template) throw new ValidationError({ hostTemplate: `Unknown host template: ${name}` });
  return template.id;
}

async function hostIdsNamed(tx: Prisma.TransactionClient, access: Access, names: string[], keptHostIds: ReadonlySet<number>): Promise<number[]> {
  const hosts = await inChunks(names, (chunk) => tx.host.findMany({ where: { name: { in: chunk } }, select: { id: true, name: true, hostGroups: true, keywords: true } }));
  const byName = new Map(hosts.map((host) => [host.name, host]));
  const visible = await loadHostVisibility(tx, access.grants, hosts.map((host) => host.id));
  return names.map((name) => {
    const host = byName.get(name);
    if (host === undefined || (!keptHostIds.has(host.id) && !visible(host))) throw new ValidationError({ hosts: `Unknown host: ${name}` });
    return host.id;
  });
}
