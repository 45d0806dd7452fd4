import { Prisma, type PrismaClient } from "@prisma/client";
import { effectiveRequiredOnline, type BsmConfig } from "../bsm";
import { readRows } from "../db/direct-read";
import type { SqlConnection } from "../db/sql";
import { READ_CONFIGURATION_VERSION } from "../db/configuration-version";
import { idsOfKeys } from "../status/bsm-object";

/** Only these business services and components (ids as in the engine: strings); components of the services are included. */
export interface ConfigScope {
  businessServiceIds?: readonly string[];
  componentIds?: readonly string[];
}

/**
 * The configured components and business services (all, or those of `scope`), as the engine wants them
 * (ids as strings), each list in position order. Two statements that aggregate the memberships: the
 * poller loads this on every start and configuration change, and row-per-membership reads cost several
 * times as much.
 */
export async function loadBsmConfig(prisma: PrismaClient, scope?: ConfigScope): Promise<BsmConfig> {
  const serviceIds = idsOfKeys(scope?.businessServiceIds ?? []);
  const componentIds = idsOfKeys(scope?.componentIds ?? []);
  const [serviceWhere, componentWhere] =
    scope === undefined
      ? [Prisma.empty, Prisma.empty]
      : [
          Prisma.sql`WHERE s.id = ANY(${serviceIds}::int[])`,
          Prisma.sql`WHERE c.id = ANY(${componentIds}::int[])
            OR c.id IN (SELECT "componentId" FROM "BusinessServiceComponent" WHERE "businessServiceId" = ANY(${serviceIds}::int[]))`,
        ];
  const [components, businessServices] = await Promise.all([
    readRows<{ id: number; name: string; requiredOnline: number; createdAt: Date; hostTemplate: string; hosts: string[] }>(prisma, Prisma.sql`
      SELECT c.id, c.name, c."requiredOnline", c."createdAt", ht.name AS "hostTemplate",
        COALESCE((SELECT array_agg(h.name ORDER BY ch.position) FROM "ComponentHost" ch JOIN "Host" h ON h.id = ch."hostId"
          WHERE ch."componentId" = c.id), '{}') AS hosts
      FROM "Component" c JOIN "HostTemplate" ht ON ht.id = c."hostTemplateId"
      ${componentWhere}
      ORDER BY c.id`),
    readRows<{ id: number; name: string; createdAt: Date; components: number[] }>(prisma, Prisma.sql`
      SELECT s.id, s.name, s."createdAt",
        COALESCE((SELECT array_agg(m."componentId" ORDER BY m.position) FROM "BusinessServiceComponent" m
          WHERE m."businessServiceId" = s.id), '{}') AS components
      FROM "BusinessService" s
      ${serviceWhere}
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
