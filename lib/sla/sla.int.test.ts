import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as serviceSlaRoute } from "@/app/api/sla/business-services/[id]/route";
import { DELETE as deleteExcludedRoute } from "@/app/api/sla/excluded-periods/[id]/route";
import { GET as listExcludedRoute, POST as createExcludedRoute } from "@/app/api/sla/excluded-periods/route";
import { GET as reportRoute } from "@/app/api/sla/report/route";
import type { Database } from "@/lib/db";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { createApiToken } from "../auth/api-tokens";
import { loadAccess } from "../auth/load-access";
import { businessServiceRef } from "../status/bsm-object";
import { createUser } from "../users/create-user";
import { objectSla, slaReport } from "./read";
import { setSlaTarget } from "./targets";

// SLA figures from a generated month of history (PGlite and PostgreSQL): an outage, a downtime, an
// excluded period cutting into a second outage; downtime counted and not; the REST routes around them.

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };
const HOUR = 3_600_000;
const NOW = Date.parse("2026-11-22T12:00:00Z");
const utc = (text: string) => new Date(`2026-${text}:00Z`);

/** Shop needs both web1 and web2 (Web servers, 2 of 2): every failure of web1's HTTP takes it OFFLINE. */
async function seed(prisma: PrismaClient) {
  const template = await prisma.hostTemplate.create({ data: { name: "Web" } });
  const [web1, web2] = await Promise.all(["web1", "web2"].map((name) => prisma.host.create({ data: { name, hostGroups: ["web"] } })));
  const component = await prisma.component.create({
    data: { name: "Web servers", hostTemplateId: template.id, requiredOnline: 2, createdAt: utc("10-01T00:00"), hosts: { create: [{ hostId: web1.id, position: 0 }, { hostId: web2.id, position: 1 }] } },
  });
  const shop = await prisma.businessService.create({ data: { name: "Shop", createdAt: utc("10-01T00:00"), components: { create: [{ componentId: component.id, position: 0 }] } } });
  const blog = await prisma.businessService.create({ data: { name: "Blog", createdAt: utc("10-01T00:00"), components: { create: [{ componentId: component.id, position: 0 }] } } });
  await prisma.serviceCheck.createMany({
    data: [
      { hostId: web1.id, name: "HTTP", state: "OK", contributingTemplates: ["Web"] },
      { hostId: web2.id, name: "HTTP", state: "OK", contributingTemplates: ["Web"] },
    ],
  });
  const change = (at: string, state: "OK" | "CRITICAL", inDowntime = false) => ({ host: "web1", check: "HTTP", at: utc(at), state, acknowledged: false, inDowntime });
  await prisma.checkStateChange.createMany({
    data: [
      change("10-15T00:00", "OK"),
      change("11-10T00:00", "CRITICAL"), // 3 h failed
      change("11-10T03:00", "OK"),
      change("11-15T00:00", "CRITICAL", true), // 2 h downtime
      change("11-15T02:00", "OK"),
      change("11-20T10:00", "CRITICAL"), // 1 h failed, its first half excluded
      change("11-20T11:00", "OK"),
    ],
  });
  const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
  const viewerRole = await prisma.role.create({ data: { name: "Shop viewers", businessServices: { create: { businessServiceId: shop.id, canEdit: false } } } });
  const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
  await prisma.user.update({ where: { id: viewer.id }, data: { roleId: viewerRole.id } });
  // CONFIGUREBSM, Shop view only: may change the SLA of the components it sees, not of Shop.
  const configurerRole = await prisma.role.create({ data: { name: "Configurers", configureBsm: true, businessServices: { create: { businessServiceId: shop.id, canEdit: false } } } });
  const configurer = await createUser(prisma, { email: "configurer@test.local", name: "Configurer", password: "configurer-password" });
  await prisma.user.update({ where: { id: configurer.id }, data: { roleId: configurerRole.id } });
  await prisma.excludedPeriod.create({ data: { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id), from: utc("11-20T10:00"), to: utc("11-20T10:30"), reason: "Monitoring fault", createdById: admin.id } });
  const token = async (user: { id: string; email: string }, scope = "full") => (await createApiToken(prisma, user, { name: `t-${scope}`, scope })).token;
  return {
    shopId: shop.id,
    blogId: blog.id,
    componentId: component.id,
    admin: { id: admin.id, email: admin.email },
    viewerId: viewer.id,
    tokens: { admin: await token(admin), adminReadOnly: await token(admin, "read-only"), viewer: await token(viewer), configurer: await token(configurer) },
  };
}

