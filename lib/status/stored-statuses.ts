import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { DAY_MS, computeComponentStatus, type BsmState, type ComponentStatus, type HostState, type ServiceCounts, type ServiceState, type StatusFlags } from "../bsm";
import { readRows } from "../db/direct-read";
import { businessServiceRef, componentRef, isStateOf, objectRefKey, type BsmObjectRef, type BsmObjectType, type StateOfObjectType } from "./bsm-object";

/** The counts the poller stores with a component (BsmObjectStatus.counts). */
export type ComponentCounts = Pick<
  ComponentStatus,
  "hostsTotal" | "hostsOperational" | "hostsFailed" | "hostsDowntime" | "hostsAcknowledged" | "requiredOnline" | "allowedToFail" | "operationalZonePercent"
>;

const count = z.number();
const componentCounts = z.object({
  hostsTotal: count,
  hostsOperational: count,
  hostsFailed: count,
  hostsDowntime: count,
  hostsAcknowledged: count,
  requiredOnline: count,
  allowedToFail: count,
  operationalZonePercent: count,
});
const serviceCounts = z.object({ componentsTotal: count, componentsFailed: count, componentsImpacted: count, componentsDowntime: count, componentsAcknowledged: count });

/** A component's stored counts; null until the poller has stored readable ones. */
export function readComponentCounts(stored: unknown): ComponentCounts | null {
  const parsed = componentCounts.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** A business service's stored counts; null until the poller has stored readable ones. */
export function readServiceCounts(stored: unknown): ServiceCounts | null {
  const parsed = serviceCounts.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** 24-hour availability as the poller stored it (BsmObjectStatus), for the window ending at PollerStatus.availabilityAt. */
export interface StoredFigures {
  availability: number;
  operationalMs: number;
  failedMs: number;
  downtimeMs: number;
}

/** What an object without stored figures shows: available all along. */
export const FULL_AVAILABILITY: StoredFigures = { availability: 100, operationalMs: DAY_MS, failedMs: 0, downtimeMs: 0 };

type StoredFlags = { state?: string | null; acknowledged?: boolean | null; impacted?: boolean | null } | null | undefined;

/** A stored status read back; no row, or a state its object cannot be in, reads as OPERATIONAL (where every object starts). */
export function readStoredFlags<T extends BsmObjectType>(objectType: T, row: StoredFlags): StatusFlags<StateOfObjectType<T>> {
  if (typeof row?.state !== "string" || !isStateOf(objectType, row.state)) {
    return { state: "OPERATIONAL" as StateOfObjectType<T>, acknowledged: false, impacted: false };
  }
  return { state: row.state, acknowledged: row.acknowledged ?? false, impacted: row.impacted ?? false };
}

interface StoredRow extends BsmObjectRef, StatusFlags<BsmState>, StoredFigures {
  counts: Prisma.JsonValue | null;
  changedAt: Date;
}

/** A stored time as the views carry it (ISO); raw reads may hand back a string or a Date. */
export function isoTimeOf(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const time = new Date(at);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** The stored statuses and figures (BsmObjectStatus) of some components and business services. */
export class StoredStatuses {
  private readonly rows: Map<string, StoredRow>;

  constructor(rows: readonly StoredRow[]) {
    this.rows = new Map(rows.map((row) => [objectRefKey(row), row]));
  }

  component(componentId: number): StatusFlags<HostState> {
    return readStoredFlags("COMPONENT", this.rows.get(objectRefKey(componentRef(componentId))));
  }

  businessService(serviceId: number): StatusFlags<ServiceState> {
    return readStoredFlags("BUSINESS_SERVICE", this.rows.get(objectRefKey(businessServiceRef(serviceId))));
  }

  componentCounts(componentId: number): ComponentCounts | null {
    return readComponentCounts(this.rows.get(objectRefKey(componentRef(componentId)))?.counts);
  }

  serviceCounts(serviceId: number): ServiceCounts | null {
    return readServiceCounts(this.rows.get(objectRefKey(businessServiceRef(serviceId)))?.counts);
  }

  /** When the object entered its stored state (ISO); null without a stored status. */
  stateSince(ref: BsmObjectRef): string | null {
    return isoTimeOf(this.rows.get(objectRefKey(ref))?.changedAt);
  }

  figures(ref: BsmObjectRef): StoredFigures {
    const row = this.rows.get(objectRefKey(ref));
    if (row === undefined) return FULL_AVAILABILITY;
    return { availability: row.availability, operationalMs: row.operationalMs, failedMs: row.failedMs, downtimeMs: row.downtimeMs };
  }
}

/** Stored statuses and figures of the given components and business services (not their hosts: loadComponentHostStatuses). */
export async function loadStoredStatuses(
  prisma: PrismaClient,
  scope: { componentIds?: readonly number[]; serviceIds?: readonly number[] },
): Promise<StoredStatuses> {
  const rows = await prisma.bsmObjectStatus.findMany({
    where: {
      OR: [
        { objectType: "COMPONENT", objectKey: { in: (scope.componentIds ?? []).map(String) } },
        { objectType: "BUSINESS_SERVICE", objectKey: { in: (scope.serviceIds ?? []).map(String) } },
      ],
    },
    select: { objectType: true, objectKey: true, state: true, acknowledged: true, impacted: true, changedAt: true, counts: true, availability: true, operationalMs: true, failedMs: true, downtimeMs: true },
  });
  return new StoredStatuses(rows);
}

/** A configured host of a component with its stored status as that component sees it. */
export interface StoredComponentHost extends StatusFlags<HostState> {
  hostId: number;
  name: string;
  availability: number;
  /** When the host entered its state as this component sees it (ISO); null without a stored status. */
  stateSince: string | null;
}

interface ComponentHostRow {
  componentId: number;
  hostId: number;
  name: string;
  state: string | null;
  acknowledged: boolean | null;
  availability: number | null;
  changedAt: Date | null;
}

/** The configured hosts of each component, in configured order, with their stored statuses: one query over the membership. */
export async function loadComponentHostStatuses(prisma: PrismaClient, componentIds: readonly number[]): Promise<Map<number, StoredComponentHost[]>> {
  const byComponent = new Map<number, StoredComponentHost[]>(componentIds.map((id) => [id, []]));
  if (componentIds.length === 0) return byComponent;
  const rows = await readRows<ComponentHostRow>(
    prisma,
    Prisma.sql`
    SELECT membership."componentId", host.id AS "hostId", host.name, own.state::text AS state, own.acknowledged, own.availability, own."changedAt"
    FROM "ComponentHost" membership
    JOIN "Host" host ON host.id = membership."hostId"
    LEFT JOIN "BsmObjectStatus" own ON own."objectType" = 'COMPONENT_HOST' AND own."objectKey" = membership."componentId"::text || ':' || host.name
    WHERE membership."componentId" = ANY(${[...componentIds]}::int[])
    ORDER BY membership."componentId", membership.position`,
  );
  for (const row of rows) {
    byComponent.get(row.componentId)?.push({
      hostId: row.hostId,
      name: row.name,
      ...readStoredFlags("COMPONENT_HOST", row),
      availability: row.availability ?? FULL_AVAILABILITY.availability,
      stateSince: isoTimeOf(row.changedAt),
    });
  }
  return byComponent;
}

/** A component's counts: the stored ones, or (until the poller has stored them) counted from its hosts' stored statuses. */
export function componentCountsOf(stored: ComponentCounts | null, hosts: readonly StatusFlags<HostState>[], requiredOnline: number): ComponentCounts {
  if (stored !== null) return stored;
  const { hostsTotal, hostsOperational, hostsFailed, hostsDowntime, hostsAcknowledged, requiredOnline: effective, allowedToFail, operationalZonePercent } =
    computeComponentStatus(hosts, requiredOnline);
  return { hostsTotal, hostsOperational, hostsFailed, hostsDowntime, hostsAcknowledged, requiredOnline: effective, allowedToFail, operationalZonePercent };
}
