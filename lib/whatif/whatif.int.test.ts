import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as evaluateRoute } from "@/app/api/whatif/evaluate/route";
import { DELETE as deleteRoute, GET as openRoute, PATCH as patchRoute } from "@/app/api/whatif/scenarios/[id]/route";
import { GET as listRoute, POST as saveRoute } from "@/app/api/whatif/scenarios/route";
import type { Database } from "@/lib/db";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { createApiToken } from "../auth/api-tokens";
import { createUser } from "../users/create-user";
import { evaluateWhatIf } from "./evaluate";
import { loadWhatIfState } from "./load-state";
import type { WhatIfView } from "./view";

// The what-if REST API against a real database (PGlite and PostgreSQL), through its route handlers:
// evaluation equals the engine's, nothing is written, saved scenarios are shared by hosts, bad input is a 400.

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

/** Web servers (web1..3, 2 required) and Database (db1, 1 required); Shop uses both, Blog only Web servers. */
async function seed(prisma: PrismaClient) {
  const [web, dbTemplate] = await Promise.all([prisma.hostTemplate.create({ data: { name: "Web" } }), prisma.hostTemplate.create({ data: { name: "DB" } })]);
  const hosts = [];
  for (const [name, group] of [["web1", "web"], ["web2", "web"], ["web3", "web"], ["db1", "db"]] as const) hosts.push(await prisma.host.create({ data: { name, hostGroups: [group] } }));
  const webServers = await prisma.component.create({
    data: { name: "Web servers", hostTemplateId: web.id, requiredOnline: 2, hosts: { create: hosts.slice(0, 3).map((host, position) => ({ hostId: host.id, position })) } },
  });
  const database = await prisma.component.create({ data: { name: "Database", hostTemplateId: dbTemplate.id, requiredOnline: 1, hosts: { create: [{ hostId: hosts[3]!.id, position: 0 }] } } });
  const shop = await prisma.businessService.create({ data: { name: "Shop", components: { create: [{ componentId: webServers.id, position: 0 }, { componentId: database.id, position: 1 }] } } });
  const blog = await prisma.businessService.create({ data: { name: "Blog", components: { create: [{ componentId: webServers.id, position: 0 }] } } });
  await prisma.serviceCheck.createMany({
    data: [
      ...hosts.slice(0, 3).map((host) => ({ hostId: host.id, name: "HTTP", state: "OK" as const, contributingTemplates: ["Web"] })),
      { hostId: hosts[3]!.id, name: "PostgreSQL", state: "OK" as const, contributingTemplates: ["DB"] },
    ],
  });

  const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
  const webRole = await prisma.role.create({ data: { name: "Web team", hostGroups: ["web"], keywords: [], grantServicesOfComponents: true } });
  const dbRole = await prisma.role.create({ data: { name: "DB team", hostGroups: ["db"], keywords: [], grantServicesOfComponents: true } });
  const webUser = await createUser(prisma, { email: "web@test.local", name: "Wendy Web", password: "web-password" });
  const dbUser = await createUser(prisma, { email: "db@test.local", name: "Dan Db", password: "db-password" });
  await prisma.user.update({ where: { id: webUser.id }, data: { roleId: webRole.id } });
  await prisma.user.update({ where: { id: dbUser.id }, data: { roleId: dbRole.id } });
  const token = async (user: { id: string; email: string }, scope = "full") => (await createApiToken(prisma, user, { name: `t-${scope}`, scope })).token;
  return {
    shopId: shop.id,
    blogId: blog.id,
    webServersId: webServers.id,
    databaseId: database.id,
    tokens: { admin: await token(admin), adminReadOnly: await token(admin, "read-only"), web: await token(webUser), db: await token(dbUser) },
  };
}

const BASE = "http://localhost/api/whatif";
const call = (token: string, method: string, body?: unknown) => (path: string) =>
  new Request(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });

