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
  // In bulk: a large seed (the benchmarks seed 1,000 components) would outlive an interactive
  // transaction's time limit one row at a time.
  await prisma.$transaction(
    async (tx) => {
      const components = await tx.component.createManyAndReturn({
        data: seed.components.map((component) => ({
          name: component.name,
          hostTemplateId: idOf(templateId, component.hostTemplate, "host template"),
          requiredOnline: component.requiredOnline,
        })),
        select: { id: true, name: true },
      });
      const componentIds = new Map(components.map((component) => [component.name, component.id]));
      await tx.componentHost.createMany({
        data: seed.components.flatMap((component) =>
          component.hosts.map((host, position) => ({
            componentId: idOf(componentIds, component.name, "component"),
            hostId: idOf(hostId, host, "host"),
            position,
          })),
        ),
      });
      const services = await tx.businessService.createManyAndReturn({
        data: seed.businessServices.map((service) => ({ name: service.name })),
        select: { id: true, name: true },
      });
      const serviceIds = new Map(services.map((service) => [service.name, service.id]));
      await tx.businessServiceComponent.createMany({
        data: seed.businessServices.flatMap((service) =>
          service.components.map((component, position) => ({
            businessServiceId: idOf(serviceIds, service.name, "business service"),
            componentId: idOf(componentIds, component, "component"),
            position,
          })),
        ),
      });
    },
    { timeout: 60_000 },
  );
  return true;
}
