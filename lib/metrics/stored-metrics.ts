import type { PrismaClient } from "@prisma/client";
import type { ComponentState, ServiceState } from "../bsm";
import { listBusinessServiceFigures } from "../status/list-business-service-statuses";
import { componentCountsOf, FULL_AVAILABILITY, loadComponentHostStatuses, readComponentCounts, readStoredFlags } from "../status/stored-statuses";

export interface ServiceMetrics {
  id: string;
  name: string;
  state: ServiceState;
  acknowledged: boolean;
  impacted: boolean;
  /** 24-hour availability as stored (percent). */
  availability: number;
  componentsTotal: number;
  componentsFailed: number;
  componentsDowntime: number;
}

export interface ComponentMetrics {
  id: string;
  name: string;
  state: ComponentState;
  acknowledged: boolean;
  impacted: boolean;
  availability: number;
  hostsTotal: number;
  hostsFailed: number;
  hostsDowntime: number;
}

export interface PollerMetrics {
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
  staleSince: Date | null;
}

/** What /metrics reports about the estate and the poller: the stored rows only, never recomputed. */
export interface StoredMetrics {
  services: ServiceMetrics[];
  components: ComponentMetrics[];
  poller: PollerMetrics | null;
  checksKnown: number;
  hostsKnown: number;
}

interface ComponentRow {
  id: number;
  name: string;
  requiredOnline: number;
  state: string | null;
  acknowledged: boolean | null;
  impacted: boolean | null;
  counts: unknown;
  availability: number | null;
}

interface PollerRow {
  lastSuccessAt: Date | string | null;
  consecutiveFailures: number;
  staleSince: Date | string | null;
}

/**
 * Every business service and component with its stored status, counts and availability, the
 * poller's stored state and the estate's size: four queries over stored rows (docs: architecture, the read path).
 */
export async function loadStoredMetrics(prisma: PrismaClient): Promise<StoredMetrics> {
  const [services, components, [poller], [sizes]] = await Promise.all([
    listBusinessServiceFigures(prisma),
    loadComponentMetrics(prisma),
    prisma.$queryRaw<PollerRow[]>`SELECT "lastSuccessAt", "consecutiveFailures", "staleSince" FROM "PollerStatus" WHERE id = 1`,
    prisma.$queryRaw<{ checks: number; hosts: number }[]>`
      SELECT (SELECT count(*)::int FROM "ServiceCheck") AS checks, (SELECT count(*)::int FROM "Host" WHERE "removedAt" IS NULL) AS hosts`,
  ]);
  return {
    services: services.map(({ status, availability }) => ({
      id: status.id,
      name: status.name,
      state: status.state,
      acknowledged: status.acknowledged,
      impacted: status.impacted,
      availability,
      componentsTotal: status.componentsTotal,
      componentsFailed: status.componentsFailed,
      componentsDowntime: status.componentsDowntime,
    })),
    components,
    poller: poller
      ? { lastSuccessAt: dateOf(poller.lastSuccessAt), consecutiveFailures: poller.consecutiveFailures, staleSince: dateOf(poller.staleSince) }
      : null,
    checksKnown: sizes?.checks ?? 0,
    hostsKnown: sizes?.hosts ?? 0,
  };
}

async function loadComponentMetrics(prisma: PrismaClient): Promise<ComponentMetrics[]> {
  const rows = await prisma.$queryRaw<ComponentRow[]>`
    SELECT component.id, component.name, component."requiredOnline", own.state::text AS state, own.acknowledged, own.impacted, own.counts, own.availability
    FROM "Component" component
    LEFT JOIN "BsmObjectStatus" own ON own."objectType" = 'COMPONENT' AND own."objectKey" = component.id::text
    ORDER BY component.id`;
  const stored = rows.map((row) => readComponentCounts(row.counts));
  // Only until the poller has stored counts: count them from the hosts' stored statuses.
  const hostsOfUncounted = await loadComponentHostStatuses(prisma, rows.filter((_, index) => stored[index] === null).map((row) => row.id));
  return rows.map((row, index) => {
    const counts = componentCountsOf(stored[index] ?? null, hostsOfUncounted.get(row.id) ?? [], row.requiredOnline);
    return {
      id: String(row.id),
      name: row.name,
      ...readStoredFlags("COMPONENT", row),
      availability: row.availability ?? FULL_AVAILABILITY.availability,
      hostsTotal: counts.hostsTotal,
      hostsFailed: counts.hostsFailed,
      hostsDowntime: counts.hostsDowntime,
    };
  });
}

function dateOf(value: Date | string | null): Date | null {
  if (value === null) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
