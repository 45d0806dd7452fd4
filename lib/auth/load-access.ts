import { Prisma, type PrismaClient } from "@prisma/client";
import { READ_CONFIGURATION_VERSION } from "../db/configuration-version";
import { checksDecideVisibility, createAccess, hostVisibility, NO_GRANTS, roleGrantsOf, type Access, type AccessEstate, type AccessHost, type Grants } from "./access";

/** The user's grants from their role; a user without a role (and not admin) has none. */
export async function loadGrants(prisma: PrismaClient, userId: string): Promise<Grants> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { isAdmin: true, role: { include: { businessServices: { select: { businessServiceId: true, canEdit: true } } } } },
  });
  if (!user) return NO_GRANTS;
  const role = user.role;
  if (!role) return { ...NO_GRANTS, isAdmin: user.isAdmin };
  return {
    isAdmin: user.isAdmin,
    ...roleGrantsOf(role),
    businessServices: new Map(role.businessServices.map((row) => [row.businessServiceId, { canEdit: row.canEdit }])),
  };
}

/**
 * The distinct service-group lists of the checks on each host, by host name: one short row per
 * (host, list) rather than one per check. Only for the hosts chosen by `hosts`.
 */
export async function loadCheckServiceGroups(
  prisma: PrismaClient | Prisma.TransactionClient,
  hosts: { inComponents: true } | { ids: readonly number[] },
): Promise<Map<string, string[][]>> {
  const where =
    "inComponents" in hosts
      ? Prisma.sql`h.id IN (SELECT "hostId" FROM "ComponentHost")`
      : Prisma.sql`h.id = ANY(${[...hosts.ids]}::int[])`;
  const rows = await prisma.$queryRaw<{ host: string; serviceGroups: string[] }[]>(Prisma.sql`
    SELECT DISTINCT h.name AS host, COALESCE(c."serviceGroups", '{}') AS "serviceGroups"
    FROM "ServiceCheck" c JOIN "Host" h ON h.id = c."hostId"
    WHERE ${where}`);
  const byHost = new Map<string, string[][]>();
  for (const row of rows) {
    const lists = byHost.get(row.host) ?? [];
    lists.push(row.serviceGroups);
    byHost.set(row.host, lists);
  }
  return byHost;
}

/**
 * hostVisibility for hosts an AccessEstate does not hold (those in no component yet), reading the
 * service groups of those hosts' checks only when the grants depend on them.
 */
export async function loadHostVisibility(
  prisma: PrismaClient | Prisma.TransactionClient,
  grants: Grants,
  hostIds: readonly number[],
): Promise<(host: Omit<AccessHost, "checkServiceGroups"> & { name: string }) => boolean> {
  const visible = hostVisibility(grants);
  const checkServiceGroups = checksDecideVisibility(grants) ? await loadCheckServiceGroups(prisma, { ids: hostIds }) : null;
  return (host) => visible({ ...host, checkServiceGroups: checkServiceGroups?.get(host.name) });
}

/** Which components each business service has and which hosts each component has, by id. */
interface EstateShape {
  componentHosts: Map<number, string[]>;
  serviceComponents: Map<number, number[]>;
}

async function readEstateShape(prisma: PrismaClient): Promise<EstateShape> {
  const [memberships, serviceMemberships, components, services] = await Promise.all([
    prisma.componentHost.findMany({ select: { componentId: true, position: true, host: { select: { name: true } } }, orderBy: { position: "asc" } }),
    prisma.businessServiceComponent.findMany({ select: { businessServiceId: true, componentId: true }, orderBy: { position: "asc" } }),
    prisma.component.findMany({ select: { id: true } }),
    prisma.businessService.findMany({ select: { id: true } }),
  ]);
  const componentHosts = new Map<number, string[]>(components.map((component) => [component.id, []]));
  for (const membership of memberships) componentHosts.get(membership.componentId)?.push(membership.host.name);
  const serviceComponents = new Map<number, number[]>(services.map((service) => [service.id, []]));
  for (const membership of serviceMemberships) serviceComponents.get(membership.businessServiceId)?.push(membership.componentId);
  return { componentHosts, serviceComponents };
}

const shapes = new WeakMap<PrismaClient, { version: string; shape: Promise<EstateShape> }>();

/**
 * The estate's shape, read again only when the database's configuration version has moved
 * (triggers raise it on any change to components, services or their memberships). Every page,
 * API call and live stream needs it, and reading 5,000 components' memberships took longer than
 * the rest of a Summary request. The version is read before the shape, so a change that lands
 * in between is at worst read early, never missed.
 */
async function loadEstateShape(prisma: PrismaClient): Promise<EstateShape> {
  const [{ version }] = await prisma.$queryRawUnsafe<{ version: string }[]>(READ_CONFIGURATION_VERSION);
  const cached = shapes.get(prisma);
  if (cached?.version === version) return cached.shape;
  const shape = readEstateShape(prisma);
  shapes.set(prisma, { version, shape });
  shape.catch(() => {
    if (shapes.get(prisma)?.shape === shape) shapes.delete(prisma);
  });
  return shape;
}

/** The estate's shape; host groups, keywords and check service groups are read only when the grants depend on them. */
export async function loadAccessEstate(prisma: PrismaClient, grants: Grants): Promise<AccessEstate> {
  const needsHosts = !grants.isAdmin && !grants.viewAll && grants.bsmAccess;
  const [shape, hosts, checkServiceGroups] = await Promise.all([
    loadEstateShape(prisma),
    needsHosts
      ? prisma.host.findMany({ where: { componentMemberships: { some: {} } }, select: { name: true, hostGroups: true, keywords: true } })
      : Promise.resolve([]),
    checksDecideVisibility(grants) ? loadCheckServiceGroups(prisma, { inComponents: true }) : Promise.resolve(null),
  ]);
  return {
    hosts: new Map(
      hosts.map((host): [string, AccessHost] => [
        host.name,
        { hostGroups: host.hostGroups, keywords: host.keywords, checkServiceGroups: checkServiceGroups?.get(host.name) ?? [] },
      ]),
    ),
    componentHosts: shape.componentHosts,
    serviceComponents: shape.serviceComponents,
  };
}

export async function loadAccess(prisma: PrismaClient, userId: string): Promise<Access> {
  const grants = await loadGrants(prisma, userId);
  return createAccess(grants, await loadAccessEstate(prisma, grants));
}
