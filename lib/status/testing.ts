import type { Prisma, PrismaClient } from "@prisma/client";
import { computeBusinessServiceStatus, type AvailabilityFigures, type BsmState, type StateSegment } from "../bsm";
import { loadBsmConfig } from "../poller/load-bsm-config";
import { loadAvailability } from "./availability";
import { businessServiceRef, componentHostRef, componentRef, objectRefKey, type BsmObjectRef } from "./bsm-object";
import { componentCountsOf, readStoredFlags } from "./stored-statuses";
import { storedTimelineOf } from "./stored-timeline";

/**
 * For tests of the reads: stores what the poller keeps with each status (counts, 24-hour availability
 * with its timeline, PollerStatus.availabilityAt), computed exactly (loadAvailability) from the
 * stored statuses and check history as of `now`. Objects without a status row get an OPERATIONAL one.
 */
export async function storeExactFigures(prisma: PrismaClient, now: number): Promise<void> {
  const [report, config, rows] = await Promise.all([
    loadAvailability(prisma, { now, includeTimelines: true }),
    loadBsmConfig(prisma),
    prisma.bsmObjectStatus.findMany({ select: { objectType: true, objectKey: true, state: true, acknowledged: true, impacted: true } }),
  ]);
  const stored = new Map(rows.map((row) => [objectRefKey(row), row]));
  const hostFlags = (componentId: string, host: string) => readStoredFlags("COMPONENT_HOST", stored.get(objectRefKey(componentHostRef(componentId, host))));
  const componentFlags = (id: string) => readStoredFlags("COMPONENT", stored.get(objectRefKey(componentRef(id))));
  const store = (ref: BsmObjectRef, figures: AvailabilityFigures & { timeline?: StateSegment<BsmState>[] }, counts?: Prisma.InputJsonValue) => {
    const data = {
      availability: figures.availability,
      operationalMs: figures.operationalMs,
      failedMs: figures.failedMs,
      downtimeMs: figures.downtimeMs,
      timeline: storedTimelineOf(figures.timeline ?? []) as unknown as Prisma.InputJsonValue,
      ...(counts === undefined ? {} : { counts }),
    };
    return prisma.bsmObjectStatus.upsert({
      where: { objectType_objectKey: ref },
      update: data,
      create: { ...ref, state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: new Date(now), ...data },
    });
  };
  for (const host of report.componentHosts) await store(componentHostRef(host.componentId, host.host), host);
  for (const component of report.components) {
    const configured = config.components.find((candidate) => candidate.id === component.id)!;
    const hosts = configured.hosts.map((host) => hostFlags(component.id, host));
    const counts = componentCountsOf(null, hosts, configured.requiredOnline);
    await store(componentRef(component.id), component, { ...counts });
  }
  for (const service of report.businessServices) {
    const configured = config.businessServices.find((candidate) => candidate.id === service.id)!;
    const { componentsTotal, componentsFailed, componentsImpacted, componentsDowntime, componentsAcknowledged } = computeBusinessServiceStatus(
      configured.components.map(componentFlags),
    );
    await store(businessServiceRef(service.id), service, { componentsTotal, componentsFailed, componentsImpacted, componentsDowntime, componentsAcknowledged });
  }
  const availabilityAt = new Date(now);
  await prisma.pollerStatus.upsert({
    where: { id: 1 },
    update: { availabilityAt },
    create: { sourceKind: "simulated", sourceDescription: "test estate", availabilityAt },
  });
}
