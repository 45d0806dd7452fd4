import type { PrismaClient } from "@prisma/client";
import { compareForSummary, type ServiceCounts, type ServiceState } from "../bsm";
import type { Access } from "../auth/access";
import { readStoredState } from "./bsm-object";

export interface BusinessServiceStatusView extends ServiceCounts {
  id: string;
  name: string;
  state: ServiceState;
  acknowledged: boolean;
  impacted: boolean;
}

interface ServiceStatusRow {
  id: number;
  name: string;
  state: string | null;
  acknowledged: boolean | null;
  impacted: boolean | null;
  components_total: number;
  components_failed: number;
  components_impacted: number;
  components_downtime: number;
  components_acknowledged: number;
}

/**
 * Every business service with its stored status and component counts, in Summary order
 * (problems first). Reads what the poller persisted, so any app instance can serve it.
 * With an access, only the services it may see. One query that counts in the database: the
 * Summary asks for this on every load and refresh, and 1,000 services have 5,000 components.
 */
export async function listBusinessServiceStatuses(prisma: PrismaClient, access?: Access): Promise<BusinessServiceStatusView[]> {
  const onlyIds = access ? access.visibleServiceIds() : null;
  if (onlyIds?.length === 0) return [];
  const rows = await prisma.$queryRaw<ServiceStatusRow[]>`
    SELECT service.id, service.name, own.state, own.acknowledged, own.impacted,
           count(membership."componentId")::int AS components_total,
           count(*) FILTER (WHERE component.state = 'FAILED')::int AS components_failed,
           count(*) FILTER (WHERE component.impacted)::int AS components_impacted,
           count(*) FILTER (WHERE component.state = 'DOWNTIME')::int AS components_downtime,
           count(*) FILTER (WHERE component.acknowledged)::int AS components_acknowledged
    FROM "BusinessService" service
    LEFT JOIN "BsmObjectStatus" own ON own."objectType" = 'BUSINESS_SERVICE' AND own."objectKey" = service.id::text
    LEFT JOIN "BusinessServiceComponent" membership ON membership."businessServiceId" = service.id
    LEFT JOIN "BsmObjectStatus" component ON component."objectType" = 'COMPONENT' AND component."objectKey" = membership."componentId"::text
    WHERE ${onlyIds === null} OR service.id = ANY(${onlyIds ?? []}::int[])
    GROUP BY service.id, own.state, own.acknowledged, own.impacted`;
  const views = rows.map(
    (row): BusinessServiceStatusView => ({
      id: String(row.id),
      name: row.name,
      state: readStoredState("BUSINESS_SERVICE", row.state),
      acknowledged: row.acknowledged ?? false,
      impacted: row.impacted ?? false,
      componentsTotal: row.components_total,
      componentsFailed: row.components_failed,
      componentsImpacted: row.components_impacted,
      componentsDowntime: row.components_downtime,
      componentsAcknowledged: row.components_acknowledged,
    }),
  );
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
