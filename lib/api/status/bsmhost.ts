import type { PrismaClient } from "@prisma/client";
import type { Access } from "../../auth/access";
import { HOST_STATES, type HostState } from "../../bsm";
import { ForbiddenError, NotFoundError } from "../../errors/app-error";
import { loadAvailability } from "../../status/availability";
import { loadStoredStatuses } from "../../status/stored-statuses";
import { loadStaleSince } from "../../status/get-poller-status";
import { applyListQuery, type ListQuery, type Page } from "../list-query";

/** The statuses the list may be filtered by. */
export const HOST_STATUSES = HOST_STATES;

/** A host as one component sees it (only the checks its host template contributes). */
export interface BsmHostResource {
  id: string;
  name: string;
  status: HostState;
  availability: number;
  acknowledged: 0 | 1;
  services_total: number;
  services_critical: number;
  services_downtime: number;
  services_acknowledged: number;
}

/**
 * /api/status/bsmhost?cid=: the hosts of one component the caller may see, in configured order;
 * refused for a component seen only top down, whose hosts the Service view does not show either.
 */
export async function listBsmHostResources(prisma: PrismaClient, access: Access, componentId: number, query: ListQuery, now: number): Promise<Page<BsmHostResource>> {
  if (!access.canSeeComponent(componentId)) throw new NotFoundError(`no component with id ${componentId}`);
  if (!access.canSeeComponentHosts(componentId)) throw new ForbiddenError("You do not have access to the hosts of this component");
  const component = await prisma.component.findUnique({
    where: { id: componentId },
    select: {
      hostTemplate: { select: { name: true } },
      hosts: {
        orderBy: { position: "asc" },
        select: { host: { select: { id: true, name: true, serviceChecks: { select: { state: true, acknowledged: true, inDowntime: true, contributingTemplates: true } } } } },
      },
    },
  });
  if (!component) throw new NotFoundError(`no component with id ${componentId}`);
  const [statuses, report, staleSince] = await Promise.all([
    loadStoredStatuses(prisma, { componentIds: [componentId] }),
    loadAvailability(prisma, { now, scope: { componentIds: [String(componentId)] } }),
    loadStaleSince(prisma),
  ]);
  const availability = new Map(report.componentHosts.map((figures) => [figures.host, figures.availability]));
  const resources = component.hosts.map(({ host }): BsmHostResource => {
    const own = statuses.componentHost(componentId, host.name);
    const checks = host.serviceChecks.filter((check) => check.contributingTemplates.includes(component.hostTemplate.name));
    const critical = checks.filter((check) => check.state === "CRITICAL");
    return {
      id: String(host.id),
      name: host.name,
      status: own.state,
      availability: availability.get(host.name) ?? 100,
      acknowledged: own.acknowledged ? 1 : 0,
      services_total: checks.length,
      services_critical: critical.length,
      services_downtime: critical.filter((check) => check.inDowntime).length,
      services_acknowledged: critical.filter((check) => check.acknowledged).length,
    };
  });
  return applyListQuery(resources, query, staleSince);
}
