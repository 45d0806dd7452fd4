import type { Database } from "../db/client";
import type { SourceHost } from "../sources/types";
import { upsertHosts } from "./estate-store";

export interface ConfigurationSeed {
  hosts: SourceHost[];
  components: { name: string; hostTemplate: string; hosts: string[]; requiredOnline: number }[];
  businessServices: { name: string; components: string[] }[];
}

/**
 * Creates the given components and business services when none are configured yet (the simulated
 * estate's demo configuration on a fresh database). Returns whether it created anything.
 */
export async function seedConfigurationIfEmpty(database: Database, seed: ConfigurationSeed, now: number): Promise<boolean> {
  const { prisma } = database;
  if ((await prisma.component.count()) > 0 || (await prisma.businessService.count()) > 0) return false;
  await database.withConnection((connection) => connection.transaction((tx) => upsertHosts(tx, seed.hosts, now)));
  const [templates, hosts] = await Promise.all([
    prisma.hostTemplate.findMany({ select: { id: true, name: true } }),
    prisma.host.findMany({ select: { id: true, name: true } }),
  ]);
  const templateId = new Map(templates.map((template) => [template.name, template.id]));
  const hostId = new Map(hosts.map((host) => [host.name, host.id]));
  const idOf = (map: Map<string, number>, name: string, what: string) => {
    const id = map.get(name);
    if (id === undefined) throw new Error(`seed names an unknown ${what}: ${name}`);
    return id;
  };
  await prisma.$transaction(async (tx) => {
    const componentIds = new Map<string, number>();
    for (const component of seed.components) {
      const created = await tx.component.create({
        data: {
          name: component.name,
          hostTemplateId: idOf(templateId, component.hostTemplate, "host template"),
          requiredOnline: component.requiredOnline,
          hosts: { create: component.hosts.map((host, position) => ({ hostId: idOf(hostId, host, "host"), position })) },
        },
      });
      componentIds.set(component.name, created.id);
    }
    for (const service of seed.businessServices) {
      await tx.businessService.create({
        data: {
          name: service.name,
          components: {
            create: service.components.map((component, position) => ({ componentId: idOf(componentIds, component, "component"), position })),
          },
        },
      });
    }
  });
  return true;
}
