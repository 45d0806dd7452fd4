import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { upsertHosts } from "../poller/estate-store";
import { createUser } from "../users/create-user";
import { loadAccess } from "./load-access";

describe.each(RUNTIMES)("the cached estate shape on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const hosts = ["web-1", "web-2", "db-1"].map((name) => ({ name, alias: name, address: "", hostGroups: ["Web"], keywords: [], hostTemplates: [{ name: "Web", priority: 1 }] }));
    await database.withConnection((connection) => connection.transaction((tx) => upsertHosts(tx, hosts, 1_000)));
    const template = await prisma.hostTemplate.findUniqueOrThrow({ where: { name: "Web" } });
    const ids = Object.fromEntries((await prisma.host.findMany({ select: { id: true, name: true } })).map((row) => [row.name, row.id]));
    const admin = await createUser(prisma, { email: "admin@example.test", name: "Admin", password: "a-long-password", isAdmin: true });
    const role = await prisma.role.create({ data: { name: "Web only", hostGroups: [], keywords: ["web"] } });
    const viewer = await createUser(prisma, { email: "viewer@example.test", name: "Viewer", password: "a-long-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: role.id } });
    const version = async () => (await prisma.configurationVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    return { prisma, template, ids, admin, viewer, role, version };
  }

  it("sees every change to components, services and memberships at once; other writes leave the version alone", async () => {
    const { prisma, template, ids, admin, version } = await setUp();
    const web = await prisma.component.create({
      data: { name: "Web", hostTemplateId: template.id, requiredOnline: 1, hosts: { create: [{ hostId: ids["web-1"], position: 0 }] } },
    });
    const shop = await prisma.businessService.create({ data: { name: "Shop", components: { create: [{ componentId: web.id, position: 0 }] } } });
    expect((await loadAccess(prisma, admin.id)).visibleServiceIds()).toEqual([shop.id]);

    const before = await version();
    await loadAccess(prisma, admin.id);
    await prisma.user.update({ where: { id: admin.id }, data: { name: "Renamed" } });
    expect(await version()).toBe(before);

    const blog = await prisma.businessService.create({ data: { name: "Blog" } });
    expect(await version()).toBeGreaterThan(before);
    expect((await loadAccess(prisma, admin.id)).visibleServiceIds().sort()).toEqual([shop.id, blog.id].sort());

    await prisma.businessService.delete({ where: { id: shop.id } });
    expect((await loadAccess(prisma, admin.id)).visibleServiceIds()).toEqual([blog.id]);
    expect((await loadAccess(prisma, admin.id)).canSeeComponent(web.id)).toBe(true);
    await prisma.component.delete({ where: { id: web.id } });
    expect((await loadAccess(prisma, admin.id)).canSeeComponent(web.id)).toBe(false);
  });

  it("a restricted user's bottom-up view follows a change of a component's hosts", async () => {
    const { prisma, template, ids, viewer } = await setUp();
    await prisma.host.update({ where: { id: ids["web-1"] }, data: { keywords: ["web"] } });
    await prisma.host.update({ where: { id: ids["web-2"] }, data: { keywords: ["web"] } });
    const web = await prisma.component.create({
      data: { name: "Web", hostTemplateId: template.id, requiredOnline: 1, hosts: { create: [{ hostId: ids["web-1"], position: 0 }] } },
    });
    expect((await loadAccess(prisma, viewer.id)).canSeeComponent(web.id)).toBe(true);

    await prisma.componentHost.create({ data: { componentId: web.id, hostId: ids["db-1"], position: 1 } });
    expect((await loadAccess(prisma, viewer.id)).canSeeComponent(web.id)).toBe(false);
    await prisma.componentHost.update({ where: { componentId_hostId: { componentId: web.id, hostId: ids["db-1"] } }, data: { hostId: ids["web-2"] } });
    expect((await loadAccess(prisma, viewer.id)).canSeeComponent(web.id)).toBe(true);
  });
});
