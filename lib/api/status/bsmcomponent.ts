import type { PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { computeComponentStatus, HOST_STATES, type ComponentState } from "../../bsm";
import { loadAvailability } from "../../status/availability";
import { loadStoredStatuses } from "../../status/stored-statuses";
import { loadStaleSince } from "../../status/get-poller-status";
import { applyListQuery, type ListQuery, type Page } from "../list-query";

/** The statuses the list may be filtered by. */
export const COMPONENT_STATUSES = HOST_STATES;

/** A component in the shape of Opsview's /rest/status/bsmcomponent. */
export interface BsmComponentResource {
  id: string;
  name: string;
  status: ComponentState;
  availability: number;
  acknowledged: 0 | 1;
  impacted: 0 | 1;
  hosts_total: number;
  hosts_failed: number;
  hosts_acknowledged: number;
  hosts_downtime: number;
  hosts_required_online: number;
  operational_zone_percent: number;
  /** How many more hosts may fail before the component fails: operational hosts beyond those required online. */
  resiliency: number;
  htname: string;
  htid: string;
}

/** /api/status/bsmcomponent: the components the caller may see, problems first. */
export async function listBsmComponentResources(prisma: PrismaClient, access: Access, query: ListQuery, now: number): Promise<Page<BsmComponentResource>> {
  const componentIds = access.visibleComponentIds();
  const [components, statuses, staleSince] = await Promise.all([
    prisma.component.findMany({
      where: { id: { in: componentIds } },
      select: { id: true, name: true, requiredOnline: true, hostTemplate: { select: { id: true, name: true } }, hosts: { select: { host: { select: { name: true } } } } },
    }),
    loadStoredStatuses(prisma, { componentIds }),
    loadStaleSince(prisma),
  ]);
  const resources = components.map((component): Omit<BsmComponentResource, "availability"> => {
    const own = statuses.component(component.id);
    const counts = computeComponentStatus(
      component.hosts.map((link) => statuses.componentHost(component.id, link.host.name)),
      component.requiredOnline,
    );
    return {
      id: String(component.id),
      name: component.name,
      status: own.state,
      acknowledged: own.acknowledged ? 1 : 0,
      impacted: own.impacted ? 1 : 0,
      hosts_total: counts.hostsTotal,
      hosts_failed: counts.hostsFailed,
      hosts_acknowledged: counts.hostsAcknowledged,
      hosts_downtime: counts.hostsDowntime,
      hosts_required_online: counts.requiredOnline,
      operational_zone_percent: counts.operationalZonePercent,
      resiliency: Math.max(0, counts.hostsOperational - counts.requiredOnline),
      htname: component.hostTemplate.name,
      htid: String(component.hostTemplate.id),
    };
  });
  resources.sort((a, b) => problemRank(a) - problemRank(b) || a.name.localeCompare(b.name));
  const page = applyListQuery(resources, query, staleSince);
  // Availability only for the page asked for: it is computed from history.
  const report = await loadAvailability(prisma, { now, scope: { componentIds: page.list.map((resource) => resource.id) } });
  const availability = new Map(report.components.map((figures) => [figures.id, figures.availability]));
  return { ...page, list: page.list.map((resource) => ({ ...resource, availability: availability.get(resource.id) ?? 100 })) };
}

/** Problems first, as in the Component view: unhandled failures, handled ones, downtime, impacted, fine. */
function problemRank(resource: Omit<BsmComponentResource, "availability">): number {
  if (resource.status === "FAILED") return resource.acknowledged ? 1 : 0;
  if (resource.status === "DOWNTIME") return 2;
  return resource.impacted ? 3 : 4;
}
