import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { hostVisibilityCondition } from "../connector/host-visibility";
import { listHostChoices } from "../config/list-host-choices";
import { loadKnownChecks, upsertHosts, upsertServiceChecks } from "../poller/estate-store";
import type { SourceHost, SourceServiceCheck } from "../sources/types";
import { createUser } from "../users/create-user";
import { createAccess, type AccessHost } from "./access";
import { loadAccess, loadHostsWithHiddenChecks, readUserGrants } from "./load-access";

const host = (name: string, hostGroups: string[], keywords: string[] = []): SourceHost => ({
  name,
  alias: name,
  address: "",
  hostGroups,
  keywords,
  hostTemplates: [{ name: "Web", priority: 1 }],
});
const check = (hostName: string, name: string, serviceGroups: string[]): SourceServiceCheck => ({
  host: hostName,
  name,
  state: "OK",
  stateType: "HARD",
  acknowledged: false,
  inDowntime: false,
  output: "",
  lastStateChange: null,
  hostTemplates: ["Web"],
  serviceGroups,
});

// web-1 and web-2 only have Web and OS checks; db-1 (also in host group Web) has a Database check;
// spare-1 has checks but is in no component; bare-1 has none.
const HOSTS = [host("web-1", ["Web"]), host("web-2", ["Web"]), host("db-1", ["Web"], ["payments"]), host("spare-1", ["Web"]), host("bare-1", ["Web"])];
const CHECKS = [
  check("web-1", "HTTP", ["Web"]),
  check("web-1", "Disk", ["Operating system"]),
  check("web-2", "HTTP", ["Web"]),
  check("db-1", "MySQL", ["Database"]),
  check("db-1", "Disk", ["Operating system"]),
  check("spare-1", "Backup", ["Backup", "Operating system"]),
];

