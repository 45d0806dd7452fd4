import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import type { PrismaClient } from "@prisma/client";
import { loadAccess } from "../../auth/load-access";
import { createBusinessService, createComponent } from "../../config";
import { seedSmallEstate } from "../../config/testing";
import { ValidationError } from "../../errors/app-error";
import { getServiceViewAt, listBusinessServiceFiguresAt } from "../../status/views-at";
import { createUser } from "../../users/create-user";
import { parseListQuery } from "../list-query";
import { COMPONENT_STATUSES, listBsmComponentResources } from "./bsmcomponent";
import { HOST_STATUSES, listBsmHostResources } from "./bsmhost";
import { parseAtParam } from "./moment";
import { SERVICE_STATUSES, listBsmServiceResources } from "./bsmservice";

const HOUR = 3_600_000;
const NOW = Date.now();
const query = (statuses: readonly string[]) => parseListQuery(new URL("http://x/"), statuses);

type Change = { objectType: "BUSINESS_SERVICE" | "COMPONENT" | "COMPONENT_HOST"; objectKey: string; at: number; from: string; to: string; ack?: boolean };

async function seedTransitions(prisma: PrismaClient, changes: Change[]) {
  await prisma.bsmTransition.createMany({
    data: changes.map((change) => ({
      objectType: change.objectType,
      objectKey: change.objectKey,
      at: new Date(change.at),
      fromState: change.from as never,
      toState: change.to as never,
      fromAcknowledged: false,
      toAcknowledged: change.ack ?? false,
      fromImpacted: false,
      toImpacted: false,
    })),
  });
}

describe.each(RUNTIMES)("status API resources at a moment on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("show states and counts as the transitions left them, leave out later objects, and keep access", async () => {
    const { prisma } = await freshDatabase();
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const euRole = await prisma.role.create({ data: { name: "EU", keywords: ["eu"], grantServicesOfComponents: true } });
    const eu = await createUser(prisma, { email: "eu@test.local", name: "EU", password: "eu-password" });
    await prisma.user.update({ where: { id: eu.id }, data: { roleId: euRole.id } });
    const context = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const webEu = await createComponent(await context(), { name: "Web EU", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id, estate.hosts.webEu2.id], requiredOnline: 2 });
    const webUs = await createComponent(await context(), { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const shop = await createBusinessService(await context(), { name: "Shop EU", componentIds: [webEu.id] });
    const later = await createBusinessService(await context(), { name: "Shop US", componentIds: [webUs.id] });
    const longAgo = new Date(NOW - 10 * 24 * HOUR);
    await prisma.component.updateMany({ data: { createdAt: longAgo } });
    await prisma.businessService.update({ where: { id: shop.id }, data: { createdAt: longAgo } });
    await prisma.businessService.update({ where: { id: later.id }, data: { createdAt: new Date(NOW - HOUR) } });
    // Live: everything operational again.
    await prisma.bsmObjectStatus.createMany({
      data: [
        { objectType: "COMPONENT_HOST", objectKey: `${webEu.id}:web-eu-1`, state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: new Date(NOW - HOUR) },
        { objectType: "COMPONENT_HOST", objectKey: `${webEu.id}:web-eu-2`, state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: longAgo },
        { objectType: "COMPONENT", objectKey: String(webEu.id), state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: new Date(NOW - HOUR) },
        { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: new Date(NOW - HOUR) },
        { objectType: "BUSINESS_SERVICE", objectKey: String(later.id), state: "OPERATIONAL", acknowledged: false, impacted: false, changedAt: new Date(NOW - HOUR) },
      ],
    });
    // Three hours ago web-eu-1 failed (acknowledged), taking the component and the service down; back an hour ago.
    await seedTransitions(prisma, [
      { objectType: "COMPONENT_HOST", objectKey: `${webEu.id}:web-eu-1`, at: NOW - 3 * HOUR, from: "OPERATIONAL", to: "FAILED", ack: true },
      { objectType: "COMPONENT", objectKey: String(webEu.id), at: NOW - 3 * HOUR, from: "OPERATIONAL", to: "FAILED" },
      { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), at: NOW - 3 * HOUR, from: "OPERATIONAL", to: "OFFLINE" },
      { objectType: "COMPONENT_HOST", objectKey: `${webEu.id}:web-eu-1`, at: NOW - HOUR, from: "FAILED", to: "OPERATIONAL" },
      { objectType: "COMPONENT", objectKey: String(webEu.id), at: NOW - HOUR, from: "FAILED", to: "OPERATIONAL" },
      { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), at: NOW - HOUR, from: "OFFLINE", to: "OPERATIONAL" },
    ]);
    const moment = NOW - 2 * HOUR;
    const adminAccess = await loadAccess(prisma, admin.id);
    const euAccess = await loadAccess(prisma, eu.id);

    const services = await listBsmServiceResources(prisma, adminAccess, query(SERVICE_STATUSES), moment);
    expect(services.list).toEqual([
      expect.objectContaining({ id: String(shop.id), status: "OFFLINE", status_since: null, components_total: 1, components_failed: 1, components_downtime: 0 }),
    ]);
    expect(services.list[0]!.availability).toEqual(expect.any(Number));
    expect((await listBsmServiceResources(prisma, adminAccess, query(SERVICE_STATUSES))).list.map((service) => service.status)).toEqual(["OPERATIONAL", "OPERATIONAL"]);
    expect((await listBsmServiceResources(prisma, adminAccess, query(SERVICE_STATUSES), NOW - 30 * 60_000)).list).toHaveLength(2);

    const components = await listBsmComponentResources(prisma, euAccess, query(COMPONENT_STATUSES), moment);
    expect(components.list).toEqual([expect.objectContaining({ id: String(webEu.id), status: "FAILED", hosts_total: 2, hosts_failed: 1, hosts_acknowledged: 1 })]);

    const hosts = await listBsmHostResources(prisma, euAccess, webEu.id, query(HOST_STATUSES), moment);
    expect(hosts.list.map((host) => [host.name, host.status, host.acknowledged])).toEqual([
      ["web-eu-1", "FAILED", 1],
      ["web-eu-2", "OPERATIONAL", 0],
    ]);

    // The EU user sees only what the role allows, at any moment.
    expect((await listBusinessServiceFiguresAt(prisma, euAccess, moment)).map((service) => service.status.name)).toEqual(["Shop EU"]);
    const view = await getServiceViewAt(prisma, euAccess, shop.id, moment);
    expect(view).toMatchObject({ state: "OFFLINE", componentsFailed: 1, stateSince: null });
    expect(view?.components[0]).toMatchObject({ state: "FAILED", hostsFailed: 1 });
    expect(await getServiceViewAt(prisma, adminAccess, later.id, moment)).toBeNull();
  });
});

describe("?at= of the status resources", () => {
  const url = (at: string) => new URL(`http://x/api/status/bsmservice?at=${encodeURIComponent(at)}`);

  it("reads ISO and epoch seconds; none is live", () => {
    expect(parseAtParam(new URL("http://x/"))).toBeUndefined();
    expect(parseAtParam(url("2026-12-01T03:12:00Z"), NOW)).toBe(Date.parse("2026-12-01T03:12:00Z"));
    expect(parseAtParam(url("1764558720"), NOW)).toBe(1_764_558_720_000);
  });

  it("refuses nonsense and the future with a message", () => {
    expect(() => parseAtParam(url("yesterday"), NOW)).toThrow(ValidationError);
    expect(() => parseAtParam(url(new Date(NOW + HOUR).toISOString()), NOW)).toThrow(/future/);
  });
});
