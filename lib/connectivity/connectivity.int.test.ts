import { beforeEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { createAccess, NO_GRANTS, type Access, type Grants } from "../auth/access";
import { loadAccessEstate } from "../auth/load-access";
import { importConfigDocument, systemDocumentContext } from "../config/document";
import { seedSmallEstate } from "../config/testing";
import type { ConnectorContext } from "../connector/context";
import { reflectAllHosts, reflectAllHostsAfterPoll, reflectChangedHostsAfterPoll, setHostExport, setHostTypeExportState, setReflectionMode } from "../connector";
import { ValidationError } from "../errors/app-error";
import type { ReflectionMode } from "../reflect";
import { deriveInterfaces, listConnections, listInterfaces, parseConnectivityFilters } from "./index";

const START = Date.parse("2026-12-06T08:00:00Z");
const ALL_ROWS = { page: 1, rows: 1000 };
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const CONFIGURATION = {
  version: 1,
  components: [
    { name: "Web", hostTemplate: "Web", hosts: ["web-eu-1", "web-eu-2", "web-us-1"], requiredOnline: 1 },
    { name: "Db EU", hostTemplate: "Db", hosts: ["db-eu-1"], requiredOnline: 1 },
  ],
  businessServices: [
    { name: "Shop", components: ["Web", "Db EU"] },
    { name: "Blog", components: ["Web"] },
  ],
};

describe.each(RUNTIMES)("connectivity kept by the database on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let database: FreshDatabase;
  let admin: ConnectorContext;
  let clock: number;
  /** Element keys of the configured objects: web, db (components), shop, blog (services). */
  let key: { web: string; db: string; shop: string; blog: string };

  async function accessWith(grants: Partial<Grants>): Promise<Access> {
    const full = { ...NO_GRANTS, bsmAccess: true, ...grants };
    return createAccess(full, await loadAccessEstate(database.prisma, full));
  }

  /** What the host elements and memberships call for, read from their own tables. */
  async function derivedFromTables() {
    const prisma = database.prisma;
    const [elements, componentHosts, serviceComponents] = await Promise.all([
      prisma.hostElement.findMany({ select: { host: true } }),
      prisma.componentHost.findMany({ select: { componentId: true, component: { select: { name: true } }, host: { select: { name: true } } } }),
      prisma.businessServiceComponent.findMany({ select: { componentId: true, businessServiceId: true, businessService: { select: { name: true } } } }),
    ]);
    return deriveInterfaces({
      hostElements: elements.map((element) => element.host),
      componentHosts: componentHosts.map((row) => ({ componentId: row.componentId, componentName: row.component.name, host: row.host.name })),
      serviceComponents: serviceComponents.map((row) => ({ componentId: row.componentId, serviceId: row.businessServiceId, serviceName: row.businessService.name })),
    });
  }

  /** No orphan interface, no missing one, each with exactly its connection. */
  async function expectConnectivityInStep(): Promise<string[]> {
    const stored = byId(await database.prisma.connectivityInterface.findMany());
    expect(stored).toEqual(await derivedFromTables());
    const connections = await database.prisma.connectivityConnection.findMany();
    expect(connections.map((row) => `${row.interfaceId} ${row.fromElement} ${row.toElement}`).sort()).toEqual(stored.map((row) => `${row.id} ${row.element} ${row.peer}`).sort());
    return stored.map((row) => row.id);
  }

  const hostTemplateOf = async (host: string, template: string) => {
    const { id: hostId } = await database.prisma.host.findUniqueOrThrow({ where: { name: host } });
    const { id: hostTemplateId } = await database.prisma.hostTemplate.findUniqueOrThrow({ where: { name: template } });
    await database.prisma.hostTemplateOnHost.deleteMany({ where: { hostId } });
    await database.prisma.hostTemplateOnHost.create({ data: { hostId, hostTemplateId, priority: 0 } });
  };

  beforeEach(async () => {
    database = await freshDatabase();
    clock = START;
    await seedSmallEstate(database.prisma);
    const user = await database.prisma.user.create({ data: { email: "admin@test", name: "Admin", passwordHash: "x", isAdmin: true } });
    await importConfigDocument(await systemDocumentContext(database.prisma), CONFIGURATION);
    admin = { prisma: database.prisma, user: { id: user.id, email: user.email }, access: await accessWith({ isAdmin: true }) };
    const component = async (name: string) => `component:${(await database.prisma.component.findUniqueOrThrow({ where: { name } })).id}`;
    const service = async (name: string) => `service:${(await database.prisma.businessService.findUniqueOrThrow({ where: { name } })).id}`;
    key = { web: await component("Web"), db: await component("Db EU"), shop: await service("Shop"), blog: await service("Blog") };
  });

  it.each<ReflectionMode>(["MANUAL", "SEMI_AUTOMATIC", "AUTOMATIC"])("stays in step with every change of the connector matrix in %s mode", async (mode) => {
    await setReflectionMode(admin, { mode });
    // Memberships alone: only components have interfaces (to their services).
    expect(await expectConnectivityInStep()).toEqual([`${key.web}>${key.blog}`, `${key.web}>${key.shop}`, `${key.db}>${key.shop}`].sort());

    // New hosts, export on, reflected: every host element gets its source input and an output per component.
    await reflectAllHostsAfterPoll(database.prisma, (clock += 1000));
    for (const host of ["web-eu-1", "web-eu-2", "web-us-1", "db-eu-1"]) await setHostExport(admin, { host, exportEnabled: true });
    await reflectAllHosts(admin);
    const withElements = await expectConnectivityInStep();
    expect(withElements).toContain("source>host:web-eu-1");
    expect(withElements).toContain(`host:db-eu-1>${key.db}`);
    expect(withElements).toHaveLength(3 + 4 + 4);

    // A host type changes (web-eu-2 becomes a Db host) and the settings forbid Db elements.
    await setHostTypeExportState(admin, { hostType: "Db", state: "OFF" });
    await hostTemplateOf("web-eu-2", "Db");
    await reflectChangedHostsAfterPoll({
      database,
      delta: {
        hostsToWrite: [{ name: "web-eu-2", alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: "Db", priority: 0 }] }],
        removedHosts: [],
        checksToWrite: [],
        removedChecks: [],
        history: [],
        skipped: [],
      },
      now: (clock += 1000),
    });
    await expectConnectivityInStep();

    // A host leaves the source: Automatic deletes its element, the others keep it.
    await reflectChangedHostsAfterPoll({
      database,
      delta: { hostsToWrite: [], removedHosts: ["web-us-1"], checksToWrite: [], removedChecks: [], history: [], skipped: [] },
      now: (clock += 1000),
    });
    const afterRemoval = await expectConnectivityInStep();
    expect(afterRemoval.includes("source>host:web-us-1")).toBe(mode !== "AUTOMATIC");

    // Reflect All applies whatever is pending; a host deleted outright takes its memberships along.
    await reflectAllHosts(admin);
    await expectConnectivityInStep();
    await database.prisma.host.delete({ where: { name: "web-eu-1" } });
    const afterDelete = await expectConnectivityInStep();
    expect(afterDelete.some((id) => id.startsWith("host:web-eu-1>"))).toBe(false);
  });

  it("stays in step with configuration changes, and renames carry into interface names", async () => {
    await reflectAllHostsAfterPoll(database.prisma, (clock += 1000));
    for (const host of ["web-eu-1", "web-us-1", "db-eu-1"]) await setHostExport(admin, { host, exportEnabled: true });
    await reflectAllHosts(admin);
    await expectConnectivityInStep();

    const system = await systemDocumentContext(database.prisma);
    // web-us-1 leaves Web, Blog loses its only component's link by being pruned, Db EU joins Blog.
    await importConfigDocument(system, {
      version: 1,
      components: [
        { name: "Web", hostTemplate: "Web", hosts: ["web-eu-1", "web-eu-2"], requiredOnline: 1 },
        { name: "Db EU", hostTemplate: "Db", hosts: ["db-eu-1"], requiredOnline: 1 },
      ],
      businessServices: [{ name: "Shop", components: ["Db EU", "Web"] }],
    }, { prune: true });
    const afterImport = await expectConnectivityInStep();
    expect(afterImport).not.toContain(`host:web-us-1>${key.web}`);
    expect(afterImport.some((id) => id.endsWith(`>${key.blog}`))).toBe(false);

    await database.prisma.component.update({ where: { name: "Web" }, data: { name: "Web frontend" } });
    await database.prisma.businessService.update({ where: { name: "Shop" }, data: { name: "Web shop" } });
    await expectConnectivityInStep();
    const names = Object.fromEntries((await database.prisma.connectivityInterface.findMany()).map((row) => [row.id, row.name]));
    expect(names[`host:web-eu-1>${key.web}`]).toBe("Web frontend");
    expect(names[`${key.web}>${key.shop}`]).toBe("Web shop");

    await database.prisma.component.delete({ where: { name: "Db EU" } });
    const afterComponentDelete = await expectConnectivityInStep();
    expect(afterComponentDelete.some((id) => id.includes(key.db))).toBe(false);
  });

  it("lists only what the user may see, with each connection in the state of the object it comes from", async () => {
    await reflectAllHostsAfterPoll(database.prisma, (clock += 1000));
    for (const host of ["web-eu-1", "web-us-1", "db-eu-1"]) await setHostExport(admin, { host, exportEnabled: true });
    await reflectAllHosts(admin);
    const webEu1 = await database.prisma.host.findUniqueOrThrow({ where: { name: "web-eu-1" } });
    await database.prisma.serviceCheck.create({ data: { hostId: webEu1.id, name: "HTTP", state: "CRITICAL" } });
    await database.prisma.bsmObjectStatus.create({ data: { objectType: "COMPONENT", objectKey: key.web.slice("component:".length), state: "FAILED", acknowledged: false, impacted: false, changedAt: new Date(START) } });

    const everything = await listConnections(database.prisma, admin.access, ALL_ROWS);
    const stateOf = (id: string) => everything.list.find((connection) => connection.id === id);
    expect(stateOf("source>host:web-eu-1")).toMatchObject({ fromName: "Monitoring source", toName: "web-eu-1", state: "FAILED" });
    expect(stateOf("source>host:web-us-1")).toMatchObject({ state: "OPERATIONAL" });
    expect(stateOf(`${key.web}>${key.shop}`)).toMatchObject({ fromName: "Web", toName: "Shop", state: "FAILED" });
    expect(stateOf(`host:web-eu-1>${key.web}`)).toMatchObject({ fromName: "web-eu-1", toName: "Web", state: null });

    // Keyword "us": web-us-1 only; the Web component (bottom up) needs every host, so it stays hidden.
    const usOnly = await accessWith({ keywords: ["us"] });
    expect((await listInterfaces(database.prisma, usOnly, ALL_ROWS)).list.map((row) => row.id)).toEqual(["source>host:web-us-1"]);
    // Top down, Blog shows Web, its link and web-us-1's link to it; the eu hosts stay hidden.
    const blog = await database.prisma.businessService.findUniqueOrThrow({ where: { name: "Blog" } });
    const blogOnly = await accessWith({ keywords: ["us"], businessServices: new Map([[blog.id, { canEdit: false }]]) });
    expect((await listInterfaces(database.prisma, blogOnly, ALL_ROWS)).list.map((row) => row.id)).toEqual([`${key.web}>${key.blog}`, `host:web-us-1>${key.web}`, "source>host:web-us-1"]);
    await expect(listInterfaces(database.prisma, await accessWith({ bsmAccess: false }), ALL_ROWS)).rejects.toThrow(/BSM/i);

    const ofWeb = await listInterfaces(database.prisma, admin.access, { ...ALL_ROWS, object: key.web });
    expect(ofWeb.list.map((row) => row.id).sort()).toEqual([`${key.web}>${key.blog}`, `${key.web}>${key.shop}`, `host:web-eu-1>${key.web}`, `host:web-us-1>${key.web}`].sort());
    const paged = await listConnections(database.prisma, admin.access, { page: 2, rows: 2, element: "source" });
    expect(paged.summary).toEqual({ page: 2, rows: 2, totalpages: 2, totalrows: 3 });
    expect(paged.list).toHaveLength(1);
    expect(() => parseConnectivityFilters(new URL("http://localhost/?element=component:x"))).toThrow(ValidationError);
  });
});
