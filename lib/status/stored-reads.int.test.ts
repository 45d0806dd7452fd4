import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { NO_GRANTS, createAccess } from "@/lib/auth/access";
import { loadAccessEstate } from "@/lib/auth/load-access";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { getComponentView } from "./component-view";
import { getInvestigateView } from "./investigate-view";
import { listBusinessServiceStatuses } from "./list-business-service-statuses";
import { listServiceAvailabilities } from "./service-availabilities";
import { getServiceView } from "./service-view";

const HOUR = 3_600_000;
const NOW = Date.parse("2026-12-01T12:00:00Z");
/** The end of the window the stored figures are for: older than NOW, so a view that used NOW would show other segments. */
const AVAILABILITY_AT = NOW - 10 * 60_000;

/** Component "Web" (a, b; 1 required) in service "Shop"; a has failed, and its check history says so for the last 6 hours. */
async function seed(prisma: PrismaClient) {
  const template = await prisma.hostTemplate.create({ data: { name: "Web" } });
  const [a, b] = await Promise.all(["a", "b"].map((name) => prisma.host.create({ data: { name } })));
  const component = await prisma.component.create({
    data: { name: "Web", hostTemplateId: template.id, requiredOnline: 1, createdAt: new Date(NOW - 48 * HOUR), hosts: { create: [{ hostId: a.id, position: 0 }, { hostId: b.id, position: 1 }] } },
  });
  const shop = await prisma.businessService.create({ data: { name: "Shop", createdAt: new Date(NOW - 48 * HOUR), components: { create: [{ componentId: component.id, position: 0 }] } } });
  await prisma.serviceCheck.create({ data: { hostId: a.id, name: "HTTP", state: "CRITICAL", contributingTemplates: ["Web"] } });
  await prisma.checkStateChange.create({ data: { host: "a", check: "HTTP", at: new Date(NOW - 6 * HOUR), state: "CRITICAL", acknowledged: false, inDowntime: false } });
  const changedAt = new Date(NOW - 6 * HOUR);
  const c = String(component.id);
  await prisma.bsmObjectStatus.createMany({
    data: [
      { objectType: "COMPONENT_HOST", objectKey: `${c}:a`, state: "FAILED", acknowledged: false, impacted: false, changedAt },
      { objectType: "COMPONENT", objectKey: c, state: "OPERATIONAL", acknowledged: false, impacted: true, changedAt },
      { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), state: "OPERATIONAL", acknowledged: false, impacted: true, changedAt },
    ],
  });
  return { componentId: component.id, shopId: shop.id };
}

/** Figures as the poller would store them, chosen so that none of them can be computed from the seeded history. */
async function storeFigures(prisma: PrismaClient, ids: { componentId: number; shopId: number }) {
  const c = String(ids.componentId);
  const timeline = { initial: "OPERATIONAL", changes: [[AVAILABILITY_AT - 3 * HOUR, "FAILED"], [AVAILABILITY_AT - HOUR, "OPERATIONAL"]] };
  const figures = { availability: 91.67, operationalMs: 22 * HOUR, failedMs: 2 * HOUR, downtimeMs: 0, timeline };
  await prisma.bsmObjectStatus.update({ where: { objectType_objectKey: { objectType: "COMPONENT_HOST", objectKey: `${c}:a` } }, data: figures });
  await prisma.bsmObjectStatus.create({
    data: { objectType: "COMPONENT_HOST", objectKey: `${c}:b`, state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: new Date(NOW), availability: 99.5 },
  });
  await prisma.bsmObjectStatus.update({
    where: { objectType_objectKey: { objectType: "COMPONENT", objectKey: c } },
    data: {
      availability: 97.5,
      // Stored counts win over the host rows (which say 1 failed of 2).
      counts: { hostsTotal: 2, hostsOperational: 2, hostsFailed: 0, hostsDowntime: 0, hostsAcknowledged: 0, requiredOnline: 1, allowedToFail: 1, operationalZonePercent: 50 },
    },
  });
  await prisma.bsmObjectStatus.update({
    where: { objectType_objectKey: { objectType: "BUSINESS_SERVICE", objectKey: String(ids.shopId) } },
    data: { ...figures, availability: 95.25, counts: { componentsTotal: 1, componentsFailed: 0, componentsImpacted: 0, componentsDowntime: 0, componentsAcknowledged: 0 } },
  });
  await prisma.pollerStatus.create({ data: { sourceKind: "simulated", sourceDescription: "test", availabilityAt: new Date(AVAILABILITY_AT) } });
}

