import { Prisma, type PrismaClient } from "@prisma/client";
import { effectiveRequiredOnline, type BsmConfig } from "../bsm";
import type { SqlConnection } from "../db/sql";
import { READ_CONFIGURATION_VERSION } from "../db/configuration-version";

/**
 * The configured components and business services, as the engine wants them (ids as strings), each
 * list in position order. Two statements that aggregate the memberships: the poller loads this on
 * every start and configuration change, and row-per-membership reads cost several times as much.
 */
export async function loadBsmConfig(prisma: PrismaClient): Promise<BsmConfig> {
  const [components, businessServices] = await Promise.all([
    prisma.$queryRaw<{ id: number; name: string; requiredOnline: number; createdAt: Date; hostTemplate: string; hosts: string[] }[]>(Prisma.sql`
      SELECT c.id, c.name, c."requiredOnline", c."createdAt", ht.name AS "hostTemplate",
        COALESCE((SELECT array_agg(h.name ORDER BY ch.position) FROM "ComponentHost" ch JOIN "Host" h ON h.id = ch."hostId"
          WHERE ch."componentId" = c.id), '{}') AS hosts
      FROM "Component" c JOIN "HostTemplate" ht ON ht.id = c."hostTemplateId"
      ORDER BY c.id`),
    prisma.$queryRaw<{ id: number; name: string; createdAt: Date; components: number[] }[]>(Prisma.sql`
      SELECT s.id, s.name, s."createdAt",
        COALESCE((SELECT array_agg(m."componentId" ORDER BY m.position) FROM "BusinessServiceComponent" m
          WHERE m."businessServiceId" = s.id), '{}') AS components
      FROM "BusinessService" s
      ORDER BY s.id`),
  ]);
  return {
    components: components.map((component) => ({
      id: String(component.id),
      name: component.name,
      hostTemplate: component.hostTemplate,
      hosts: component.hosts,
      requiredOnline: effectiveRequiredOnline(component.requiredOnline, component.hosts.length),
      createdAt: component.createdAt.getTime(),
    })),
    businessServices: businessServices.map((service) => ({
      id: String(service.id),
      name: service.name,
      components: service.components.map(String),
      createdAt: service.createdAt.getTime(),
    })),
  };
}

/** Moves whenever components, services or their memberships change, so the poller can reload. */
export async function readConfigurationVersion(connection: SqlConnection): Promise<string> {
  const [row] = await connection.query<{ version: string }>(READ_CONFIGURATION_VERSION);
  return row.version;
}
