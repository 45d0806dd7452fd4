import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import { ForbiddenError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import { createUser } from "../users/create-user";
import {
  createBusinessService,
  createComponent,
  listBusinessServices,
  listComponents,
  listHosts,
  listHostTemplates,
  updateBusinessService,
  updateComponent,
  type ConfigContext,
} from ".";
import { seedSmallEstate } from "./testing";

const allRows = { page: 1, rows: 50 };

describe.each(RUNTIMES)("configuration look-ups by name, and notes, on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    await prisma.serviceCheck.create({ data: { hostId: estate.hosts.webEu1.id, name: "HTTP", contributingTemplates: ["Web"], serviceGroups: ["Web", "Availability"] } });
    await prisma.serviceCheck.create({ data: { hostId: estate.hosts.webEu1.id, name: "Load", contributingTemplates: ["Web"], serviceGroups: ["Operating system"] } });
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const roleUser = async (name: string, data: { keywords?: string[]; viewAll?: boolean; configureBsm?: boolean; configureBsmComponents?: boolean }) => {
      const role = await prisma.role.create({ data: { name, grantServicesOfComponents: true, ...data } });
      const user = await createUser(prisma, { email: `${name.toLowerCase()}@test.local`, name, password: `${name}-password` });
      await prisma.user.update({ where: { id: user.id }, data: { roleId: role.id } });
      return user;
    };
    const eu = await roleUser("Eu", { keywords: ["eu"], configureBsm: true, configureBsmComponents: true });
    const viewer = await roleUser("Viewer", { viewAll: true });
    const contextOf = async (user: { id: string; email: string }): Promise<ConfigContext> => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    return { prisma, estate, admin, eu, viewer, contextOf };
  }

  it("lists the hosts the caller may see with templates, host groups and service groups, filtered and paged", async () => {
    const { prisma, estate, admin, eu, viewer, contextOf } = await setUp();
    await prisma.host.update({ where: { id: estate.hosts.webUs1.id }, data: { removedAt: new Date() } });
    const adminAccess = (await contextOf(admin)).access;

    const all = await listHosts(prisma, adminAccess, allRows);
    expect(all.summary).toEqual({ page: 1, rows: 50, totalpages: 1, totalrows: 3 });
    expect(all.list[1]).toEqual({
      id: estate.hosts.webEu1.id,
      name: "web-eu-1",
      hostTemplates: [{ id: estate.templates.web.id, name: "Web" }],
      hostGroups: ["Group eu"],
      serviceGroups: ["Availability", "Operating system", "Web"],
    });
    expect(all.list.map((host) => host.name)).toEqual(["db-eu-1", "web-eu-1", "web-eu-2"]);

    const secondPage = await listHosts(prisma, adminAccess, { page: 2, rows: 2 });
    expect(secondPage.list.map((host) => host.name)).toEqual(["web-eu-2"]);
    expect(secondPage.summary).toEqual({ page: 2, rows: 2, totalpages: 2, totalrows: 3 });
    expect((await listHosts(prisma, adminAccess, { ...allRows, name: "WEB" })).list.map((host) => host.name)).toEqual(["web-eu-1", "web-eu-2"]);
    expect((await listHosts(prisma, adminAccess, { ...allRows, hostTemplate: "Db" })).list.map((host) => host.name)).toEqual(["db-eu-1"]);
    expect((await listHosts(prisma, adminAccess, { ...allRows, hostTemplate: "Nothing" })).summary.totalrows).toBe(0);

    // A restricted user sees only the hosts their role shows (keyword eu): web-us-1 is not among them even when monitored again.
    await prisma.host.update({ where: { id: estate.hosts.webUs1.id }, data: { removedAt: null } });
    expect((await listHosts(prisma, adminAccess, allRows)).summary.totalrows).toBe(4);
    expect((await listHosts(prisma, (await contextOf(eu)).access, allRows)).list.map((host) => host.name)).toEqual(["db-eu-1", "web-eu-1", "web-eu-2"]);
    await expect(listHosts(prisma, (await contextOf(viewer)).access, allRows)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists host templates with their monitored hosts counted, filtered and paged", async () => {
    const { prisma, estate, admin, viewer, contextOf } = await setUp();
    await prisma.host.update({ where: { id: estate.hosts.webUs1.id }, data: { removedAt: new Date() } });
    const access = (await contextOf(admin)).access;
    expect(await listHostTemplates(prisma, access, allRows)).toEqual({
      list: [
        { id: estate.templates.db.id, name: "Db", hostsCount: 1 },
        { id: estate.templates.unused.id, name: "Unused", hostsCount: 0 },
        { id: estate.templates.web.id, name: "Web", hostsCount: 2 },
      ],
      summary: { page: 1, rows: 50, totalpages: 1, totalrows: 3 },
    });
    expect((await listHostTemplates(prisma, access, { page: 2, rows: 1, name: "e" })).list.map((template) => template.name)).toEqual(["Web"]);
    await expect(listHostTemplates(prisma, (await contextOf(viewer)).access, allRows)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("creates and updates components and business services by name, with notes kept as typed", async () => {
    const { prisma, estate, admin, contextOf } = await setUp();
    const notes = "Runbook:\n  1. call ops <on-call>\n  2. restart";
    const web = await createComponent(await contextOf(admin), { name: "Web EU", hostTemplate: "Web", hosts: ["web-eu-2", "web-eu-1"], requiredOnline: 1, notes });
    const [listed] = await listComponents(prisma, (await contextOf(admin)).access);
    expect(listed).toMatchObject({ id: web.id, notes, hostTemplate: { id: estate.templates.web.id, name: "Web" } });
    expect(listed.hosts.map((host) => host.name)).toEqual(["web-eu-2", "web-eu-1"]);

    await updateComponent(await contextOf(admin), web.id, { name: "Web all", hostTemplate: "Web", hosts: ["web-us-1", "web-eu-1"], requiredOnline: 2 });
    const updated = await prisma.component.findUniqueOrThrow({ where: { id: web.id }, select: { notes: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } } });
    expect(updated).toEqual({ notes, hosts: [{ hostId: estate.hosts.webUs1.id }, { hostId: estate.hosts.webEu1.id }] });

    const db = await createComponent(await contextOf(admin), { name: "Db EU", hostTemplateId: estate.templates.db.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 1 });
    const shop = await createBusinessService(await contextOf(admin), { name: "Shop", components: ["Db EU", "Web all"], notes: "Owned by the shop team" });
    const [shopView] = await listBusinessServices(prisma, (await contextOf(admin)).access);
    expect(shopView).toMatchObject({ name: "Shop", notes: "Owned by the shop team" });
    expect(shopView.components.map((component) => component.id)).toEqual([db.id, web.id]);

    await updateBusinessService(await contextOf(admin), shop.id, { name: "Shop", components: ["Web all"], notes: "" });
    const [after] = await listBusinessServices(prisma, (await contextOf(admin)).access);
    expect(after).toMatchObject({ notes: "", components: [{ id: web.id }] });

    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: "businessService.update" }, select: { detail: true } });
    expect(audit.detail).toMatchObject({ before: { notes: "Owned by the shop team", componentIds: [db.id, web.id] }, after: { notes: "", componentIds: [web.id] } });
  });

  it("an unknown or hidden name is a field error naming it, and nothing is written", async () => {
    const { prisma, estate, admin, eu, contextOf } = await setUp();
    const byName = { name: "Web", hostTemplate: "Web", hosts: ["web-eu-1"], requiredOnline: 1 };
    expect(await fieldErrorsOf(createComponent(await contextOf(admin), { ...byName, hostTemplate: "Wbe" }))).toEqual({ hostTemplate: "Unknown host template: Wbe" });
    expect(await fieldErrorsOf(createComponent(await contextOf(admin), { ...byName, hosts: ["web-eu-1", "nope"] }))).toEqual({ hosts: "Unknown host: nope" });
    // Hidden is told like missing.
    expect(await fieldErrorsOf(createComponent(await contextOf(eu), { ...byName, hosts: ["web-us-1"] }))).toEqual({ hosts: "Unknown host: web-us-1" });
    // The existing checks still run, their errors on the fields as given.
    expect(await fieldErrorsOf(createComponent(await contextOf(admin), { ...byName, hosts: ["db-eu-1"] }))).toEqual({ hosts: "db-eu-1 does not use the selected host template" });

    const webUs = await createComponent(await contextOf(admin), { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const webEu = await createComponent(await contextOf(admin), byName);
    expect(await fieldErrorsOf(createBusinessService(await contextOf(admin), { name: "Shop", components: ["Web", "Nope"] }))).toEqual({ components: "Unknown component: Nope" });
    expect(await fieldErrorsOf(createBusinessService(await contextOf(eu), { name: "Shop", components: ["Web", "Web US"] }))).toEqual({ components: "Unknown component: Web US" });
    expect(await fieldErrorsOf(updateComponent(await contextOf(admin), webEu.id, { ...byName, hostTemplateId: estate.templates.web.id }))).toEqual({
      hostTemplate: "Give hostTemplateId or hostTemplate, not both",
    });
    expect(await prisma.businessService.count()).toBe(0);
    expect(await prisma.component.count()).toBe(2);
    expect(webUs.id).not.toBe(webEu.id);
  });
});
