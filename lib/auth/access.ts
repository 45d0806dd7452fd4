// Who may see and change what (docs/access-rules.md). Pure: given a user's grants and
// the estate's shape it answers every permission question. Pages, server actions, route handlers,
// the event stream and notifications all ask through an Access; nothing filters only in the browser.

import { ForbiddenError } from "../errors/app-error";

export interface Grants {
  isAdmin: boolean;
  bsmAccess: boolean;
  viewAll: boolean;
  allBusinessServices: boolean;
  grantServicesOfComponents: boolean;
  configureBsm: boolean;
  configureBsmComponents: boolean;
  /** ACTIONBSM: acknowledge and schedule downtime through the monitoring source, on hosts and checks the user may see. */
  actionBsm: boolean;
  hostGroups: readonly string[];
  keywords: readonly string[];
  /**
   * The host group/service group intersection: on a host seen through a host group, a check is
   * visible when allServiceGroups is on or one of its service groups is among serviceGroups.
   */
  allServiceGroups: boolean;
  serviceGroups: readonly string[];
  /** Top down: business services chosen by id, and whether each may be edited. */
  businessServices: ReadonlyMap<number, { canEdit: boolean }>;
}

/** The grants a role row holds as columns (the rest come from the user and the role's service list). */
export type RoleGrants = Omit<Grants, "isAdmin" | "businessServices">;

/** Only the grant columns of a role row: what access and the role editor both read. */
export function roleGrantsOf<Role extends RoleGrants>(role: Role): Pick<Role, keyof RoleGrants> {
  const { bsmAccess, viewAll, allBusinessServices, grantServicesOfComponents, configureBsm, configureBsmComponents, actionBsm, hostGroups, keywords, allServiceGroups, serviceGroups } =
    role;
  return { bsmAccess, viewAll, allBusinessServices, grantServicesOfComponents, configureBsm, configureBsmComponents, actionBsm, hostGroups, keywords, allServiceGroups, serviceGroups };
}

/** What access needs to know about a host. */
export interface AccessHost {
  hostGroups: readonly string[];
  keywords: readonly string[];
  /**
   * The service groups of each of the host's checks (each distinct list once is enough; a loader may
   * give A_HIDDEN_CHECK for a host with a check the grants hide, and leave out the checks that change
   * nothing). Needed only when checksDecideVisibility(grants); absent, the host counts as having no checks.
   */
  checkServiceGroups?: readonly (readonly string[])[];
}

/** A host's checkServiceGroups when all that matters is that one of its checks has no granted service group. */
export const A_HIDDEN_CHECK: readonly (readonly string[])[] = [[]];

/** Only what access needs to know about the estate. */
export interface AccessEstate {
  hosts: ReadonlyMap<string, AccessHost>;
  /** Component id → names of its hosts. */
  componentHosts: ReadonlyMap<number, readonly string[]>;
  /** Business service id → its component ids. */
  serviceComponents: ReadonlyMap<number, readonly number[]>;
}

export type Capability = "bsm" | "configureBsm" | "configureBsmComponents" | "actionBsm" | "administer";

export interface Access {
  readonly grants: Grants;
  has(capability: Capability): boolean;
  canSeeHost(name: string): boolean;
  canSeeComponent(componentId: number): boolean;
  /**
   * Bottom up only: the user may see every check of every host of the component (VIEWALL, host
   * group/service group intersection, keywords).
   * Configuration uses it: the Components drawer, "Unavailable" figures, and what may be (re-)added.
   */
  canSeeComponentHosts(componentId: number): boolean;
  canSeeService(serviceId: number): boolean;
  /** Editing is top down only: CONFIGUREBSM and the service ticked as editable (admins edit all). */
  canEditService(serviceId: number): boolean;
  visibleServiceIds(): number[];
  visibleComponentIds(): number[];
}

export const NO_GRANTS: Grants = {
  isAdmin: false,
  bsmAccess: false,
  viewAll: false,
  allBusinessServices: false,
  grantServicesOfComponents: false,
  configureBsm: false,
  configureBsmComponents: false,
  actionBsm: false,
  hostGroups: [],
  keywords: [],
  allServiceGroups: true,
  serviceGroups: [],
  businessServices: new Map(),
};

/** Whether the service groups of a host's checks can change what these grants show (so they must be loaded). */
export function checksDecideVisibility(grants: Grants): boolean {
  return !grants.isAdmin && grants.bsmAccess && !grants.viewAll && !grants.allServiceGroups && grants.hostGroups.length > 0;
}

/**
 * Whether the grants show one service check, given its host's groups and keywords: VIEWALL, a keyword
 * of its host, or a host group of its host together with (all service groups or) one of its service groups.
 */