describe.each(RUNTIMES)("what-if REST API on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { lifetime: "suite" });
  let database: FreshDatabase;
  let ids: Awaited<ReturnType<typeof seed>>;

  const evaluate = (token: string, body: unknown) => evaluateRoute(call(token, "POST", body)("/evaluate"));
  const save = (token: string, body: unknown) => saveRoute(call(token, "POST", body)("/scenarios"));
  const open = (token: string, id: number) => openRoute(call(token, "GET")(`/scenarios/${id}`), params(id));

  beforeAll(async () => {
    database = await freshDatabase();
    processDatabase.bsmDatabase = database;
    ids = await seed(database.prisma);
  }, 120_000);
  afterAll(() => {
    processDatabase.bsmDatabase = undefined;
  });

  it("two web servers failing take Web servers out of its zone and Shop and Blog OFFLINE, as the engine says; nothing is written", async () => {
    const checksBefore = await database.prisma.serviceCheck.findMany({ orderBy: { id: "asc" } });
    const changes = [{ host: "web1", to: "failed" }, { host: "web2", check: "HTTP", to: "failed" }];
    const response = await evaluate(ids.tokens.admin, { changes });
    expect(response.status).toBe(200);
    const view = (await response.json()) as WhatIfView;
    expect(view.businessServices.map((service) => [service.name, service.before.state, service.after.state, service.goesOffline])).toEqual([
      ["Blog", "OPERATIONAL", "OFFLINE", true],
      ["Shop", "OPERATIONAL", "OFFLINE", true],
    ]);
    expect(view.components).toMatchObject([{ name: "Web servers", losesZone: true, hostsOperationalBefore: 3, hostsOperationalAfter: 1, hosts: [{ host: "web1" }, { host: "web2" }] }]);
    expect(view.unchanged).toEqual({ businessServices: 0, components: 1 });
    expect(view.counts).toMatchObject({ servicesOffline: 2, componentsLosingZone: 1 });

    const { config, checks } = await loadWhatIfState(database.prisma);
    const engine = evaluateWhatIf(config, checks, changes as never);
    expect(engine.businessServices.find((service) => service.id === String(ids.shopId))!.after).toEqual(view.businessServices[1]!.after);
    expect(await database.prisma.serviceCheck.findMany({ orderBy: { id: "asc" } })).toEqual(checksBefore);
    expect(await database.prisma.bsmObjectStatus.count()).toBe(0);
  });

  it("a read-only token may evaluate and read scenarios but not save one", async () => {
    expect((await evaluate(ids.tokens.adminReadOnly, { changes: [{ host: "db1", to: "downtime" }] })).status).toBe(200);
    expect((await listRoute(call(ids.tokens.adminReadOnly, "GET")("/scenarios"))).status).toBe(200);
    const refused = await save(ids.tokens.adminReadOnly, { name: "x", changes: [{ host: "db1", to: "failed" }] });
    expect(refused.status).toBe(403);
  });

  it.each<[string, unknown, Record<string, string>]>([
    ["no changes field", {}, { changes: "must be a list of changes" }],
    ["an unknown field", { changes: [{ host: "web1", to: "failed" }], dryRun: true }, { input: 'Unrecognized key: "dryRun"' }],
    ["an unknown target", { changes: [{ host: "web1", to: "melted" }] }, { "changes.0.to": "must be one of failed, downtime, recovered" }],
    ["an unknown host", { changes: [{ host: "web1", to: "failed" }, { host: "mail1", to: "failed" }] }, { "changes.1.host": "Unknown host: mail1 (it is in no component)" }],
    ["an unknown check", { changes: [{ host: "web1", check: "SMTP", to: "failed" }] }, { "changes.0.check": "Unknown check: SMTP on web1" }],
  ])("answers 400 with field errors for %s", async (_, body, fieldErrors) => {
    const response = await evaluate(ids.tokens.admin, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toEqual(fieldErrors);
  });

  it("a host the caller may not see is refused like an unknown one; results are limited to what the caller sees", async () => {
    const hidden = await evaluate(ids.tokens.db, { changes: [{ host: "web1", to: "failed" }] });
    expect(hidden.status).toBe(400);
    expect(((await hidden.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ "changes.0.host": "Unknown host: web1 (it is in no component)" });

    const own = (await (await evaluate(ids.tokens.db, { changes: [{ host: "db1", to: "failed" }] })).json()) as WhatIfView;
    // Dan sees Database bottom up and Shop through it; Blog and Web servers not at all.
    expect(own.businessServices.map((service) => service.name)).toEqual(["Shop"]);
    expect(own.components.map((component) => component.name)).toEqual(["Database"]);
    expect(own.unchanged).toEqual({ businessServices: 0, components: 0 });
  });

  it("a saved scenario is shared with those who may see all its hosts, re-evaluated live, and changed by its owner only", async () => {
    const saved = await save(ids.tokens.web, { name: "  Two web servers down  ", changes: [{ host: "web1", to: "failed" }] });
    expect(saved.status).toBe(201);
    const { scenario, result } = (await saved.json()) as { scenario: { id: number; name: string; mine: boolean; path: string }; result: WhatIfView };
    expect(scenario).toMatchObject({ name: "Two web servers down", mine: true, path: `/bsm/what-if/${scenario.id}` });
    // One web server of three failing leaves the zone: impacted only.
    expect(result.businessServices.map((service) => [service.name, service.after.state, service.becomesImpacted])).toEqual([["Blog", "OPERATIONAL", true], ["Shop", "OPERATIONAL", true]]);

    // The administrator may see web1: it opens, not as theirs. Dan may not: it does not exist for him.
    const asAdmin = await open(ids.tokens.admin, scenario.id);
    expect(asAdmin.status).toBe(200);
    expect(((await asAdmin.json()) as { scenario: { mine: boolean; owner: { name: string } } }).scenario).toMatchObject({ mine: false, owner: { name: "Wendy Web" } });
    const asDan = await open(ids.tokens.db, scenario.id);
    expect(asDan.status).toBe(404);
    expect(await asDan.json()).toEqual({ error: `What-if scenario ${scenario.id} not found, or it changes hosts you cannot see` });

    // The live state moves on: web2 fails for real, so web1 failing now takes the zone and both services down.
    const web2 = await database.prisma.host.findUniqueOrThrow({ where: { name: "web2" } });
    await database.prisma.serviceCheck.update({ where: { hostId_name: { hostId: web2.id, name: "HTTP" } }, data: { state: "CRITICAL" } });
    try {
      const live = (await (await open(ids.tokens.web, scenario.id)).json()) as { result: WhatIfView };
      expect(live.result.businessServices.map((service) => [service.name, service.before.state, service.before.impacted, service.after.state])).toEqual([
        ["Blog", "OPERATIONAL", true, "OFFLINE"],
        ["Shop", "OPERATIONAL", true, "OFFLINE"],
      ]);
    } finally {
      await database.prisma.serviceCheck.update({ where: { hostId_name: { hostId: web2.id, name: "HTTP" } }, data: { state: "OK" } });
    }

    // Others may not rename or delete it: 403 for one who sees it, 404 for one who does not.
    const patch = (token: string, body: unknown) => patchRoute(call(token, "PATCH", body)(`/scenarios/${scenario.id}`), params(scenario.id));
    expect((await patch(ids.tokens.admin, { name: "Mine now" })).status).toBe(403);
    expect((await patch(ids.tokens.db, { name: "Mine now" })).status).toBe(404);
    expect((await deleteRoute(call(ids.tokens.db, "DELETE")(`/scenarios/${scenario.id}`), params(scenario.id))).status).toBe(404);
    expect((await patch(ids.tokens.web, {})).status).toBe(400);
    const renamed = await patch(ids.tokens.web, { name: "One web server down" });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "One web server down" });

    // Listed for its owner only.
    const list = async (token: string) => ((await (await listRoute(call(token, "GET")("/scenarios"))).json()) as { list: { id: number }[] }).list.map((entry) => entry.id);
    expect(await list(ids.tokens.web)).toEqual([scenario.id]);
    expect(await list(ids.tokens.admin)).toEqual([]);

    expect((await deleteRoute(call(ids.tokens.web, "DELETE")(`/scenarios/${scenario.id}`), params(scenario.id))).status).toBe(204);
    expect((await open(ids.tokens.web, scenario.id)).status).toBe(404);
  });

  it("a saved change whose check has gone is skipped and listed when the scenario is opened", async () => {
    const db1 = await database.prisma.host.findUniqueOrThrow({ where: { name: "db1" } });
    await database.prisma.serviceCheck.create({ data: { hostId: db1.id, name: "Replication", state: "OK", contributingTemplates: ["DB"] } });
    const saved = (await (await save(ids.tokens.db, { name: "Replication breaks", changes: [{ host: "db1", check: "Replication", to: "failed" }] })).json()) as { scenario: { id: number } };
    await database.prisma.serviceCheck.delete({ where: { hostId_name: { hostId: db1.id, name: "Replication" } } });
    const reopened = await open(ids.tokens.db, saved.scenario.id);
    expect(reopened.status).toBe(200);
    const { result } = (await reopened.json()) as { result: WhatIfView };
    expect(result.skipped).toEqual([{ index: 0, change: { host: "db1", check: "Replication", to: "failed" }, reason: "Unknown check: Replication on db1" }]);
    expect(result.businessServices).toEqual([]);
  });

  it("refuses a scenario without a name, and ids that are no ids", async () => {
    const response = await save(ids.tokens.web, { name: " ", changes: [{ host: "web1", to: "failed" }] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({ name: "is required" });
    expect((await openRoute(call(ids.tokens.web, "GET")("/scenarios/abc"), params("abc"))).status).toBe(400);
  });
});
