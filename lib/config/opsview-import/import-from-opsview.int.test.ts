import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as opsviewImportRoute } from "@/app/api/config/import/opsview/route";
import type { Database } from "@/lib/db";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { bsmComponent, bsmService, startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";
import { createApiToken } from "../../auth/api-tokens";
import { loadAccess } from "../../auth/load-access";
import { ForbiddenError, ValidationError } from "../../errors/app-error";
import { createUser } from "../../users/create-user";
import { seedSmallEstate } from "../testing";
import { importFromOpsview } from ".";

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

describe.each(RUNTIMES)("import from Opsview on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let opsview: FakeOpsviewRestServer;

  beforeAll(async () => {
    opsview = await startOpsviewRestServer();
  });
  afterAll(async () => {
    await opsview.stop();
  });
  afterEach(() => {
    processDatabase.bsmDatabase = undefined;
    opsview.estate = { ...opsview.estate, bsmComponents: undefined, bsmServices: undefined };
  });

  async function setUp({ allowLoopback = true } = {}) {
    const database = await freshDatabase();
    const prisma = database.prisma;
    await seedSmallEstate(prisma);
    if (allowLoopback) await prisma.outboundPolicySettings.create({ data: { allow: ["127.0.0.1/32"], deny: [], updatedByEmail: "ops@example.test" } });
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
    const viewerRole = await prisma.role.create({ data: { name: "Viewer", bsmAccess: true, viewAll: true, allBusinessServices: true } });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: viewerRole.id } });
    const contextOf = async (user: { id: string; email: string }) => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    opsview.estate = {
      ...opsview.estate,
      bsmComponents: [bsmComponent(1, "Web EU", "Web", ["web-eu-2", "web-eu-1"], "50"), bsmComponent(2, "Db EU", "Db", ["db-eu-1"], "100.00")],
      bsmServices: [bsmService(1, "Shop", ["Db EU", "Web EU"])],
    };
    return { database, prisma, admin, viewer, contextOf };
  }

  const serverInput = (password = opsview.password) => ({ server: { baseUrl: opsview.url, username: opsview.username, password, acceptSelfSigned: false } });
  const snapshot = async (prisma: Awaited<ReturnType<typeof setUp>>["prisma"]) => ({
    components: await prisma.component.findMany({ orderBy: { name: "asc" }, select: { name: true, requiredOnline: true, hosts: { orderBy: { position: "asc" }, select: { host: { select: { name: true } } } } } }),
    services: await prisma.businessService.findMany({ orderBy: { name: "asc" }, select: { name: true, components: { orderBy: { position: "asc" }, select: { component: { select: { name: true } } } } } }),
    audit: await prisma.auditEntry.count(),
  });

  it("reads the BSM configuration from the Opsview REST API: the dry run writes nothing, apply creates it, applying again is unchanged", async () => {
    const { prisma, admin, contextOf } = await setUp();
    const context = await contextOf(admin);
    const empty = await snapshot(prisma);

    const preview = await importFromOpsview(context, serverInput(), { dryRun: true });
    expect(preview).toEqual({
      applied: false,
      plan: {
        components: [
          { name: "Db EU", action: "create" },
          { name: "Web EU", action: "create" },
        ],
        businessServices: [{ name: "Shop", action: "create" }],
        problems: [],
      },
    });
    expect(await snapshot(prisma)).toEqual(empty);
    expect(opsview.requests.filter((request) => request.path.startsWith("/rest/config/bsm")).map((request) => request.query.rows)).toEqual(["all", "all"]);

    expect((await importFromOpsview(context, serverInput())).applied).toBe(true);
    const applied = await snapshot(prisma);
    expect(applied.components).toEqual([
      { name: "Db EU", requiredOnline: 1, hosts: [{ host: { name: "db-eu-1" } }] },
      { name: "Web EU", requiredOnline: 1, hosts: [{ host: { name: "web-eu-2" } }, { host: { name: "web-eu-1" } }] },
    ]);
    expect(applied.services).toEqual([{ name: "Shop", components: [{ component: { name: "Db EU" } }, { component: { name: "Web EU" } }] }]);
    expect(applied.audit).toBeGreaterThan(empty.audit);

    // Access is loaded per request: a fresh one sees the components just created.
    const again = await importFromOpsview(await contextOf(admin), serverInput());
    expect([...again.plan.components, ...again.plan.businessServices].every((change) => change.action === "unchanged")).toBe(true);
    expect(await snapshot(prisma)).toEqual(applied);
  });

  it("gives problems at their place in Opsview's data and refuses to apply any of it", async () => {
    const { prisma, admin, contextOf } = await setUp();
    opsview.estate.bsmComponents = [
      bsmComponent(1, "Web EU", "Web", ["web-eu-1", "web-9"], "50"),
      { ...bsmComponent(2, "Db EU", "Db", ["db-eu-1"], "100"), quorum_pct: "101" },
      { ...bsmComponent(3, "Lost", "Web", ["web-us-1"], "100"), host_template: null },
    ];
    const context = await contextOf(admin);
    const preview = await importFromOpsview(context, serverInput(), { dryRun: true });
    expect(preview.plan.problems.map((problem) => problem.path)).toEqual(["bsmcomponent[1].quorum_pct", "bsmcomponent[2].host_template", "bsmcomponent[0].hosts[1]", "bsmservice[0].components[0]"]);
    const before = await snapshot(prisma);
    await expect(importFromOpsview(context, serverInput())).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(prisma)).toEqual(before);
  });

  it("says clearly that the login was refused, without the password, and refuses targets the outbound policy does not allow", async () => {
    const { admin, viewer, contextOf } = await setUp({ allowLoopback: false });
    const context = await contextOf(admin);
    const refused = importFromOpsview(context, serverInput(), { dryRun: true });
    await expect(refused).rejects.toThrow(/server\.baseUrl: refused by the outbound policy/);
    const requestsBefore = opsview.requests.length;
    await expect(importFromOpsview(await contextOf(viewer), serverInput(), { dryRun: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect(opsview.requests.length).toBe(requestsBefore);

    await context.prisma.outboundPolicySettings.create({ data: { allow: ["127.0.0.1/32"], deny: [], updatedByEmail: "ops@example.test" } });
    const wrongPassword = "not-the-Pa55word";
    const error = await importFromOpsview(context, serverInput(wrongPassword), { dryRun: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as ValidationError).message;
    expect(message).toMatch(/login rejected for user "bsm" \(HTTP 401\); check the username and password/);
    expect(message).not.toContain(wrongPassword);
  });

  it("answers through the REST route: a file preview by default, apply with dryRun=false, a wrong password as 400", async () => {
    const { database, prisma, admin, viewer, contextOf } = await setUp();
    processDatabase.bsmDatabase = database;
    await contextOf(admin);
    const adminToken = (await createApiToken(prisma, admin, { name: "automation" })).token;
    const viewerToken = (await createApiToken(prisma, viewer, { name: "viewer" })).token;
    const post = (query: string, body: unknown, token = adminToken) =>
      opsviewImportRoute(
        new Request(`http://localhost/api/config/import/opsview${query}`, {
          method: "POST",
          body: JSON.stringify(body),
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        }),
      );
    const file = { bsmservice: { list: opsview.estate.bsmServices, summary: {} }, bsmcomponent: { list: opsview.estate.bsmComponents, summary: {} } };

    const preview = await post("", { file });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ applied: false, plan: { problems: [] } });
    expect(await prisma.component.count()).toBe(0);

    const applied = await post("?dryRun=false", { file });
    expect(applied.status).toBe(200);
    expect(await applied.json()).toMatchObject({ applied: true });
    expect(await prisma.businessService.findMany({ select: { name: true } })).toEqual([{ name: "Shop" }]);

    const wrongPassword = await post("", serverInput("wrong-Pa55"));
    expect(wrongPassword.status).toBe(400);
    const body = JSON.stringify(await wrongPassword.json());
    expect(body).toMatch(/login rejected/);
    expect(body).not.toContain("wrong-Pa55");

    expect((await post("", { file: [] })).status).toBe(400);
    expect((await post("", { file }, viewerToken)).status).toBe(403);
  });
});