export function checkVisibility(grants: Grants): (host: AccessHost, checkServiceGroups: readonly string[]) => boolean {
  const hostGroups = new Set(grants.hostGroups);
  const keywords = new Set(grants.keywords);
  const serviceGroups = new Set(grants.serviceGroups);
  if (!grants.isAdmin && !grants.bsmAccess) return () => false;
  if (grants.isAdmin || grants.viewAll) return () => true;
  return (host, checkServiceGroups) =>
    host.keywords.some((keyword) => keywords.has(keyword)) ||
    (host.hostGroups.some((group) => hostGroups.has(group)) &&
      (grants.allServiceGroups || checkServiceGroups.some((group) => serviceGroups.has(group))));
}

/**
 * Whether the grants show a host: every one of its checks is visible (a host without checks, by
 * its host groups or keywords alone). Also for hosts that belong to no component yet (the component
 * editor's host list), which an AccessEstate does not hold.
 */
export function hostVisibility(grants: Grants): (host: AccessHost) => boolean {
  const checkVisible = checkVisibility(grants);
  // A host with no checks has no service groups to judge: its host groups and keywords decide.
  const visibleWithoutChecks = checkVisibility({ ...grants, allServiceGroups: true });
  return (host) => {
    const checks = host.checkServiceGroups ?? [];
    if (checks.length === 0) return visibleWithoutChecks(host, []);
    return checks.every((serviceGroups) => checkVisible(host, serviceGroups));
  };
}

export function createAccess(grants: Grants, estate: AccessEstate): Access {
  const everything = grants.isAdmin;
  const bsm = everything || grants.bsmAccess;
  const hostVisibleByGrants = hostVisibility(grants);

  const hostVisible = new Map<string, boolean>();
  const canSeeHost = (name: string): boolean => {
    if (!bsm) return false;
    if (everything || grants.viewAll) return true;
    let visible = hostVisible.get(name);
    if (visible === undefined) {
      const host = estate.hosts.get(name);
      visible = host !== undefined && hostVisibleByGrants(host);
      hostVisible.set(name, visible);
    }
    return visible;
  };

  // Bottom up: a component is visible only when every one of its hosts is.
  const seenBottomUp = (componentId: number): boolean => {
    const hosts = estate.componentHosts.get(componentId);
    return hosts !== undefined && hosts.every(canSeeHost);
  };

  const topDownService = (serviceId: number): boolean =>
    everything || grants.allBusinessServices || grants.businessServices.has(serviceId);

  const canSeeService = (serviceId: number): boolean => {
    if (!bsm || !estate.serviceComponents.has(serviceId)) return false;
    if (topDownService(serviceId)) return true;
    return grants.grantServicesOfComponents && (estate.serviceComponents.get(serviceId) ?? []).some(seenBottomUp);
  };

  // Access to a business service (top down) shows all of its components.
  const componentsOfTopDownServices = new Set<number>();
  for (const [serviceId, components] of estate.serviceComponents) {
    if (topDownService(serviceId)) for (const id of components) componentsOfTopDownServices.add(id);
  }

  const canSeeComponent = (componentId: number): boolean =>
    bsm && estate.componentHosts.has(componentId) && (everything || componentsOfTopDownServices.has(componentId) || seenBottomUp(componentId));

  return {
    grants,
    has(capability) {
      switch (capability) {
        case "bsm":
          return bsm;
        case "administer":
          return everything;
        case "configureBsm":
          return everything || (bsm && grants.configureBsm);
        case "configureBsmComponents":
          return everything || (bsm && grants.configureBsmComponents);
        case "actionBsm":
          return everything || (bsm && grants.actionBsm);
      }
    },
    canSeeHost,
    canSeeComponent,
    canSeeComponentHosts: (componentId) => bsm && seenBottomUp(componentId),
    canSeeService,
    canEditService: (serviceId) =>
      everything || (bsm && grants.configureBsm && estate.serviceComponents.has(serviceId) && grants.businessServices.get(serviceId)?.canEdit === true),
    visibleServiceIds: () => [...estate.serviceComponents.keys()].filter(canSeeService),
    visibleComponentIds: () => [...estate.componentHosts.keys()].filter(canSeeComponent),
  };
}

export function requireCapability(access: Access, capability: Capability): void {
  if (!access.has(capability)) throw new ForbiddenError(`This needs the ${CAPABILITY_LABELS[capability]} permission`);
}

export const CAPABILITY_LABELS: Record<Capability, string> = {
  bsm: "BSM access",
  configureBsm: "CONFIGUREBSM",
  configureBsmComponents: "CONFIGUREBSMCOMPONENTS",
  actionBsm: "ACTIONBSM",
  administer: "administrator",
};
