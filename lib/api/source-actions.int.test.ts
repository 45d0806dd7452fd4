import { afterEach, describe, expect, it, vi } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { POST as acknowledgeRoute } from "@/app/api/actions/acknowledge/route";
import { POST as downtimeRoute } from "@/app/api/actions/downtime/route";
import { POST as removeDowntimeRoute } from "@/app/api/actions/remove-downtime/route";
import { GET as capabilitiesRoute } from "@/app/api/actions/capabilities/route";
import { GET as listRoute } from "@/app/api/actions/route";
import type { Database } from "@/lib/db";
import { createApiToken } from "../auth/api-tokens";
import { Poller } from "../poller/poller";
import { seedConfigurationIfEmpty } from "../poller/seed-configuration";
import { createSimulatedSource } from "../sources/simulated";
import { createUser } from "../users/create-user";

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

describe.each(RUNTIMES)("REST /api/actions on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  afterEach(() => {
    processDatabase.bsmDatabase = undefined;
    vi.unstubAllEnvs();
  });

  async function setUp() {
    vi.stubEnv("BSM_SOURCE", "simulated");
    const database = await freshDatabase();
    processDatabase.bsmDatabase = database;
    const prisma = database.prisma;
    const source = createSimulatedSource({ seed: 5, hosts: 40, businessServices: 5, eventsPerHour: 20, now: Date.now });
    const { components, businessServices } = source.configuration;
    await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, components, businessServices }, Date.now());
    await new Poller({ database, source, pollIntervalMs: 1000 }).runCycle();
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Ada Admin", password: "admin-password", isAdmin: true });
    const viewer = await createUser(prisma, { email: "viewer@test.local", name: "Viewer", password: "viewer-password" });
    const role = await prisma.role.create({ data: { name: "Viewer", viewAll: true } });
    await prisma.user.update({ where: { id: viewer.id }, data: { roleId: role.id } });
    const tokens = {
      admin: (await createApiToken(prisma, admin, { name: "automation" })).token,
      readOnly: (await createApiToken(prisma, admin, { name: "read", scope: "read-only" })).token,
      viewer: (await createApiToken(prisma, viewer, { name: "viewer" })).token,
    };
    const failing = await prisma.serviceCheck.findFirstOrThrow({ where: { state: "CRITICAL" }, include: { host: true } });
    const post = (route: (request: Request) => Promise<Response>, path: string, token: string, body: unknown) =>
      route(new Request(`http://localhost${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));
    const get = (route: (request: Request) => Promise<Response>, path: string, token: string) => route(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }));
    return { prisma, tokens, failing, post, get };
  }

  it("acknowledge answers 202 with the pending action; the list and capabilities follow; refusals are 400, 403 and 409", async () => {
    const { prisma, tokens, failing, post, get } = await setUp();
    const created = await post(acknowledgeRoute, "/api/actions/acknowledge", tokens.admin, { targets: [{ host: failing.host.name, check: failing.name }], comment: "on it" });
    expect(created.status).toBe(202);
    const action = (await created.json()) as { id: number; status: string; kind: string; sticky: boolean; userName: string };
    expect(action).toMatchObject({ status: "pending", kind: "acknowledge", sticky: false, userName: "Ada Admin" });
    // `kind` comes from the path, whatever the body says.
    const forced = await post(downtimeRoute, "/api/actions/downtime", tokens.admin, { kind: "acknowledge", targets: [{ host: failing.host.name }], comment: "window", startAt: Date.now(), endAt: Date.now() + 60_000 });
    expect(forced.status).toBe(202);
    expect(((await forced.json()) as { kind: string }).kind).toBe("downtime");

    const list = await get(listRoute, `/api/actions?ids=${action.id}`, tokens.admin);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { list: { id: number }[] }).list.map((entry) => entry.id)).toEqual([action.id]);
    expect((await get(listRoute, "/api/actions?ids=1,x", tokens.admin)).status).toBe(400);
    expect(await (await get(capabilitiesRoute, "/api/actions/capabilities", tokens.admin)).json()).toEqual({ canAct: true, sourceAccepts: true, userMayAct: true, reason: null });

    const invalid = await post(downtimeRoute, "/api/actions/downtime", tokens.admin, { targets: [], comment: "x", startAt: 10, endAt: 5 });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { fieldErrors: Record<string, string> }).fieldErrors).toEqual({ targets: "choose at least one host or check" });
    expect((await post(removeDowntimeRoute, "/api/actions/remove-downtime", tokens.admin, "[1, 2]")).status).toBe(400);
    expect((await post(acknowledgeRoute, "/api/actions/acknowledge", tokens.admin, { targets: [{ host: "no-such-host" }], comment: "x" })).status).toBe(404);

    expect((await post(acknowledgeRoute, "/api/actions/acknowledge", tokens.readOnly, { targets: [{ host: failing.host.name }], comment: "x" })).status).toBe(403);
    const refused = await post(acknowledgeRoute, "/api/actions/acknowledge", tokens.viewer, { targets: [{ host: failing.host.name }], comment: "x" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "This needs the ACTIONBSM permission" });
    expect(await (await get(listRoute, "/api/actions", tokens.viewer)).json()).toEqual({ list: [] });
    expect(((await (await get(capabilitiesRoute, "/api/actions/capabilities", tokens.viewer)).json()) as { canAct: boolean }).canAct).toBe(false);

    vi.stubEnv("BSM_SOURCE", "icinga-ido");
    const readOnlySource = await post(acknowledgeRoute, "/api/actions/acknowledge", tokens.admin, { targets: [{ host: failing.host.name }], comment: "x" });
    expect(readOnlySource.status).toBe(409);
    expect(await readOnlySource.json()).toEqual({ error: "The Icinga IDO database is read-only: acknowledge and schedule downtime in Icinga itself." });
    expect(await prisma.sourceAction.count()).toBe(2);
  });
});