describe.each(RUNTIMES)("views read stored figures on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  const everything = async (prisma: PrismaClient) => {
    const grants = { ...NO_GRANTS, isAdmin: true };
    return createAccess(grants, await loadAccessEstate(prisma, grants));
  };

  it("show the counts, availability and timeline the poller stored, not what history would give", async () => {
    const { prisma } = await freshDatabase();
    const ids = await seed(prisma);
    await storeFigures(prisma, ids);
    const access = await everything(prisma);

    const service = await getServiceView(prisma, access, ids.shopId);
    expect(service).toMatchObject({ availability: 95.25, componentsTotal: 1, componentsImpacted: 0 });
    expect(service!.components[0]).toMatchObject({ availability: 97.5, hostsFailed: 0, operationalZonePercent: 50 });
    expect(service!.components[0]!.hosts).toEqual([
      expect.objectContaining({ name: "b", availability: 99.5 }),
      expect.objectContaining({ name: "a", state: "FAILED", availability: 91.67 }),
    ]);
    expect(await getComponentView(prisma, access, ids.componentId)).toMatchObject({ availability: 97.5, hostsFailed: 0, hostsTotal: 2 });
    expect((await listBusinessServiceStatuses(prisma, access))[0]).toMatchObject({ componentsImpacted: 0 });
    expect(await listServiceAvailabilities(prisma, access)).toEqual({ [ids.shopId]: 95.25 });

    const host = await getInvestigateView(prisma, access, { kind: "host", componentId: ids.componentId, host: "a" }, NOW);
    expect(host).toMatchObject({ state: "FAILED", availability: 91.67, operationalMs: 22 * HOUR, failedMs: 2 * HOUR, downtimeMs: 0 });
    expect(host).toMatchObject({ windowFrom: AVAILABILITY_AT - 24 * HOUR, windowTo: AVAILABILITY_AT });
    expect(host!.timeline).toEqual([
      { from: AVAILABILITY_AT - 24 * HOUR, to: AVAILABILITY_AT - 3 * HOUR, state: "OPERATIONAL" },
      { from: AVAILABILITY_AT - 3 * HOUR, to: AVAILABILITY_AT - HOUR, state: "FAILED" },
      { from: AVAILABILITY_AT - HOUR, to: AVAILABILITY_AT, state: "OPERATIONAL" },
    ]);
  });

  it("until the poller has stored figures: counts from the stored statuses, 100 % available, history not read", async () => {
    const { prisma } = await freshDatabase();
    const ids = await seed(prisma);
    const access = await everything(prisma);

    const service = await getServiceView(prisma, access, ids.shopId);
    expect(service).toMatchObject({ availability: 100, componentsTotal: 1, componentsImpacted: 1 });
    expect(service!.components[0]).toMatchObject({ availability: 100, hostsFailed: 1, hostsTotal: 2 });
    expect(service!.components[0]!.hosts.map((host) => host.visible && host.availability)).toEqual([100, 100]);
    expect(await listServiceAvailabilities(prisma, access)).toEqual({ [ids.shopId]: 100 });
    const investigate = await getInvestigateView(prisma, access, { kind: "component", id: ids.componentId }, NOW);
    expect(investigate).toMatchObject({ availability: 100, operationalMs: 24 * HOUR, failedMs: 0, windowFrom: NOW - 24 * HOUR, windowTo: NOW });
    expect(investigate!.timeline).toEqual([{ from: NOW - 24 * HOUR, to: NOW, state: "OPERATIONAL" }]);
  });
});
