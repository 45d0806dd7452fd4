import { Prisma, type PrismaClient } from "@prisma/client";
import { READ_CONFIGURATION_VERSION } from "../db/configuration-version";
import { readRows } from "../db/direct-read";
import { A_HIDDEN_CHECK, checksDecideVisibility, createAccess, hostVisibility, NO_GRANTS, type Access, type AccessEstate, type AccessHost, type Grants } from "./access";
import type { SessionUser } from "./session-user";

interface UserGrantsRow {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  sessionVersion: number;
  roleId: number | null;
  bsmAccess: boolean | null;
  viewAll: boolean | null;
  allBusinessServices: boolean | null;
  grantServicesOfComponents: boolean | null;
  configureBsm: boolean | null;
  configureBsmComponents: boolean | null;
  actionBsm: boolean | null;
  hostGroups: string[] | null;
  keywords: string[] | null;
  allServiceGroups: boolean | null;
  serviceGroups: string[] | null;
  businessServices: { businessServiceId: number; canEdit: boolean }[];
  configurationVersion: string;
}

/** A user as a request needs them: who they are, their session version and their grants. */
export interface UserGrants {
  user: SessionUser & { sessionVersion: number };
  grants: Grants;
  /** The configuration version read in the same query (loadEstateShape). */
  configurationVersion: string;
}

/** The user, their role's grants and the configuration version in one query (every request starts here); null when the user is gone. */
export async function readUserGrants(prisma: PrismaClient, userId: string): Promise<UserGrants | null> {
  const [row] = await readRows<UserGrantsRow>(
    prisma,
    Prisma.sql`
    SELECT u.id, u.email, u.name, u."isAdmin", u."sessionVersion", r.id AS "roleId",
           r."bsmAccess", r."viewAll", r."allBusinessServices", r."grantServicesOfComponents", r."configureBsm", r."configureBsmComponents", r."actionBsm",
           r."hostGroups", r.keywords, r."allServiceGroups", r."serviceGroups",
           COALESCE((SELECT json_agg(json_build_object('businessServiceId', s."businessServiceId", 'canEdit', s."canEdit"))
                     FROM "RoleBusinessService" s WHERE s."roleId" = r.id), '[]'::json) AS "businessServices",
           (SELECT "version"::text FROM "ConfigurationVersion" WHERE "id" = 1) AS "configurationVersion"
    FROM "User" u LEFT JOIN "Role" r ON r.id = u."roleId"
    WHERE u.id = ${userId}`,
  );
  if (row === undefined) return null;
  const user = { id: row.id, email: row.email, name: row.name, isAdmin: row.isAdmin, sessionVersion: row.sessionVersion };
  if (row.roleId === null) return { user, grants: { ...NO_GRANTS, isAdmin: row.isAdmin }, configurationVersion: row.configurationVersion };
  const grants: Grants = {
    isAdmin: row.isAdmin,
    bsmAccess: row.bsmAccess ?? false,
    viewAll: row.viewAll ?? false,
    allBusinessServices: row.allBusinessServices ?? false,
    grantServicesOfComponents: row.grantServicesOfComponents ?? false,
    configureBsm: row.configureBsm ?? false,
    configureBsmComponents: row.configureBsmComponents ?? false,
    actionBsm: row.actionBsm ?? false,
    hostGroups: row.hostGroups ?? [],
    keywords: row.keywords ?? [],
    allServiceGroups: row.allServiceGroups ?? false,
    serviceGroups: row.serviceGroups ?? [],
    businessServices: new Map(row.businessServices.map((service) => [service.businessServiceId, { canEdit: service.canEdit }])),
  };
  return { user, grants, configurationVersion: row.configurationVersion };
}

/** The user's grants from their role; a user without a role (and not admin) has none. */
export async function loadGrants(prisma: PrismaClient, userId: string): Promise<Grants> {
  return (await readUserGrants(prisma, userId))?.grants ?? NO_GRANTS;
}

/**
 * The hosts, by name, with a check that these grants (checksDecideVisibility) hide: a host seen through
 * a granted host group, with a check that has none of the granted service groups. On any other host
 * the checks change nothing (all shown, or the host is seen through a keyword or not at all), so only
 * these names are read: reading every host's distinct service-group lists took 30-100 ms at 5,000
 * hosts on each request of such a user.
 */
