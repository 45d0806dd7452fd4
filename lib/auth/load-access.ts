import type { PrismaClient } from "@prisma/client";
import { createAccess, NO_GRANTS, type Access, type AccessEstate, type Grants } from "./access";

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
    bsmAccess: role.bsmAccess,
    viewAll: role.viewAll,
    allBusinessServices: role.allBusinessServices,
    grantServicesOfComponents: role.grantServicesOfComponents,
    configureBsm: role.configureBsm,
    configureBsmComponents: role.configureBsmComponents,
    hostGroups: role.hostGroups,
    keywords: role.keywords,
    businessServices: new Map(role.businessServices.map((row) => [row.businessServiceId, { canEdit: row.canEdit }])),
  };
}

/** The estate's shape; host groups and keywords are read only when the grants depend on them. */
export async function loadAccessEstate(prisma: PrismaClient, grants: Grants): Promise<AccessEstate> {
  // With every host visible (administrator, VIEWALL) which hosts a component has cannot matter.
  const needsHosts = !grants.isAdmin && !grants.viewAll && grants.bsmAccess;
  const [memberships, serviceMemberships, components, services, hosts] = await Promise.all([
    needsHosts
      ? prisma.componentHost.findMany({ select: { componentId: true, position: true, host: { select: { name: true } } }, orderBy: { position: "asc" } })
      : Promise.resolve([]),
    prisma.businessServiceComponent.findMany({ select: { businessServiceId: true, componentId: true }, orderBy: { position: "asc" } }),
    prisma.component.findMany({ select: { id: true } }),
    prisma.businessService.findMany({ select: { id: true } }),
    needsHosts
      ? prisma.host.findMany({ where: { componentMemberships: { some: {} } }, select: { name: true, hostGroups: true, keywords: true } })
      : Promise.resolve([]),
  ]);
  const componentHosts = new Map<number, string[]>(components.map((component) => [component.id, []]));
  for (const membership of memberships) componentHosts.get(membership.componentId)?.push(membership.host.name);
  const serviceComponents = new Map<number, number[]>(services.map((service) => [service.id, []]));
  for (const membership of serviceMemberships) serviceComponents.get(membership.businessServiceId)?.push(membership.componentId);
  return {
    hosts: new Map(hosts.map((host) => [host.name, { hostGroups: host.hostGroups, keywords: host.keywords }])),
    componentHosts,
    serviceComponents,
  };
}

export async function loadAccess(prisma: PrismaClient, userId: string): Promise<Access> {
  const grants = await loadGrants(prisma, userId);
  return createAccess(grants, await loadAccessEstate(prisma, grants));
}