describe.each(RUNTIMES)("loading access with service groups on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    const database = await freshDatabase();
    const prisma = database.prisma;
    await database.withConnection((connection) =>
      connection.transaction(async (tx) => {
        await upsertHosts(tx, HOSTS, 1_000);
        await upsertServiceChecks(tx, CHECKS, 1_000);
      }),
    );
    const template = await prisma.hostTemplate.findUniqueOrThrow({ where: { name: "Web" } });
    const ids = Object.fromEntries((await prisma.host.findMany({ select: { id: true, name: true } })).map((row) => [row.name, row.id]));
    const component = (name: string, hosts: string[]) =>
      prisma.component.create({
        data: { name, hostTemplateId: template.id, requiredOnline: 1, hosts: { create: hosts.map((hostName, position) => ({ hostId: ids[hostName], position })) } },
      });
    const web = await component("Web servers", ["web-1", "web-2"]);
    const db = await component("Databases", ["db-1"]);
    const bare = await component("Bare", ["bare-1"]);
    const service = await prisma.businessService.create({
      data: { name: "Shop", components: { create: [{ componentId: web.id, position: 0 }, { componentId: db.id, position: 1 }] } },
    });
    const userWithRole = async (email: string, role: Record<string, unknown>) => {
      const created = await prisma.role.create({ data: { name: email, hostGroups: [], keywords: [], ...role } });
      const user = await createUser(prisma, { email, name: email, password: "a-long-password" });
      await prisma.user.update({ where: { id: user.id }, data: { roleId: created.id } });
      return user;
    };
    return { database, prisma, web, db, bare, service, ids, userWithRole };
  }

  it("stores each check's service groups and reads them back as the poller knows them", async () => {
    const { database } = await setUp();
    const known = await database.withConnection(loadKnownChecks);
    expect(known.get("spare-1\u0000Backup")?.serviceGroups).toEqual(["Backup", "Operating system"]);
    await database.withConnection((connection) => upsertServiceChecks(connection, [check("web-2", "HTTP", ["Frontend"])], 2_000));
    expect((await database.withConnection(loadKnownChecks)).get("web-2\u0000HTTP")?.serviceGroups).toEqual(["Frontend"]);
  });

  it("a role with a host group and some service groups sees only the components whose every check is in them", async () => {
    const { prisma, web, bare, service, userWithRole } = await setUp();
    const user = await userWithRole("web-os@test.local", {
      hostGroups: ["Web"],
      allServiceGroups: false,
      serviceGroups: ["Web", "Operating system"],
      grantServicesOfComponents: true,
    });
    const access = await loadAccess(prisma, user.id);
    expect(access.visibleComponentIds()).toEqual([web.id, bare.id]);
    expect(access.canSeeHost("db-1")).toBe(false);
    // The service holds the databases too, but the tickbox shows a service containing a visible component.
    expect(access.visibleServiceIds()).toEqual([service.id]);
  });

  it("all service groups (the default) keeps host groups meaning every check of the host; keywords ignore service groups", async () => {
    const { prisma, web, db, bare, userWithRole } = await setUp();
    const everything = await userWithRole("web@test.local", { hostGroups: ["Web"] });
    expect((await loadAccess(prisma, everything.id)).visibleComponentIds()).toEqual([web.id, db.id, bare.id]);
    const byKeyword = await userWithRole("payments@test.local", { keywords: ["payments"], allServiceGroups: false, serviceGroups: ["Web"] });
    expect((await loadAccess(prisma, byKeyword.id)).visibleComponentIds()).toEqual([db.id]);
  });

  // The loader reads of each host in a component only the groups and keywords the role names (and no host that has none of them).
  it("judges every host, component and service as access over the whole estate's host lists does", async () => {
    const { prisma, userWithRole } = await setUp();
    const shape = await prisma.component.findMany({ select: { id: true, hosts: { select: { host: { select: { name: true } } }, orderBy: { position: "asc" } } } });
    const services = await prisma.businessService.findMany({ select: { id: true, components: { select: { componentId: true } } } });
    const inComponents = new Set(shape.flatMap((component) => component.hosts.map((membership) => membership.host.name)));
    const wholeEstate = {
      hosts: new Map<string, AccessHost>(
        HOSTS.filter((one) => inComponents.has(one.name)).map((one) => [one.name, { ...one, checkServiceGroups: CHECKS.filter((entry) => entry.host === one.name).map((entry) => entry.serviceGroups) }]),
      ),
      componentHosts: new Map(shape.map((component) => [component.id, component.hosts.map((membership) => membership.host.name)])),
      serviceComponents: new Map(services.map((service) => [service.id, service.components.map((membership) => membership.componentId)])),
    };
    const roles: Record<string, unknown>[] = [
      { hostGroups: ["Web"], grantServicesOfComponents: true },
      { hostGroups: ["Web", "Elsewhere"], allServiceGroups: false, serviceGroups: ["Web", "Operating system"], grantServicesOfComponents: true },
      { keywords: ["payments", "nowhere"] },
      { hostGroups: ["Elsewhere"], keywords: ["payments"], allServiceGroups: false, serviceGroups: ["Database"] },
      { hostGroups: ["Elsewhere"] },
      {},
    ];
    for (const [index, role] of roles.entries()) {
      const user = await userWithRole(`role-${index}@test.local`, role);
      const loaded = await loadAccess(prisma, user.id);
      const whole = createAccess((await readUserGrants(prisma, user.id))!.grants, wholeEstate);
      const judged = (access: typeof loaded) => ({
        hosts: HOSTS.map((one) => access.canSeeHost(one.name)),
        components: access.visibleComponentIds(),
        componentHosts: shape.map((component) => access.canSeeComponentHosts(component.id)),
        services: access.visibleServiceIds(),
      });
      expect(judged(loaded), JSON.stringify(role)).toEqual(judged(whole));
    }
  });

  it("loads the hosts seen through a granted host group that have a check with no granted service group, of component hosts or of given hosts", async () => {
    const { prisma, ids, userWithRole } = await setUp();
    const grants = (await readUserGrants(prisma, (await userWithRole("web-os@test.local", { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web", "Backup"] })).id))!.grants;
    // web-1's Disk (Operating system) and db-1's checks are hidden; web-2 has only HTTP (Web).
    expect([...(await loadHostsWithHiddenChecks(prisma, grants, { inComponents: true }))].sort()).toEqual(["db-1", "web-1"]);
    expect(await loadHostsWithHiddenChecks(prisma, grants, { ids: [ids["spare-1"], ids["bare-1"], ids["web-1"]] })).toEqual(new Set(["web-1"]));
    expect(await loadHostsWithHiddenChecks(prisma, grants, { ids: [] })).toEqual(new Set());
    expect(await loadHostsWithHiddenChecks(prisma, { ...grants, hostGroups: ["Elsewhere"] }, { inComponents: true })).toEqual(new Set());
  });

  it("the component editor's host list and the SQL form of canSeeHost agree with the rule", async () => {
    const { prisma, userWithRole } = await setUp();
    const user = await userWithRole("web-only@test.local", { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"], configureBsmComponents: true });
    const access = await loadAccess(prisma, user.id);
    expect((await listHostChoices(prisma, access)).map((choice) => choice.name)).toEqual(["bare-1", "web-2"]);
    const condition = hostVisibilityCondition(access, 1);
    const rows = await prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT h.name FROM "Host" h WHERE ${condition.sql} ORDER BY h.name`, ...condition.params);
    expect(rows.map((row) => row.name)).toEqual(["bare-1", "web-2"]);
  });
});
