import type { PrismaClient } from "@prisma/client";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_GRANTS, createAccess, type Grants } from "@/lib/auth/access";
import { loadAccessEstate } from "@/lib/auth/load-access";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { getComponentView } from "./component-view";
import { getInvestigateView } from "./investigate-view";
import { listBusinessServiceStatuses } from "./list-business-service-statuses";
import { getServiceView } from "./service-view";
import { storeExactFigures } from "./testing";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const HOUR = 3_600_000;

/** Web servers (web1 failed, web2 fine, web3 failing in downtime; 2 required) in Shop; Hidden is a second service. */
async function seed(prisma: PrismaClient) {
  const template = await prisma.hostTemplate.create({ data: { name: "Web" } });
  const hosts = await Promise.all(
    [
      ["web1", "web"],
      ["web2", "web"],
      ["web3", "secret"],
    ].map(([name, group]) => prisma.host.create({ data: { name, hostGroups: [group] } })),
  );
  const component = await prisma.component.create({
    data: {
      name: "Web servers",
      hostTemplateId: template.id,
      requiredOnline: 2,
      createdAt: new Date(NOW - 48 * HOUR),
      hosts: { create: hosts.map((host, position) => ({ hostId: host.id, position })) },
    },
  });
  const shop = await prisma.businessService.create({ data: { name: "Shop", createdAt: new Date(NOW - 48 * HOUR), components: { create: [{ componentId: component.id, position: 0 }] } } });
  const hidden = await prisma.businessService.create({ data: { name: "Hidden", createdAt: new Date(NOW - 48 * HOUR), components: { create: [{ componentId: component.id, position: 0 }] } } });
  await prisma.serviceCheck.createMany({
    data: [
      { hostId: hosts[0].id, name: "HTTP", state: "CRITICAL", output: "connection refused", contributingTemplates: ["Web"] },
      { hostId: hosts[0].id, name: "Disk", state: "CRITICAL", contributingTemplates: ["Storage"] },
      { hostId: hosts[2].id, name: "HTTP", state: "CRITICAL", inDowntime: true, contributingTemplates: ["Web"] },
    ],
  });
  await prisma.checkStateChange.createMany({
    data: [
      { host: "web1", check: "HTTP", at: new Date(NOW - 3 * HOUR), state: "CRITICAL", acknowledged: false, inDowntime: false },
      { host: "web3", check: "HTTP", at: new Date(NOW - 2 * HOUR), state: "CRITICAL", acknowledged: false, inDowntime: true },
    ],
  });
  const c = String(component.id);
  const changedAt = new Date(NOW - HOUR);
  await prisma.bsmObjectStatus.createMany({
    data: [
      { objectType: "COMPONENT_HOST", objectKey: `${c}:web1`, state: "FAILED", acknowledged: false, impacted: false, changedAt },
      { objectType: "COMPONENT_HOST", objectKey: `${c}:web2`, state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt },
      { objectType: "COMPONENT_HOST", objectKey: `${c}:web3`, state: "DOWNTIME", acknowledged: false, impacted: false, changedAt },
      { objectType: "COMPONENT", objectKey: c, state: "FAILED", acknowledged: false, impacted: false, changedAt },
      { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), state: "OFFLINE", acknowledged: false, impacted: false, changedAt },
      { objectType: "BUSINESS_SERVICE", objectKey: String(hidden.id), state: "OFFLINE", acknowledged: false, impacted: false, changedAt },
    ],
  });
  await prisma.bsmTransition.create({
    data: {
      objectType: "BUSINESS_SERVICE",
      objectKey: String(shop.id),
      at: new Date(NOW - 2 * HOUR),
      fromState: "OPERATIONAL",
      toState: "OFFLINE",
      fromAcknowledged: false,
      toAcknowledged: false,
      fromImpacted: false,
      toImpacted: false,
    },
  });
  // What the poller keeps with each status, as the exact computation gives it for NOW.
  await storeExactFigures(prisma, NOW);
  return { componentId: component.id, shopId: shop.id, hiddenId: hidden.id };
}

