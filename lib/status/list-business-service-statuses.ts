import { Prisma, type PrismaClient } from "@prisma/client";
import { compareForSummary, type ServiceCounts, type ServiceState } from "../bsm";
import type { Access } from "../auth/access";
import { readRows } from "../db/direct-read";
import { FULL_AVAILABILITY, isoTimeOf, readServiceCounts, readStoredFlags } from "./stored-statuses";

export interface BusinessServiceStatusView extends ServiceCounts {
  id: string;
  name: string;
  state: ServiceState;
  acknowledged: boolean;
  impacted: boolean;
  /** When the service entered its state (ISO time, BsmObjectStatus.changedAt); null until the poller has stored it. */
  stateSince: string | null;
}

interface ServiceStatusRow {
  id: number;
  name: string;
  state: string | null;
  acknowledged: boolean | null;
  impacted: boolean | null;
  changed_at: Date | null;
  counts: unknown;
  availability: number | null;
  components_total: number | null;
  components_failed: number | null;
  components_impacted: number | null;
  components_downtime: number | null;
  components_acknowledged: number | null;
}

/** A business service's stored status and counts with its stored 24-hour availability. */
export interface BusinessServiceFigures {
  status: BusinessServiceStatusView;
  availability: number;
}

/**
 * Every business service with its stored status and component counts, in Summary order
 * (problems first). Reads what the poller persisted, so any app instance can serve it.
 * With an access, only the services it may see.
 */
export async function listBusinessServiceStatuses(prisma: PrismaClient, access?: Access): Promise<BusinessServiceStatusView[]> {
  return (await listBusinessServiceFigures(prisma, access)).map((service) => service.status);
}

/**
 * listBusinessServiceStatuses with each service's stored availability, in one query. The counts
 * are the stored ones; only until the poller has stored them are they counted from the
 * components' stored statuses (the one-time filter skips that join for every service that has them).
 */
export async function listBusinessServiceFigures(prisma: PrismaClient, access?: Access): Promise<BusinessServiceFigures[]> {
  const onlyIds = access ? access.visibleServiceIds() : null;
  if (onlyIds?.length === 0) return [];
  const rows = await readRows<ServiceStatusRow>(
    prisma,
    Prisma.sql`
    SELECT service.id, service.name, own.state::text AS state, own.acknowledged, own.impacted, own."changedAt" AS changed_at, own.counts, own.availability,
           counted.components_total, counted.components_failed, counted.components_impacted, counted.components_downtime, counted.components_acknowledged
    FROM "BusinessService" service
    LEFT JOIN "BsmObjectStatus" own ON own."objectType" = 'BUSINESS_SERVICE' AND own."objectKey" = service.id::text
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS components_total,
             count(*) FILTER (WHERE component.state = 'FAILED')::int AS components_failed,
             count(*) FILTER (WHERE component.impacted)::int AS components_impacted,
             count(*) FILTER (WHERE component.state = 'DOWNTIME')::int AS components_downtime,
             count(*) FILTER (WHERE component.acknowledged)::int AS components_acknowledged
      FROM "BusinessServiceComponent" membership
      LEFT JOIN "BsmObjectStatus" component ON component."objectType" = 'COMPONENT' AND component."objectKey" = membership."componentId"::text
      WHERE membership."businessServiceId" = service.id AND own.counts IS NULL
    ) counted ON true
    WHERE ${onlyIds === null} OR service.id = ANY(${onlyIds ?? []}::int[])`,
  );
  const services = rows.map((row): BusinessServiceFigures => {
    const counts = readServiceCounts(row.counts) ?? {
      componentsTotal: row.components_total ?? 0,
      componentsFailed: row.components_failed ?? 0,
      componentsImpacted: row.components_impacted ?? 0,
      componentsDowntime: row.components_downtime ?? 0,
      componentsAcknowledged: row.components_acknowledged ?? 0,
    };
    return {
      status: { id: String(row.id), name: row.name, ...readStoredFlags("BUSINESS_SERVICE", row), stateSince: isoTimeOf(row.changed_at), ...counts },
      availability: row.availability ?? FULL_AVAILABILITY.availability,
    };
  });
  return services.sort((a, b) => compareForSummary(a.status, b.status));
}

/** A business service in the shape of Opsview's /rest/status/bsmservice. */
export interface BsmServiceResource {
  id: string;
  name: string;
  status: ServiceState;
  acknowledged: 0 | 1;
  impacted: 0 | 1;
  /** When the service entered its status (ISO); null until the poller has stored it. */
  status_since: string | null;
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
    status_since: service.stateSince,
    components_total: service.componentsTotal,
    components_failed: service.componentsFailed,
    components_acknowledged: service.componentsAcknowledged,
    components_impacted: service.componentsImpacted,
    components_downtime: service.componentsDowntime,
  };
}
