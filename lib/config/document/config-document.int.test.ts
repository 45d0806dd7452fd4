import { afterEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { GET as exportRoute } from "@/app/api/config/export/route";
import { POST as importRoute } from "@/app/api/config/import/route";
import type { Database } from "@/lib/db";
import { createApiToken } from "../../auth/api-tokens";
import { loadAccess } from "../../auth/load-access";
import { ForbiddenError, ValidationError } from "../../errors/app-error";
import { createUser } from "../../users/create-user";
import { createBusinessService, createComponent, type ConfigContext } from "..";
import { seedSmallEstate } from "../testing";
import { exportConfigDocument, importConfigDocument, readDocumentText, writeDocumentText, type ConfigDocument } from ".";

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

describe.each(RUNTIMES)("configuration as a document on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  afterEach(() => {
    processDatabase.bsmDatabase = undefined;
  });

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    const estate = await seedSmallEstate(prisma);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const euRole = await prisma.role.create({
      data: { name: "EU configurer", bsmAccess: true, keywords: ["eu"], configureBsm: true, configureBsmComponents: true, grantServicesOfComponents: true },
    });
    const eu = await createUser(prisma, { email: "eu@test.local", name: "EU", password: "eu-password" });
    await prisma.user.update({ where: { id: eu.id }, data: { roleId: euRole.id } });
    const viewerRole = await prisma.role.create({ data: { name: "Viewer", bsmAccess: true, viewAll: true, allBusinessServices: true } });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: viewerRole.id } });
    const contextOf = async (user: { id: string; email: string }): Promise<ConfigContext> => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    return { database, prisma, estate, admin, eu, euRole, viewer, contextOf };
  }

  /** Web EU (web-eu-2, web-eu-1), Web US (web-us-1), Db EU (db-eu-1); Shop holds Web EU, Db EU and Web US. */
  async function seedConfiguration({ estate, admin, contextOf }: Awaited<ReturnType<typeof setUp>>) {
    const context = await contextOf(admin);
    const webEu = await createComponent(context, { name: "Web EU", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webEu2.id, estate.hosts.webEu1.id], requiredOnline: 1 });
    const webUs = await createComponent(context, { name: "Web US", hostTemplateId: estate.templates.web.id, hostIds: [estate.hosts.webUs1.id], requiredOnline: 1 });
    const dbEu = await createComponent(context, { name: "Db EU", hostTemplateId: estate.templates.db.id, hostIds: [estate.hosts.dbEu1.id], requiredOnline: 0 });
    const shop = await createBusinessService(await contextOf(admin), { name: "Shop", componentIds: [webEu.id, dbEu.id, webUs.id], notes: "Call the shop team\nthen the DBAs" });
    return { webEu, webUs, dbEu, shop };
  }

  const seededDocument: ConfigDocument = {
    version: 1,
    components: [
      { name: "Db EU", hostTemplate: "Db", hosts: ["db-eu-1"], requiredOnline: 0, notes: "" },
      { name: "Web EU", hostTemplate: "Web", hosts: ["web-eu-2", "web-eu-1"], requiredOnline: 1, notes: "" },
      { name: "Web US", hostTemplate: "Web", hosts: ["web-us-1"], requiredOnline: 1, notes: "" },
    ],
    businessServices: [{ name: "Shop", components: ["Web EU", "Db EU", "Web US"], notes: "Call the shop team\nthen the DBAs" }],
  };

  const snapshot = async ({ prisma }: { prisma: Awaited<ReturnType<typeof setUp>>["prisma"] }) => ({
    components: await prisma.component.findMany({ orderBy: { name: "asc" }, select: { name: true, hostTemplateId: true, requiredOnline: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } } }),
    services: await prisma.businessService.findMany({ orderBy: { name: "asc" }, select: { name: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } } }),
    audit: await prisma.auditEntry.count(),
  });

  it("exports everything an administrator may change, sorted and deterministic, and importing it back changes nothing", async () => {
    const setup = await setUp();
    await seedConfiguration(setup);
    const context = await setup.contextOf(setup.admin);
    const exported = await exportConfigDocument(setup.prisma, context.access);
    expect(exported).toEqual(seededDocument);
    expect(writeDocumentText(await exportConfigDocument(setup.prisma, context.access), "json")).toBe(writeDocumentText(exported, "json"));

    const before = await snapshot(setup);
    const result = await importConfigDocument(context, readDocumentText(writeDocumentText(exported, "yaml"), "yaml"));
    expect(result.applied).toBe(true);
    expect([...result.plan.components, ...result.plan.businessServices].every((change) => change.action === "unchanged")).toBe(true);
    expect(await snapshot(setup)).toEqual(before);

    // A stored R above the host count (hosts removed from the source) is exported as the R it is evaluated with.
    await setup.prisma.component.update({ where: { name: "Web US" }, data: { requiredOnline: 3 } });
    const capped = await exportConfigDocument(setup.prisma, (await setup.contextOf(setup.admin)).access);
    expect(capped).toEqual(seededDocument);
    expect((await importConfigDocument(await setup.contextOf(setup.admin), capped)).plan.components.map((change) => change.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
  });

  it("applies a document in one go with audit entries, and applying it again plans everything unchanged and writes nothing", async () => {
    const setup = await setUp();
    const { prisma, estate } = setup;
    const context = await setup.contextOf(setup.admin);
    const first = await importConfigDocument(context, seededDocument);
    expect(first.plan).toEqual({
      components: [
        { name: "Db EU", action: "create" },
        { name: "Web EU", action: "create" },
        { name: "Web US", action: "create" },
      ],
      businessServices: [{ name: "Shop", action: "create" }],
      problems: [],
    });
    const webEu = await prisma.component.findUniqueOrThrow({ where: { name: "Web EU" }, select: { requiredOnline: true, hosts: { orderBy: { position: "asc" }, select: { hostId: true } } } });
    expect(webEu).toEqual({ requiredOnline: 1, hosts: [{ hostId: estate.hosts.webEu2.id }, { hostId: estate.hosts.webEu1.id }] });
    expect((await prisma.auditEntry.findMany({ orderBy: { id: "asc" }, select: { action: true, userEmail: true } })).map((entry) => entry.action)).toEqual([
      "component.create",
      "component.create",
      "component.create",
      "businessService.create",
      "config.import",
    ]);
    expect(await exportConfigDocument(prisma, (await setup.contextOf(setup.admin)).access)).toEqual(seededDocument);

    const before = await snapshot(setup);
    const second = await importConfigDocument(await setup.contextOf(setup.admin), seededDocument);
    expect(second.plan.components.map((change) => change.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(second.plan.businessServices.map((change) => change.action)).toEqual(["unchanged"]);
    expect(await snapshot(setup)).toEqual(before);

    const reordered: ConfigDocument = { ...seededDocument, components: [{ ...seededDocument.components[1]!, hosts: ["web-eu-1", "web-eu-2"], requiredOnline: 2 }] };
    const third = await importConfigDocument(await setup.contextOf(setup.admin), reordered);
    expect(third.plan.components).toEqual([
      { name: "Db EU", action: "kept" },
      { name: "Web EU", action: "update" },
      { name: "Web US", action: "kept" },
    ]);
    expect((await prisma.auditEntry.findMany({ where: { id: { gt: 5 } }, orderBy: { id: "asc" }, select: { action: true } })).map((entry) => entry.action)).toEqual([
      "component.update",
      "config.import",
    ]);
  });

  it("carries notes: a changed note updates the object, a note left out keeps the stored one", async () => {
    const setup = await setUp();
    await seedConfiguration(setup);
    const context = await setup.contextOf(setup.admin);
    const withoutNotes: ConfigDocument = {
      version: 1,
      components: seededDocument.components.map((entry) => ({ ...entry, notes: undefined })),
      businessServices: seededDocument.businessServices.map((entry) => ({ ...entry, notes: undefined })),
    };
    const kept = await importConfigDocument(context, withoutNotes);
    expect([...kept.plan.components, ...kept.plan.businessServices].every((change) => change.action === "unchanged")).toBe(true);

    const noted = {
      ...seededDocument,
      components: seededDocument.components.map((entry) => (entry.name === "Db EU" ? { ...entry, notes: "Replica in Frankfurt" } : entry)),
      businessServices: [{ ...seededDocument.businessServices[0]!, notes: "" }],
    };
    const changed = await importConfigDocument(context, noted);
    expect([...changed.plan.components, ...changed.plan.businessServices].filter((change) => change.action !== "unchanged")).toEqual([
      { name: "Db EU", action: "update" },
      { name: "Shop", action: "update" },
    ]);
    expect(await exportConfigDocument(setup.prisma, context.access)).toEqual(noted);
    const audited = await setup.prisma.auditEntry.findFirstOrThrow({ where: { action: "component.update" }, select: { detail: true } });
    expect(audited.detail).toMatchObject({ before: { notes: "" }, after: { notes: "Replica in Frankfurt" } });
  });

  it("a dry run plans and writes nothing", async () => {
    const setup = await setUp();
    await seedConfiguration(setup);
    const before = await snapshot(setup);
    const document: ConfigDocument = {
      version: 1,
      components: [{ name: "Web EU", hostTemplate: "Web", hosts: ["web-eu-1"], requiredOnline: 1 }],
      businessServices: [{ name: "Blog", components: ["Web EU"] }],
    };
    const result = await importConfigDocument(await setup.contextOf(setup.admin), document, { dryRun: true, prune: true });
    expect(result).toEqual({
      applied: false,
      plan: {
        components: [
          { name: "Db EU", action: "delete" },
          { name: "Web EU", action: "update" },
          { name: "Web US", action: "delete" },
        ],
        businessServices: [
          { name: "Blog", action: "create" },
          { name: "Shop", action: "delete" },
        ],
        problems: [],
      },
    });
    expect(await snapshot(setup)).toEqual(before);
  });

  it("prune deletes what the document leaves out; without it, that is kept", async () => {
    const setup = await setUp();
    await seedConfiguration(setup);
    const document: ConfigDocument = { version: 1, components: [seededDocument.components[1]!], businessServices: [] };
    const kept = await importConfigDocument(await setup.contextOf(setup.admin), document);
    expect(kept.plan.components.map((change) => change.action)).toEqual(["kept", "unchanged", "kept"]);
    expect(await setup.prisma.component.count()).toBe(3);

    const pruned = await importConfigDocument(await setup.contextOf(setup.admin), document, { prune: true });
    expect(pruned.plan.businessServices).toEqual([{ name: "Shop", action: "delete" }]);
    expect((await setup.prisma.component.findMany({ select: { name: true } })).map((component) => component.name)).toEqual(["Web EU"]);
    expect(await setup.prisma.businessService.count()).toBe(0);
    const actions = (await setup.prisma.auditEntry.findMany({ where: { action: { in: ["component.delete", "businessService.delete", "config.import"] } }, select: { action: true } })).map((entry) => entry.action);
    expect(actions.sort()).toEqual(["businessService.delete", "component.delete", "component.delete", "config.import"]);
  });

  it("any problem refuses the whole import with every problem by path, and nothing is written", async () => {
    const setup = await setUp();
    await seedConfiguration(setup);
    const before = await snapshot(setup);
    const document: ConfigDocument = {
      version: 1,
      components: [
        { name: "Fine", hostTemplate: "Web", hosts: ["web-eu-1"], requiredOnline: 1 },
        { name: "Broken", hostTemplate: "Web", hosts: ["web-eu-1", "web-9", "db-eu-1"], requiredOnline: 1 },
      ],
      businessServices: [{ name: "Shop", components: ["Fine", "Cache"] }],
    };
    const attempt = importConfigDocument(await setup.contextOf(setup.admin), document);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(importConfigDocument(await setup.contextOf(setup.admin), document)).rejects.toMatchObject({
      fieldErrors: {
        "components[1].hosts[1]": 'no monitored host is named "web-9"',
        "components[1].hosts[2]": 'db-eu-1 does not use the host template "Web"',
        "businessServices[0].components[1]": 'no component is named "Cache" (neither in the document nor one you may add)',
      },
    });
    await expect(importConfigDocument(await setup.contextOf(setup.admin), { version: 1, components: [{ name: "X", hostTemplate: "Web", hosts: ["web-eu-1"], requiredOnline: 5 }] })).rejects.toMatchObject({
      fieldErrors: { "components[0].requiredOnline": "Required online must be between 0 and the number of hosts (1)" },
    });
    expect(await snapshot(setup)).toEqual(before);
  });

  it("follows the editors' access rules: no configure permission is 403, and a restricted export names no hidden host", async () => {
    const setup = await setUp();
    const { prisma, euRole } = setup;
    const { shop } = await seedConfiguration(setup);
    const viewer = await setup.contextOf(setup.viewer);
    await expect(exportConfigDocument(prisma, viewer.access)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importConfigDocument(viewer, seededDocument, { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);

    await prisma.roleBusinessService.create({ data: { roleId: euRole.id, businessServiceId: shop.id, canEdit: true } });
    const eu = await setup.contextOf(setup.eu);
    const exported = await exportConfigDocument(prisma, eu.access);
    // Web US is seen only through Shop (top down): listed by name in Shop, never with its hosts.
    expect(exported).toEqual({ ...seededDocument, components: seededDocument.components.filter((component) => component.name !== "Web US") });
    expect(writeDocumentText(exported, "json")).not.toContain("web-us-1");
    expect((await importConfigDocument(eu, exported)).plan.components.map((change) => change.action)).toEqual(["unchanged", "unchanged"]);

    const before = await snapshot(setup);
    const sneaky: ConfigDocument = { version: 1, components: [{ name: "Sneaky", hostTemplate: "Web", hosts: ["web-us-1"], requiredOnline: 1 }], businessServices: [] };
    await expect(importConfigDocument(await setup.contextOf(setup.eu), sneaky)).rejects.toMatchObject({ fieldErrors: { "components[0].hosts[0]": 'no monitored host is named "web-us-1"' } });
    const takeOver: ConfigDocument = { version: 1, components: [{ name: "Web US", hostTemplate: "Web", hosts: ["web-eu-1"], requiredOnline: 1 }], businessServices: [] };
    await expect(importConfigDocument(await setup.contextOf(setup.eu), takeOver)).rejects.toMatchObject({
      fieldErrors: { "components[0].name": 'another component already has the name "Web US" and you cannot change it' },
    });
    // As in the service editor, a configurer's new service is granted to their role.
    await importConfigDocument(await setup.contextOf(setup.eu), { version: 1, components: [], businessServices: [{ name: "EU only", components: ["Web EU"] }] });
    const euOnly = await prisma.businessService.findUniqueOrThrow({ where: { name: "EU only" }, select: { id: true } });
    expect((await setup.contextOf(setup.eu)).access.canEditService(euOnly.id)).toBe(true);
    // Pruning reaches only what the role may change: Web US stays.
    await importConfigDocument(await setup.contextOf(setup.eu), { version: 1, components: [], businessServices: [] }, { prune: true });
    expect((await prisma.component.findMany({ select: { name: true } })).map((component) => component.name)).toEqual(["Web US"]);
    expect(before.components).toHaveLength(3);
  });

  it("answers through the REST routes: YAML export, dry run and refusals as JSON, never a 500", async () => {
    const setup = await setUp();
    await seedConfiguration(setup);
    processDatabase.bsmDatabase = setup.database;
    const adminToken = (await createApiToken(setup.prisma, setup.admin, { name: "automation" })).token;
    const viewerToken = (await createApiToken(setup.prisma, setup.viewer, { name: "viewer" })).token;
    const request = (path: string, token: string, init: RequestInit = {}) =>
      new Request(`http://localhost${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

    const yamlExport = await exportRoute(request("/api/config/export?format=yaml", adminToken));
    expect(yamlExport.status).toBe(200);
    expect(yamlExport.headers.get("content-type")).toMatch(/^application\/yaml/);
    const yamlText = await yamlExport.text();
    expect(readDocumentText(yamlText, "yaml")).toEqual(seededDocument);
    expect(await (await exportRoute(request("/api/config/export", adminToken))).json()).toEqual(seededDocument);
    expect((await exportRoute(request("/api/config/export?format=xml", adminToken))).status).toBe(400);
    expect((await exportRoute(request("/api/config/export", viewerToken))).status).toBe(403);

    const post = (query: string, body: string, contentType: string, token = adminToken) =>
      importRoute(request(`/api/config/import${query}`, token, { method: "POST", body, headers: { "content-type": contentType } }));
    const dryRun = await post("?dryRun=true", yamlText.replace("requiredOnline: 0", "requiredOnline: 1"), "application/yaml");
    expect(dryRun.status).toBe(200);
    expect((await dryRun.json()).plan.components).toEqual([
      { name: "Db EU", action: "update" },
      { name: "Web EU", action: "unchanged" },
      { name: "Web US", action: "unchanged" },
    ]);
    const applied = await post("", JSON.stringify(seededDocument), "application/json");
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true });

    const notJson = await post("", "{ version: ", "application/json");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/^the document is not valid JSON/);
    const problems = await post("", JSON.stringify({ version: 1, components: [{ name: "X", hostTemplate: "Nope", hosts: ["web-eu-1"], requiredOnline: 1 }] }), "application/json");
    expect(problems.status).toBe(400);
    expect(await problems.json()).toEqual({
      error: "invalid input",
      fieldErrors: { "components[0].hostTemplate": 'no host template is named "Nope"', "components[0].hosts[0]": 'web-eu-1 does not use the host template "Nope"' },
    });
    expect((await post("?dryRun=maybe", "{}", "application/json")).status).toBe(400);
    expect((await post("", JSON.stringify(seededDocument), "application/json", viewerToken)).status).toBe(403);
  });
});