describe.each(RUNTIMES)("view read models on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { lifetime: "suite" });
  let database: FreshDatabase;
  let ids: Awaited<ReturnType<typeof seed>>;
  const accessFor = async (grants: Partial<Grants>) => {
    const full = { ...NO_GRANTS, bsmAccess: true, ...grants };
    return createAccess(full, await loadAccessEstate(database.prisma, full));
  };

  beforeAll(async () => {
    database = await freshDatabase();
    ids = await seed(database.prisma);
  }, 60_000);

  it("Service view: hosts in zone order, the first R the zone, availability per object", async () => {
    const view = await getServiceView(database.prisma, await accessFor({ viewAll: true, allBusinessServices: true }), ids.shopId);
    expect(view).toMatchObject({ name: "Shop", state: "OFFLINE", componentsTotal: 1, componentsFailed: 1 });
    const [layer] = view!.components;
    expect(layer).toMatchObject({ name: "Web servers", requiredOnline: 2, operationalZonePercent: 66.67, hostsFailed: 1, hostsDowntime: 1 });
    expect(layer!.hosts.map((host) => (host.visible ? `${host.name}:${host.state}` : "hidden"))).toEqual(["web2:OPERATIONAL", "web1:FAILED", "web3:DOWNTIME"]);
    // web1 failed for the last 3 h; once web3 went into downtime (2 h ago) only web2 was operational, so the zone failed.
    expect(layer!.hosts[1]).toMatchObject({ availability: 87.5 });
    expect(layer!.availability).toBe(91.67);
    expect(view!.availability).toBe(91.67);
  });

  it("Service, Component and Investigate views carry when each object entered its state", async () => {
    const access = await accessFor({ viewAll: true, allBusinessServices: true });
    const since = new Date(NOW - HOUR).toISOString();
    const service = await getServiceView(database.prisma, access, ids.shopId);
    expect(service!.stateSince).toBe(since);
    expect(service!.components[0]).toMatchObject({ stateSince: since, hosts: [{ stateSince: since }, { stateSince: since }, { stateSince: since }] });
    const component = await getComponentView(database.prisma, access, ids.componentId);
    expect(component).toMatchObject({ stateSince: since, services: [{ name: "Hidden", stateSince: since }, { name: "Shop", stateSince: since }] });
    expect((await getInvestigateView(database.prisma, access, { kind: "service", id: ids.shopId }, NOW))!.stateSince).toBe(since);
  });

  it("Service, Component and Investigate views carry the configured notes; a host has none", async () => {
    const access = await accessFor({ viewAll: true, allBusinessServices: true });
    await database.prisma.businessService.update({ where: { id: ids.shopId }, data: { notes: "Shop team\n  pager 42" } });
    await database.prisma.component.update({ where: { id: ids.componentId }, data: { notes: "Web <runbook>" } });
    try {
      expect((await getServiceView(database.prisma, access, ids.shopId))!.notes).toBe("Shop team\n  pager 42");
      expect((await getComponentView(database.prisma, access, ids.componentId))!.notes).toBe("Web <runbook>");
      expect((await getInvestigateView(database.prisma, access, { kind: "service", id: ids.shopId }, NOW))!.notes).toBe("Shop team\n  pager 42");
      expect((await getInvestigateView(database.prisma, access, { kind: "component", id: ids.componentId }, NOW))!.notes).toBe("Web <runbook>");
      expect((await getInvestigateView(database.prisma, access, { kind: "host", componentId: ids.componentId, host: "web1" }, NOW))!.notes).toBeNull();
    } finally {
      await database.prisma.businessService.update({ where: { id: ids.shopId }, data: { notes: "" } });
      await database.prisma.component.update({ where: { id: ids.componentId }, data: { notes: "" } });
    }
  });

  it("Service view: a host the user may not see keeps its place but shows nothing", async () => {
    const view = await getServiceView(database.prisma, await accessFor({ allBusinessServices: true, hostGroups: ["web"] }), ids.shopId);
    expect(view!.components[0]!.hosts).toEqual([
      expect.objectContaining({ visible: true, name: "web2" }),
      expect.objectContaining({ visible: true, name: "web1" }),
      { visible: false },
    ]);
  });

  it("Component view: most severe first with the failing checks its template contributes, and visible services", async () => {
    const access = await accessFor({ viewAll: true, businessServices: new Map([[ids.shopId, { canEdit: false }]]) });
    const view = await getComponentView(database.prisma, access, ids.componentId);
    expect(view!.hosts.map((host) => (host.visible ? host.name : "hidden"))).toEqual(["web1", "web3", "web2"]);
    expect(view!.hosts[0]).toMatchObject({ failingChecks: [{ name: "HTTP", output: "connection refused", acknowledged: false, inDowntime: false }] });
    expect(view!.services.map((service) => service.name)).toEqual(["Shop"]);
  });

  it("Investigate: details, timeline and transitions; nothing for what the user may not see", async () => {
    const access = await accessFor({ viewAll: true, businessServices: new Map([[ids.shopId, { canEdit: false }]]) });
    const view = await getInvestigateView(database.prisma, access, { kind: "service", id: ids.shopId }, NOW);
    expect(view).toMatchObject({ kindLabel: "Business service", title: "Shop", state: "OFFLINE", availability: 91.67 });
    expect(view!.timeline.at(-1)).toEqual({ from: NOW - 2 * HOUR, to: NOW, state: "OFFLINE" });
    expect(view!.transitions).toEqual([expect.objectContaining({ fromState: "OPERATIONAL", toState: "OFFLINE" })]);
    const host = await getInvestigateView(database.prisma, access, { kind: "host", componentId: ids.componentId, host: "web1" }, NOW);
    expect(host).toMatchObject({ kindLabel: "Host", title: "web1", state: "FAILED", availability: 87.5 });

    expect(await getInvestigateView(database.prisma, access, { kind: "service", id: ids.hiddenId }, NOW)).toBeNull();
    const noHosts = await accessFor({ businessServices: new Map([[ids.shopId, { canEdit: false }]]), hostGroups: ["web"] });
    expect(await getInvestigateView(database.prisma, noHosts, { kind: "host", componentId: ids.componentId, host: "web3" }, NOW)).toBeNull();
    expect(await getServiceView(database.prisma, noHosts, ids.hiddenId)).toBeNull();
    expect(await getServiceView(database.prisma, noHosts, 999_999)).toBeNull();
  });

  it("the Summary list holds only the services the user may see", async () => {
    const access = await accessFor({ businessServices: new Map([[ids.shopId, { canEdit: false }]]) });
    expect((await listBusinessServiceStatuses(database.prisma, access)).map((service) => service.name)).toEqual(["Shop"]);
    expect((await listBusinessServiceStatuses(database.prisma)).map((service) => service.name)).toEqual(["Hidden", "Shop"]);
  });
});
