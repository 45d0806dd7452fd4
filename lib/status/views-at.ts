// Time travel: the Summary, the Service view and the status resources as they were at a moment. States and
// flags come from treeStateAt (replayed transitions); counts are counted from the components' and hosts'
// states at that moment; availability is the 24 hours before it. Objects created after the moment are left out.

import type { PrismaClient } from "@prisma/client";
import { compareForSummary, orderByZone, type HostState, type StatusFlags } from "../bsm";
import type { Access } from "../auth/access";
import { availabilityOver, treeStateAt, type ByObject, type ObjectStateAt } from "../history";
import { serviceCountsAt } from "../history/counts-at";
import { DAY_MS } from "../time/calendar";
import { businessServiceRef, componentHostRef, componentRef, isHostState, isServiceState, objectRefKey, type BsmObjectRef } from "./bsm-object";
import type { BusinessServiceFigures } from "./list-business-service-statuses";
import { getServiceView, type ServiceDetailView } from "./service-view";
import { componentCountsOf, FULL_AVAILABILITY } from "./stored-statuses";

/** The tree at `at` and the 24-hour availability (ending at `at`) of the given objects. */
export interface MomentReading {
  at: number;
  tree: ByObject<ObjectStateAt>;
  availability: ByObject<{ availability: number }>;
}

export async function readMoment(prisma: PrismaClient, at: number, availabilityOf: readonly BsmObjectRef[]): Promise<MomentReading> {
  const [tree, availability] = await Promise.all([
    treeStateAt(prisma, at),
    availabilityOf.length === 0 ? new Map() : availabilityOver(prisma, availabilityOf, { from: at - DAY_MS, to: at, now: at }),
  ]);
  return { at, tree, availability };
}

/** An object's flags at the moment; null when it did not exist then. */
export function flagsAt(reading: MomentReading, ref: BsmObjectRef): ObjectStateAt | null {
  return reading.tree.get(objectRefKey(ref)) ?? null;
}

export function availabilityAt(reading: MomentReading, ref: BsmObjectRef): number {
  return reading.availability.get(objectRefKey(ref))?.availability ?? FULL_AVAILABILITY.availability;
}

/** Host flags at the moment, for counting (a host state the object type cannot have reads as OPERATIONAL). */
export function hostFlagsAt(reading: MomentReading, componentId: number, host: string): StatusFlags<HostState> {
  const at = flagsAt(reading, componentHostRef(componentId, host));
  return at && isHostState(at.state) ? { state: at.state, acknowledged: at.acknowledged, impacted: at.impacted } : { state: "OPERATIONAL", acknowledged: false, impacted: false };
}

/** Every business service the access may see that existed at `at`, with its state, counts and availability then, in Summary order. */
export async function listBusinessServiceFiguresAt(prisma: PrismaClient, access: Access, at: number): Promise<BusinessServiceFigures[]> {
  const onlyIds = access.visibleServiceIds();
  if (onlyIds.length === 0) return [];
  const services = await prisma.businessService.findMany({
    where: { id: { in: onlyIds } },
    select: { id: true, name: true, components: { select: { componentId: true } } },
  });
  const reading = await readMoment(prisma, at, services.map((service) => businessServiceRef(service.id)));
  const figures = services.flatMap((service): BusinessServiceFigures[] => {
    const own = flagsAt(reading, businessServiceRef(service.id));
    if (own === null || !isServiceState(own.state)) return [];
    const counts = serviceCountsAt(reading.tree, service.components.map((membership) => membership.componentId));
    return [
      {
        status: { id: String(service.id), name: service.name, state: own.state, acknowledged: own.acknowledged, impacted: own.impacted, stateSince: null, ...counts },
        availability: availabilityAt(reading, businessServiceRef(service.id)),
      },
    ];
  });
  return figures.sort((a, b) => compareForSummary(a.status, b.status));
}

/** The BSM Service view at `at`: null when unknown, not visible, or created after `at`. Components created later are left out. */
export async function getServiceViewAt(prisma: PrismaClient, access: Access, serviceId: number, at: number): Promise<ServiceDetailView | null> {
  const live = await getServiceView(prisma, access, serviceId);
  if (live === null) return null;
  const componentIds = live.components.flatMap((layer) => (layer === null ? [] : [layer.id]));
  const reading = await readMoment(prisma, at, [businessServiceRef(serviceId), ...componentIds.map(componentRef)]);
  const own = flagsAt(reading, businessServiceRef(serviceId));
  if (own === null || !isServiceState(own.state)) return null;
  const memberIds = (await prisma.businessServiceComponent.findMany({ where: { businessServiceId: serviceId }, select: { componentId: true } })).map((m) => m.componentId);
  const components = live.components.flatMap((layer): ServiceDetailView["components"] => {
    if (layer === null) return [null];
    const flags = flagsAt(reading, componentRef(layer.id));
    if (flags === null || !isHostState(flags.state)) return [];
    const hosts = layer.hosts.map((host) =>
      host.visible ? { ...host, ...hostFlagsAt(reading, layer.id, host.name), stateSince: null, availability: null, failingChecks: [] } : host,
    );
    const counted = componentCountsOf(null, layer.hosts.map((host) => (host.visible ? hostFlagsAt(reading, layer.id, host.name) : { state: "OPERATIONAL" as const, acknowledged: false, impacted: false })), layer.requiredOnline);
    return [
      {
        ...layer,
        state: flags.state,
        acknowledged: flags.acknowledged,
        impacted: flags.impacted,
        stateSince: null,
        hostsTotal: counted.hostsTotal,
        hostsFailed: counted.hostsFailed,
        hostsDowntime: counted.hostsDowntime,
        hostsAcknowledged: counted.hostsAcknowledged,
        operationalZonePercent: counted.operationalZonePercent,
        availability: availabilityAt(reading, componentRef(layer.id)),
        hosts: orderByZone(hosts, (host) => (host.visible ? host.state : "OPERATIONAL")),
      },
    ];
  });
  return {
    ...live,
    state: own.state,
    acknowledged: own.acknowledged,
    impacted: own.impacted,
    stateSince: null,
    ...serviceCountsAt(reading.tree, memberIds),
    availability: availabilityAt(reading, businessServiceRef(serviceId)),
    components,
  };
}
