import type { PrismaClient } from "@prisma/client";
import { effectiveRequiredOnline, type BsmConfig } from "../bsm";
import type { SqlConnection } from "../db/sql";
import { READ_CONFIGURATION_VERSION } from "../db/configuration-version";

/** The configured components and business services, as the engine wants them (ids as strings). */
export async function loadBsmConfig(prisma: PrismaClient): Promise<BsmConfig> {
  const [components, businessServices] = await Promise.all([
    prisma.component.findMany({
      select: {
        id: true,
        name: true,
        requiredOnline: true,
        createdAt: true,
        hostTemplate: { select: { name: true } },
        hosts: { orderBy: { position: "asc" }, select: { host: { select: { name: true } } } },
      },
    }),
    prisma.businessService.findMany({
      select: {
        id: true,
        name: true,
        createdAt: true,
        components: { orderBy: { position: "asc" }, select: { componentId: true } },
      },
    }),
  ]);
  return {
    components: components.map((component) => ({
      id: String(component.id),
      name: component.name,
      hostTemplate: component.hostTemplate.name,
      hosts: component.hosts.map((membership) => membership.host.name),
      requiredOnline: effectiveRequiredOnline(component.requiredOnline, component.hosts.length),
      createdAt: component.createdAt.getTime(),
    })),
    businessServices: businessServices.map((service) => ({
      id: String(service.id),
      name: service.name,
      components: service.components.map((membership) => String(membership.componentId)),
      createdAt: service.createdAt.getTime(),
    })),
  };
}

/** Moves whenever components, services or their memberships change, so the poller can reload. */
export async function readConfigurationVersion(connection: SqlConnection): Promise<string> {
  const [row] = await connection.query<{ version: string }>(READ_CONFIGURATION_VERSION);
  return row.version;
}
