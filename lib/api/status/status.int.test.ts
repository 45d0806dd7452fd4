import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../../auth/load-access";
import { createBusinessService, createComponent } from "../../config";
import { seedSmallEstate } from "../../config/testing";
import { ForbiddenError, NotFoundError } from "../../errors/app-error";
import { createUser } from "../../users/create-user";
import { parseListQuery } from "../list-query";
import { COMPONENT_STATUSES, listBsmComponentResources } from "./bsmcomponent";
import { HOST_STATUSES, listBsmHostResources } from "./bsmhost";
import { SERVICE_STATUSES, listBsmServiceResources } from "./bsmservice";

const NOW = Date.parse("2026-11-29T12:00:00Z");
const query = (search: string, statuses: readonly string[]) => parseListQuery(new URL(`http://x/?${search}`), statuses);

describe.each(RUNTIMES)("status API resources on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("answer with Opsview's field names, limited to what each user may see", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const euRole = await prisma.role.create({ data: { name: "EU", keywords: ["eu"], grantServicesOfComponents: true } });
    const eu = await createUser(prisma, { email: "eu@test.local", name: "EU", password: "eu-password" });
    await prisma.user.update({ where: { id: eu.id }, data: { roleId: euRole.id } });
    const context = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const webEu = await createComponent(await context(), {
      name: "Web EU",
      hostTemplateId: estate.templates.web.id,
      hostIds: [estate.hosts.webEu1.id, estate.hosts.webEu2.id],
      requiredOnline: 1,
    });
    const webUs = await createComponent(await context(), { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const shop = await createBusinessService(await context(), { name: "Shop EU", componentIds: [webEu.id] });
    await createBusinessService(await context(), { name: "Shop US", componentIds: [webUs.id] });
    // web-eu-1 has failed (acknowledged); the component holds with one of two required online.
    await prisma.serviceCheck.create({
      data: { hostId: estate.hosts.webEu1.id, name: "HTTP", state: "CRITICAL", acknowledged: true, contributingTemplates: ["Web"] },
    });
    await prisma.serviceCheck.create({ data: { hostId: estate.hosts.webEu2.id, name: "HTTP", state: "OK", contributingTemplates: ["Web"] } });
    const at = new Date(NOW);
    await prisma.bsmObjectStatus.createMany({
      data: [
        { objectType: "COMPONENT_HOST", objectKey: `${webEu.id}:web-eu-1`, state: "FAILED", acknowledged: true, impacted: false, changedAt: at },
        { objectType: "COMPONENT", objectKey: String(webEu.id), state: "OPERATIONAL", acknowledged: true, impacted: true, changedAt: at },
        { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), state: "OPERATIONAL", acknowledged: true, impacted: true, changedAt: at },
      ],
    });

    const euAccess = await loadAccess(prisma, eu.id);
    const services = await listBsmServiceResources(prisma, euAccess, query("", SERVICE_STATUSES));
    expect(services).toEqual({
      list: [
        {
          id: String(shop.id),
          name: "Shop EU",
          status: "OPERATIONAL",
          availability: expect.any(Number),
          acknowledged: 1,
          impacted: 1,
          status_since: at.toISOString(),
          components_total: 1,
          components_failed: 0,
          components_acknowledged: 1,
          components_impacted: 1,
          components_downtime: 0,
        },
      ],
      summary: { page: 1, rows: 50, totalpages: 1, totalrows: 1 },
      stale_since: null,
    });
    const adminAccess = await loadAccess(prisma, admin.id);
    expect((await listBsmServiceResources(prisma, adminAccess, query("", SERVICE_STATUSES))).summary.totalrows).toBe(2);
    expect((await listBsmServiceResources(prisma, adminAccess, query("name=us", SERVICE_STATUSES))).list.map((service) => service.name)).toEqual(["Shop US"]);

    const components = await listBsmComponentResources(prisma, euAccess, query("", COMPONENT_STATUSES));
    expect(components.list).toEqual([
      {
        id: String(webEu.id),
        name: "Web EU",
        status: "OPERATIONAL",
        availability: expect.any(Number),
        acknowledged: 1,
        impacted: 1,
        status_since: at.toISOString(),
        hosts_total: 2,
        hosts_failed: 1,
        hosts_acknowledged: 1,
        hosts_downtime: 0,
        hosts_required_online: 1,
        operational_zone_percent: 50,
        resiliency: 0,
        htname: "Web",
        htid: String(estate.templates.web.id),
      },
    ]);
    expect((await listBsmComponentResources(prisma, adminAccess, query("status=FAILED", COMPONENT_STATUSES))).list).toEqual([]);

    const hosts = await listBsmHostResources(prisma, euAccess, webEu.id, query("", HOST_STATUSES));
    const availability = expect.any(Number);
    expect(hosts.list).toEqual([
      { id: String(estate.hosts.webEu1.id), name: "web-eu-1", status: "FAILED", availability, acknowledged: 1, services_total: 1, services_critical: 1, services_downtime: 0, services_acknowledged: 1 },
      { id: String(estate.hosts.webEu2.id), name: "web-eu-2", status: "OPERATIONAL", availability, acknowledged: 0, services_total: 1, services_critical: 0, services_downtime: 0, services_acknowledged: 0 },
    ]);
    await expect(listBsmHostResources(prisma, euAccess, webUs.id, query("", HOST_STATUSES))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("answer with the counts and availability the poller stored; until it has, counts from the stored statuses and 100 %", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const context = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const web = await createComponent(await context(), { name: "Web", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id, estate.hosts.webEu2.id], requiredOnline: 1 });
    const shop = await createBusinessService(await context(), { name: "Shop", componentIds: [web.id] });
    // History says web-eu-1 failed for the last 12 hours; no read may compute that.
    await prisma.checkStateChange.create({ data: { host: "web-eu-1", check: "HTTP", at: new Date(NOW - 12 * 3_600_000), state: "CRITICAL", acknowledged: false, inDowntime: false } });
    const at = new Date(NOW);
    await prisma.bsmObjectStatus.createMany({
      data: [
        { objectType: "COMPONENT_HOST", objectKey: `${web.id}:web-eu-1`, state: "FAILED", acknowledged: false, impacted: false, changedAt: at },
        { objectType: "COMPONENT", objectKey: String(web.id), state: "OPERATIONAL", acknowledged: false, impacted: true, changedAt: at },
        { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), state: "OPERATIONAL", acknowledged: false, impacted: true, changedAt: at },
      ],
    });
    const access = await loadAccess(prisma, admin.id);
    const read = async () => ({
      service: (await listBsmServiceResources(prisma, access, query("", SERVICE_STATUSES))).list[0],
      component: (await listBsmComponentResources(prisma, access, query("", COMPONENT_STATUSES))).list[0],
      hosts: (await listBsmHostResources(prisma, access, web.id, query("", HOST_STATUSES))).list.map((host) => [host.name, host.availability]),
    });

    const before = await read();
    expect(before.service).toMatchObject({ availability: 100, components_total: 1, components_impacted: 1 });
    expect(before.component).toMatchObject({ availability: 100, hosts_total: 2, hosts_failed: 1, operational_zone_percent: 50, resiliency: 0 });
    expect(before.hosts).toEqual([["web-eu-1", 100], ["web-eu-2", 100]]);

    const figures = (availability: number, counts: object) => ({ availability, operationalMs: 0, failedMs: 0, downtimeMs: 0, counts });
    await prisma.bsmObjectStatus.update({
      where: { objectType_objectKey: { objectType: "COMPONENT", objectKey: String(web.id) } },
      data: figures(98.5, { hostsTotal: 2, hostsOperational: 2, hostsFailed: 0, hostsDowntime: 0, hostsAcknowledged: 0, requiredOnline: 1, allowedToFail: 1, operationalZonePercent: 50 }),
    });
    await prisma.bsmObjectStatus.update({
      where: { objectType_objectKey: { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id) } },
      data: figures(97.25, { componentsTotal: 1, componentsFailed: 0, componentsImpacted: 0, componentsDowntime: 0, componentsAcknowledged: 0 }),
    });
    await prisma.bsmObjectStatus.update({ where: { objectType_objectKey: { objectType: "COMPONENT_HOST", objectKey: `${web.id}:web-eu-1` } }, data: { availability: 50 } });
    await prisma.pollerStatus.create({ data: { sourceKind: "simulated", sourceDescription: "test", availabilityAt: at } });

    const after = await read();
    expect(after.service).toMatchObject({ availability: 97.25, components_total: 1, components_impacted: 0 });
    expect(after.component).toMatchObject({ availability: 98.5, hosts_total: 2, hosts_failed: 0, resiliency: 1 });
    expect(after.hosts).toEqual([["web-eu-1", 50], ["web-eu-2", 100]]);
  });

  it("bsmhost refuses the hosts of a component seen only top down, with a message", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const context = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const webEu = await createComponent(await context(), { name: "Web EU", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    const webUs = await createComponent(await context(), { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const shopUs = await createBusinessService(await context(), { name: "Shop US", componentIds: [webUs.id] });
    // Keyword eu (bottom up) and Shop US granted top down: Web US is visible, its host web-us-1 is not.
    const role = await prisma.role.create({ data: { name: "EU + Shop US", keywords: ["eu"], businessServices: { create: { businessServiceId: shopUs.id } } } });
    const user = await createUser(prisma, { email: "top@test.local", name: "Top down", password: "top-password" });
    await prisma.user.update({ where: { id: user.id }, data: { roleId: role.id } });
    const access = await loadAccess(prisma, user.id);
    expect(access.canSeeComponent(webUs.id)).toBe(true);

    const refusal = listBsmHostResources(prisma, access, webUs.id, query("", HOST_STATUSES));
    await expect(refusal).rejects.toBeInstanceOf(ForbiddenError);
    await expect(refusal).rejects.toThrow("You do not have access to the hosts of this component");
    expect((await listBsmHostResources(prisma, access, webEu.id, query("", HOST_STATUSES))).list.map((host) => host.name)).toEqual(["web-eu-1"]);
  });

  it("carry stale_since while the monitoring source is not answering, null when it answers again", async () => {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const context = async () => ({ prisma, user: admin, access: await loadAccess(prisma, admin.id) });
    const web = await createComponent(await context(), { name: "Web", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu1.id], requiredOnline: 1 });
    await createBusinessService(await context(), { name: "Shop", componentIds: [web.id] });
    const access = await loadAccess(prisma, admin.id);
    const staleSince = (async () => {
      const pages = await Promise.all([
        listBsmServiceResources(prisma, access, query("", SERVICE_STATUSES)),
        listBsmComponentResources(prisma, access, query("", COMPONENT_STATUSES)),
        listBsmHostResources(prisma, access, web.id, query("", HOST_STATUSES)),
      ]);
      return pages.map((page) => page.stale_since);
    });

    expect(await staleSince()).toEqual([null, null, null]);
    await prisma.pollerStatus.create({
      data: { sourceKind: "opsview-db", sourceDescription: "Opsview database", lastError: "connect ECONNREFUSED 10.0.0.5:3306", staleSince: new Date("2026-11-29T11:40:00Z") },
    });
    expect(await staleSince()).toEqual(["2026-11-29T11:40:00.000Z", "2026-11-29T11:40:00.000Z", "2026-11-29T11:40:00.000Z"]);
    await prisma.pollerStatus.update({ where: { id: 1 }, data: { lastError: null, staleSince: null } });
    expect(await staleSince()).toEqual([null, null, null]);
  });
});