const request = (token: string, method: string, path: string, body?: unknown) =>
  new Request(`http://localhost/api/sla${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
const params = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

describe.each(RUNTIMES)("SLA figures and routes on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { lifetime: "suite" });
  let database: FreshDatabase;
  let ids: Awaited<ReturnType<typeof seed>>;
  const adminAccess = async () => loadAccess(database.prisma, ids.admin.id);

  beforeAll(async () => {
    database = await freshDatabase();
    processDatabase.bsmDatabase = database;
    ids = await seed(database.prisma);
  }, 120_000);
  afterAll(() => {
    processDatabase.bsmDatabase = undefined;
  });

  it("leaves downtime and the excluded half hour out: 3.5 h failed of 513.5 h counted so far", async () => {
    const access = await adminAccess();
    await setSlaTarget({ prisma: database.prisma, user: ids.admin, access }, businessServiceRef(ids.shopId), { targetPercent: 99.5, period: "MONTH", timeZone: "UTC" });
    const sla = await objectSla(database.prisma, access, businessServiceRef(ids.shopId), { now: NOW });
    expect(sla?.figures).toMatchObject({
      period: { from: Date.parse("2026-11-01T00:00:00Z"), to: Date.parse("2026-12-01T00:00:00Z") },
      achieved: 99.32, // 510 / 513.5
      usedMs: 3.5 * HOUR,
      budgetMs: Math.round(0.005 * 717.5 * HOUR), // 513.5 h so far + 204 h to come
      usedPercent: 97.56,
      projected: 99.51, // 714 / 717.5
      met: false,
      projectedMet: true,
      outages: { count: 2, longestMs: 3 * HOUR, mttrMs: 1.75 * HOUR },
    });
    expect(sla?.figures.soFar).toMatchObject({ downtimeMs: 2 * HOUR, excludedMs: HOUR / 2, failedMs: 3.5 * HOUR });
  });

  it("counts the downtime as an outage and against the budget when the SLA says so; the audit has both changes", async () => {
    const access = await adminAccess();
    await setSlaTarget({ prisma: database.prisma, user: ids.admin, access }, businessServiceRef(ids.shopId), { targetPercent: 99.5, countDowntime: true });
    const sla = await objectSla(database.prisma, access, businessServiceRef(ids.shopId), { now: NOW });
    expect(sla?.figures).toMatchObject({ achieved: 98.93, usedMs: 5.5 * HOUR, outages: { count: 3, longestMs: 3 * HOUR } });
    const audit = await database.prisma.auditEntry.findMany({ where: { action: "sla.set" }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.target).toBe(`business_service:${ids.shopId}`);
  });

  it("reports every visible service, with and without a target", async () => {
    const report = await slaReport(database.prisma, await adminAccess(), { period: "month", offset: 0, timeZone: "UTC", now: NOW });
    expect(report.rows.map((row) => [row.name, row.targetPercent, row.outages])).toEqual([
      ["Blog", null, 2], // its downtime is no outage by default
      ["Shop", 99.5, 3],
    ]);
    const blog = report.rows[0]!;
    expect(blog).toMatchObject({ budgetMs: null, usedPercent: null, usedMs: 4 * HOUR, countDowntime: false, excludedMs: 0 });
    expect(report.rows[1]).toMatchObject({ excludedMs: HOUR / 2 });
    const previous = await slaReport(database.prisma, await adminAccess(), { period: "quarter", offset: -1, timeZone: "UTC", now: NOW });
    expect(previous.from).toBe("2026-07-01T00:00:00.000Z");
    expect(previous.rows.every((row) => row.outages === 0 && row.achieved === 100)).toBe(true);
  });

  it("answers the report as JSON and CSV to the viewer, with only the service it sees", async () => {
    const json = await reportRoute(request(ids.tokens.viewer, "GET", "/report?period=month&offset=-1"));
    expect(json.status).toBe(200);
    expect(((await json.json()) as { rows: { name: string }[] }).rows.map((row) => row.name)).toEqual(["Shop"]);
    const csv = await reportRoute(new Request("http://localhost/api/sla/report?period=month&offset=-1", { headers: { authorization: `Bearer ${ids.tokens.viewer}`, accept: "text/csv" } }));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Shop,99\.5,true,/);
    const bad = await reportRoute(request(ids.tokens.viewer, "GET", "/report?period=week&offset=2"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { period: expect.any(String) } });
  });

  it("shows an object's SLA to whoever sees it, 404 to others", async () => {
    const shop = await serviceSlaRoute(request(ids.tokens.viewer, "GET", `/business-services/${ids.shopId}`), params(ids.shopId));
    expect(await shop.json()).toMatchObject({ objectType: "BUSINESS_SERVICE", objectId: ids.shopId, target: { targetPercent: 99.5 }, sla: { from: expect.any(String) } });
    expect((await serviceSlaRoute(request(ids.tokens.viewer, "GET", `/business-services/${ids.blogId}`), params(ids.blogId))).status).toBe(404);
    const blog = await serviceSlaRoute(request(ids.tokens.admin, "GET", `/business-services/${ids.blogId}`), params(ids.blogId));
    expect(await blog.json()).toMatchObject({ target: null, sla: null });
  });

  it("excluded periods: listed for viewers; created and deleted with CONFIGUREBSM only, audited; bad input is a 400", async () => {
    const body = { objectType: "BUSINESS_SERVICE", objectId: ids.shopId, from: "2026-11-10T00:00:00Z", to: "2026-11-10T03:00:00Z", reason: "Agreed maintenance" };
    expect((await createExcludedRoute(request(ids.tokens.viewer, "POST", "/excluded-periods", body))).status).toBe(403);
    expect((await createExcludedRoute(request(ids.tokens.adminReadOnly, "POST", "/excluded-periods", body))).status).toBe(403);
    const bad = await createExcludedRoute(request(ids.tokens.admin, "POST", "/excluded-periods", { ...body, to: body.from }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { to: "The end must be after the start" } });

    const created = await createExcludedRoute(request(ids.tokens.admin, "POST", "/excluded-periods", body));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const sla = await objectSla(database.prisma, await adminAccess(), businessServiceRef(ids.shopId), { now: NOW });
    expect(sla?.figures).toMatchObject({ usedMs: 2.5 * HOUR, outages: { count: 2, longestMs: 2 * HOUR } });

    const listed = await listExcludedRoute(request(ids.tokens.viewer, "GET", `/excluded-periods?objectType=BUSINESS_SERVICE&objectId=${ids.shopId}`));
    expect(((await listed.json()) as { list: { reason: string; canDelete: boolean }[] }).list).toEqual([
      expect.objectContaining({ reason: "Monitoring fault", canDelete: false }),
      expect.objectContaining({ reason: "Agreed maintenance", canDelete: false }),
    ]);
    expect((await listExcludedRoute(request(ids.tokens.viewer, "GET", "/excluded-periods?objectType=HOST&objectId=x"))).status).toBe(400);

    expect((await deleteExcludedRoute(request(ids.tokens.viewer, "DELETE", `/excluded-periods/${id}`), params(id))).status).toBe(403);
    expect((await deleteExcludedRoute(request(ids.tokens.admin, "DELETE", `/excluded-periods/${id}`), params(id))).status).toBe(204);
    expect((await deleteExcludedRoute(request(ids.tokens.admin, "DELETE", `/excluded-periods/${id}`), params(id))).status).toBe(404);
    const audit = await database.prisma.auditEntry.findMany({ where: { action: { startsWith: "excluded-period." } }, select: { action: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["excluded-period.create", "excluded-period.delete"]);
  });

  it("CONFIGUREBSM changes a component it sees, not a service it may only view", async () => {
    const body = { objectType: "BUSINESS_SERVICE", objectId: ids.shopId, from: 0, to: HOUR, reason: "Not theirs" };
    const refused = await createExcludedRoute(request(ids.tokens.configurer, "POST", "/excluded-periods", body));
    expect(refused.status).toBe(403);
    const created = await createExcludedRoute(request(ids.tokens.configurer, "POST", "/excluded-periods", { ...body, objectType: "COMPONENT", objectId: ids.componentId }));
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ objectType: "COMPONENT", objectId: ids.componentId, canDelete: true, createdBy: "configurer@test.local" });
  });
});
