import type { PrismaClient } from "@prisma/client";
import { compareForSummary, type ServiceState } from "../bsm";
import type { Access } from "../auth/access";

export interface BusinessServiceStatusView {
  id: string;
  name: string;
  state: ServiceState;
  acknowledged: boolean;
  impacted: boolean;
  componentsTotal: number;
  componentsFailed: number;
  componentsImpacted: number;
  componentsDowntime: number;
  componentsAcknowledged: number;
}

const SERVICE_STATES: readonly ServiceState[] = ["OPERATIONAL", "OFFLINE", "DOWNTIME"];

function asServiceState(value: string | undefined): ServiceState {
  return SERVICE_STATES.includes(value as ServiceState) ? (value as ServiceState) : "OPERATIONAL";
}

/**
 * Every business service with its stored status and component counts, in Summary order
 * (problems first). Reads what the poller persisted, so any app instance can serve it.
 * With an access, only the services it may see.
 */
export async function listBusinessServiceStatuses(prisma: PrismaClient, access?: Access): Promise<BusinessServiceStatusView[]> {
  const [services, statuses] = await Promise.all([
    prisma.businessService.findMany({
      where: access ? { id: { in: access.visibleServiceIds() } } : undefined,
      select: { id: true, name: true, components: { select: { componentId: true } } },
    }),
    prisma.bsmObjectStatus.findMany({ where: { objectType: { in: ["BUSINESS_SERVICE", "COMPONENT"] } } }),
  ]);
  const statusOf = new Map(statuses.map((status) => [`${status.objectType}:${status.objectKey}`, status]));
  const views = services.map((service): BusinessServiceStatusView => {
    const own = statusOf.get(`BUSINESS_SERVICE:${service.id}`);
    const components = service.components.map((membership) => statusOf.get(`COMPONENT:${membership.componentId}`));
    const count = (predicate: (component: (typeof components)[number]) => boolean) => components.filter(predicate).length;
    return {
      id: String(service.id),
      name: service.name,
      state: asServiceState(own?.state),
      acknowledged: own?.acknowledged ?? false,
      impacted: own?.impacted ?? false,
      componentsTotal: components.length,
      componentsFailed: count((component) => component?.state === "FAILED"),
      componentsImpacted: count((component) => component?.impacted === true),
      componentsDowntime: count((component) => component?.state === "DOWNTIME"),
      componentsAcknowledged: count((component) => component?.acknowledged === true),
    };
  });
  return views.sort(compareForSummary);
}

/** A business service in the shape of Opsview's /rest/status/bsmservice. */
export interface BsmServiceResource {
  id: string;
  name: string;
  status: ServiceState;
  acknowledged: 0 | 1;
  impacted: 0 | 1;
  components_total: number;
  components_failed: number;
  components_acknowledged: number;
  components_impacted: number;
  components_downtime: number;
}

export function toBsmServiceResource(service: BusinessServiceStatusView): BsmServiceResource {
  return {
    id: service.id,
    name: service.name,
    status: service.state,
    acknowledged: service.acknowledged ? 1 : 0,
    impacted: service.impacted ? 1 : 0,
    components_total: service.componentsTotal,
    components_failed: service.componentsFailed,
    components_acknowledged: service.componentsAcknowledged,
    components_impacted: service.componentsImpacted,
    components_downtime: service.componentsDowntime,
  };
}