export async function loadHostsWithHiddenChecks(
  prisma: PrismaClient | Prisma.TransactionClient,
  grants: Grants,
  hosts: { inComponents: true } | { ids: readonly number[] },
): Promise<Set<string>> {
  const where =
    "inComponents" in hosts
      ? Prisma.sql`h.id IN (SELECT "hostId" FROM "ComponentHost")`
      : Prisma.sql`h.id = ANY(${[...hosts.ids]}::int[])`;
  const rows = await readRows<{ name: string }>(
    prisma,
    Prisma.sql`
    SELECT DISTINCT h.name
    FROM "ServiceCheck" c JOIN "Host" h ON h.id = c."hostId"
    WHERE ${where} AND h."hostGroups" && ${[...grants.hostGroups]}::text[]
      AND NOT (COALESCE(c."serviceGroups", '{}') && ${[...grants.serviceGroups]}::text[])`,
  );
  return new Set(rows.map((row) => row.name));
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
  const hostsWithHiddenChecks = checksDecideVisibility(grants) ? await loadHostsWithHiddenChecks(prisma, grants, { ids: hostIds }) : null;
  return (host) => visible({ ...host, checkServiceGroups: hostsWithHiddenChecks?.has(host.name) ? A_HIDDEN_CHECK : undefined });
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
async function loadEstateShape(prisma: PrismaClient, knownVersion?: string): Promise<EstateShape> {
  const version = knownVersion ?? (await prisma.$queryRawUnsafe<{ version: string }[]>(READ_CONFIGURATION_VERSION))[0].version;
  const cached = shapes.get(prisma);
  if (cached?.version === version) return cached.shape;
  const shape = readEstateShape(prisma);
  shapes.set(prisma, { version, shape });
  shape.catch(() => {
    if (shapes.get(prisma)?.shape === shape) shapes.delete(prisma);
  });
  return shape;
}

/**
 * The hosts of components that these grants can show, by name, each with only the host groups and keywords
 * the grants name: visibility asks whether a host has one of them (hostVisibility), so the rest of
 * its lists and the hosts that have none of them (never visible) are left in the database. A
 * restricted user's every request needs this. It is read as one row per granted group or keyword
 * with its hosts: cutting each host's lists down in SQL (a subquery per host) took twice as long.
 */
async function loadGrantedHosts(prisma: PrismaClient, grants: Grants): Promise<Map<string, AccessHost & { hostGroups: string[]; keywords: string[] }>> {
  const hosts = new Map<string, AccessHost & { hostGroups: string[]; keywords: string[] }>();
  if (grants.hostGroups.length === 0 && grants.keywords.length === 0) return hosts;
  const rows = await readRows<{ keyword: boolean; name: string; hosts: string[] }>(
    prisma,
    Prisma.sql`
    SELECT false AS keyword, g AS name, array_agg(h.name) AS hosts
    FROM "Host" h JOIN unnest(${[...grants.hostGroups]}::text[]) g ON g = ANY(h."hostGroups")
    WHERE h.id IN (SELECT "hostId" FROM "ComponentHost")
    GROUP BY g
    UNION ALL
    SELECT true, k, array_agg(h.name)
    FROM "Host" h JOIN unnest(${[...grants.keywords]}::text[]) k ON k = ANY(h.keywords)
    WHERE h.id IN (SELECT "hostId" FROM "ComponentHost")
    GROUP BY k`,
  );
  for (const row of rows) {
    for (const name of row.hosts) {
      let host = hosts.get(name);
      if (host === undefined) hosts.set(name, (host = { hostGroups: [], keywords: [] }));
      (row.keyword ? host.keywords : host.hostGroups).push(row.name);
    }
  }
  return hosts;
}

/**
 * The estate's shape; host groups, keywords and check service groups are read only when the grants depend on them
 * (and of hosts, only what they can decide: loadGrantedHosts).
 * configurationVersion: when the caller has just read it (readUserGrants), so it is not read again.
 */
export async function loadAccessEstate(prisma: PrismaClient, grants: Grants, configurationVersion?: string): Promise<AccessEstate> {
  const needsHosts = !grants.isAdmin && !grants.viewAll && grants.bsmAccess;
  const [shape, hosts, hostsWithHiddenChecks] = await Promise.all([
    loadEstateShape(prisma, configurationVersion),
    needsHosts ? loadGrantedHosts(prisma, grants) : Promise.resolve(new Map<string, AccessHost>()),
    checksDecideVisibility(grants) ? loadHostsWithHiddenChecks(prisma, grants, { inComponents: true }) : Promise.resolve([]),
  ]);
  for (const name of hostsWithHiddenChecks) {
    const host = hosts.get(name);
    if (host) host.checkServiceGroups = A_HIDDEN_CHECK;
  }
  return {
    hosts,
    componentHosts: shape.componentHosts,
    serviceComponents: shape.serviceComponents,
  };
}

export async function loadAccess(prisma: PrismaClient, userId: string): Promise<Access> {
  const found = await readUserGrants(prisma, userId);
  const grants = found?.grants ?? NO_GRANTS;
  return createAccess(grants, await loadAccessEstate(prisma, grants, found?.configurationVersion));
}

/** The user and what they may do, from one query while the estate's shape is unchanged; null when the user is gone. */
export async function loadUserAccess(prisma: PrismaClient, userId: string): Promise<{ user: UserGrants["user"]; access: Access } | null> {
  const found = await readUserGrants(prisma, userId);
  if (found === null) return null;
  return { user: found.user, access: createAccess(found.grants, await loadAccessEstate(prisma, found.grants, found.configurationVersion)) };
}
