import { afterEach, describe, expect, it } from "vitest";
import { POST as businessProcessImportRoute } from "@/app/api/config/import/business-process/route";
import type { Database } from "@/lib/db";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { createApiToken } from "../../auth/api-tokens";
import { loadAccess } from "../../auth/load-access";
import { ValidationError } from "../../errors/app-error";
import { createUser } from "../../users/create-user";
import { seedSmallEstate } from "../testing";
import { importFromBusinessProcess } from ".";

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

const FILE = `### Business Process Config File ###
# Title : Shop
comp_web = 1 of: web-eu-1;Hoststatus + web-eu-2;Hoststatus
comp_db = db-eu-1;Hoststatus
shop = comp_web & comp_db
display 1;shop;Online shop
either = comp_web | comp_db
http = web-eu-1;HTTP & web-eu-2;HTTP
`;

describe.each(RUNTIMES)("import from a Business Process file on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  afterEach(() => {
    processDatabase.bsmDatabase = undefined;
  });

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const viewerRole = await prisma.role.create({ data: { name: "Viewer", bsmAccess: true, viewAll: true, allBusinessServices: true } });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: viewerRole.id } });
    const contextOf = async (user: { id: string; email: string }) => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    return { database, prisma, admin, viewer, contextOf };
  }

  const snapshot = async (prisma: Awaited<ReturnType<typeof setUp>>["prisma"]) => ({
    components: await prisma.component.findMany({
      orderBy: { name: "asc" },
      select: { name: true, requiredOnline: true, hostTemplate: { select: { name: true } }, hosts: { orderBy: { position: "asc" }, select: { host: { select: { name: true } } } } },
    }),
    services: await prisma.businessService.findMany({ orderBy: { name: "asc" }, select: { name: true, components: { orderBy: { position: "asc" }, select: { component: { select: { name: true } } } } } }),
  });

  it("previews without writing, lists what is not imported, applies the rest, and is unchanged the second time", async () => {
    const { prisma, admin, contextOf } = await setUp();
    const context = await contextOf(admin);
    const preview = await importFromBusinessProcess(context, FILE, { dryRun: true });
    expect(preview.applied).toBe(false);
    expect(preview.plan).toEqual({
      components: [
        { name: "comp_db", action: "create" },
        { name: "comp_web", action: "create" },
      ],
      businessServices: [{ name: "Online shop", action: "create" }],
      problems: [],
    });
    expect(preview.notImported).toEqual([
      { node: "either", line: 7, reason: expect.stringContaining("| (OR") },
      { node: "http", line: 8, reason: expect.stringContaining("web-eu-1;HTTP is a service") },
    ]);
    expect((await snapshot(prisma)).components).toEqual([]);

    const applied = await importFromBusinessProcess(context, FILE);
    expect(applied.applied).toBe(true);
    expect(applied.notImported).toHaveLength(2);
    expect(await snapshot(prisma)).toEqual({
      components: [
        { name: "comp_db", requiredOnline: 1, hostTemplate: { name: "Db" }, hosts: [{ host: { name: "db-eu-1" } }] },
        { name: "comp_web", requiredOnline: 1, hostTemplate: { name: "Web" }, hosts: [{ host: { name: "web-eu-1" } }, { host: { name: "web-eu-2" } }] },
      ],
      services: [{ name: "Online shop", components: [{ component: { name: "comp_web" } }, { component: { name: "comp_db" } }] }],
    });
    const again = await importFromBusinessProcess(await contextOf(admin), FILE);
    expect([...again.plan.components, ...again.plan.businessServices].every((change) => change.action === "unchanged")).toBe(true);
  });

  it("refuses a file the module would refuse, naming the line, and a plan problem at the node's line", async () => {
    const { prisma, admin, contextOf } = await setUp();
    const context = await contextOf(admin);
    await expect(importFromBusinessProcess(context, "a = x & y | z", { dryRun: true })).rejects.toThrow(/file: line 1: a mixes the operators/);
    await expect(importFromBusinessProcess(context, "", { dryRun: true })).rejects.toBeInstanceOf(ValidationError);
    const usHost = await prisma.host.findUniqueOrThrow({ where: { name: "web-us-1" } });
    await prisma.component.create({ data: { name: "taken", requiredOnline: 1, hostTemplate: { connect: { name: "Web" } }, hosts: { create: { hostId: usHost.id, position: 0 } } } });
    const viewerRole = await prisma.role.create({ data: { name: "Components", bsmAccess: true, keywords: ["eu"], configureBsmComponents: true } });
    const configurer = await createUser(prisma, { email: "c@test.local", name: "C", password: "configurer-password" });
    await prisma.user.update({ where: { id: configurer.id }, data: { roleId: viewerRole.id } });
    // The configurer sees only the "eu" hosts, so "taken" (on web-us-1) is out of reach and its name a problem at the node.
    const preview = await importFromBusinessProcess(await contextOf(configurer), "taken = web-eu-1;Hoststatus", { dryRun: true });
    expect(preview.plan.problems.map((problem) => problem.path)).toEqual(["taken (line 1).name"]);
    await expect(importFromBusinessProcess(await contextOf(configurer), "taken = web-eu-1;Hoststatus")).rejects.toBeInstanceOf(ValidationError);
  });

  it("answers through the REST route: a preview by default, apply with dryRun=false, bad text 400, a viewer 403", async () => {
    const { database, prisma, admin, viewer } = await setUp();
    processDatabase.bsmDatabase = database;
    const adminToken = (await createApiToken(prisma, admin, { name: "automation" })).token;
    const viewerToken = (await createApiToken(prisma, viewer, { name: "viewer" })).token;
    const post = (query: string, body: string, token = adminToken) =>
      businessProcessImportRoute(
        new Request(`http://localhost/api/config/import/business-process${query}`, { method: "POST", body, headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" } }),
      );
    const preview = await post("", FILE);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ applied: false, plan: { problems: [] }, notImported: [{ node: "either", line: 7 }, { node: "http", line: 8 }] });
    expect(await prisma.component.count()).toBe(0);
    const applied = await post("?dryRun=false", FILE);
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true });
    expect(await prisma.businessService.findMany({ select: { name: true } })).toEqual([{ name: "Online shop" }]);
    const bad = await post("", "hello");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/line 1: not a comment/);
    expect((await post("", FILE, viewerToken)).status).toBe(403);
  });
});
