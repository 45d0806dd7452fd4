import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";
import { loadAccess } from "../../auth/load-access";
import { singleProcessLeadership } from "../../poller/leadership";
import { runPoller, type RunningPoller } from "../../poller/run-poller";
import { listSourceActions, requestSourceAction, type SourceActionView } from "../../source-actions";
import { createUser } from "../../users/create-user";
import { createOpsviewRestSource } from "./index";

/** Acknowledgements and downtime through Opsview's REST API (the local Opsview-shaped server), end to end through the poller. */
describe("source actions through Opsview REST", () => {
  const freshDatabase = freshDatabaseOpener("pglite");
  let server: FakeOpsviewRestServer;
  let poller: RunningPoller | null = null;

  beforeEach(async () => {
    vi.stubEnv("BSM_SOURCE", "opsview-rest");
    server = await startOpsviewRestServer();
  });

  afterEach(async () => {
    await poller?.stop();
    poller = null;
    await server.stop();
    vi.unstubAllEnvs();
  });

  async function setUp() {
    const database = await freshDatabase();
    const source = createOpsviewRestSource({ baseUrl: server.url, username: server.username, password: server.password }, { timeoutMs: 2_000 });
    poller = runPoller({ database, source, pollIntervalMs: 500, leadership: singleProcessLeadership(), log: () => {} });
    const prisma = database.prisma;
    await waitFor(async () => (await prisma.serviceCheck.count()) > 0);
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Ada Admin", password: "admin-password", isAdmin: true });
    const context = { prisma, user: admin, access: await loadAccess(prisma, admin.id) };
    const settled = async (id: number): Promise<SourceActionView> => {
      let view: SourceActionView | undefined;
      await waitFor(async () => {
        [view] = await listSourceActions(context, { ids: [id] });
        return view?.status === "confirmed" || view?.status === "failed";
      });
      return view!;
    };
    const stored = (host: string) => prisma.serviceCheck.findMany({ where: { host: { name: host } }, select: { name: true, acknowledged: true, inDowntime: true }, orderBy: { name: "asc" } });
    return { prisma, context, settled, stored };
  }

  it("acknowledges a host's failing check with Opsview's resource; the status listing and then our state show it; removal too", async () => {
    const { context, settled, stored } = await setUp();
    const ack = await requestSourceAction(context, { kind: "acknowledge", targets: [{ host: "db1" }], comment: "disk; cleanup <soon>", sticky: true, expiresAt: Date.now() + 3_600_000 });
    const done = await settled(ack.id);
    expect(done.status).toBe("confirmed");
    const post = server.requests.find((request) => request.method === "POST" && request.path === "/rest/acknowledge");
    expect(post?.query).toEqual({ "svc.hostname": "db1" });
    expect(server.acknowledgements).toEqual([{ host: "db1", service: "Disk /", comment: "disk  cleanup  soon  (by Ada Admin (admin@test.local) through BSM Dashboard)", sticky: true, author: "bsm" }]);
    expect(await stored("db1")).toEqual([
      { name: "Disk /", acknowledged: true, inDowntime: false },
      { name: "MySQL", acknowledged: false, inDowntime: false },
    ]);
    const prisma = context.prisma;
    const sent = await prisma.auditEntry.findFirstOrThrow({ where: { target: `source-action:${ack.id}`, action: "source-action.sent" } });
    expect(sent.detail).toMatchObject({ answer: "Opsview accepted it for 0 hosts and 1 service. Opsview's acknowledgements have no expiry: it lasts until the check recovers or it is removed." });

    const removal = await requestSourceAction(context, { kind: "remove-acknowledgement", targets: [{ host: "db1", check: "Disk /" }] });
    expect((await settled(removal.id)).status).toBe("confirmed");
    expect(server.requests.find((request) => request.method === "DELETE" && request.path === "/rest/acknowledge")?.query).toEqual({ "svc.hostname": "db1", "svc.servicename": "Disk /" });
    expect((await stored("db1")).some((check) => check.acknowledged)).toBe(false);
  }, 30_000);

  it("schedules downtime for a host (hst.hostname: the host and its services) and removes it with DELETE", async () => {
    const { context, settled, stored } = await setUp();
    const now = Date.now();
    const downtime = await requestSourceAction(context, { kind: "downtime", targets: [{ host: "web1" }], comment: "patching", startAt: now, endAt: now + 3_600_000 });
    expect((await settled(downtime.id)).status).toBe("confirmed");
    expect(server.requests.find((request) => request.method === "POST" && request.path === "/rest/downtime")?.query).toEqual({ "hst.hostname": "web1" });
    expect(server.downtimes.map((entry) => [entry.host, entry.service, entry.end - entry.start])).toEqual([
      ["web1", null, 3600],
      ["web1", "HTTP", 3600],
      ["web1", "Disk /", 3600],
      ["web1", "Load", 3600],
    ]);
    expect((await stored("web1")).every((check) => check.inDowntime)).toBe(true);

    const removal = await requestSourceAction(context, { kind: "remove-downtime", targets: [{ host: "web1" }] });
    expect((await settled(removal.id)).status).toBe("confirmed");
    expect(server.downtimes).toEqual([]);
    expect((await stored("web1")).some((check) => check.inDowntime)).toBe(false);
  }, 30_000);

  it("a refusal fails with Opsview's message, never the password", async () => {
    const { prisma, context, settled } = await setUp();
    // Stored as if web1's HTTP were failing: it is OK in Opsview, which chooses no object.
    const row = await prisma.sourceAction.create({
      data: { userId: context.user.id, userName: "Ada Admin", kind: "acknowledge", targets: [{ host: "web1", check: "HTTP" }], comment: "stale", sticky: false, sourceKind: "opsview-rest" },
    });
    const failed = await settled(row.id);
    expect(failed).toMatchObject({ status: "failed", message: "The source refused it: Opsview POST /rest/acknowledge for HTTP on web1: No objects chosen for acknowledgements" });
    expect(failed.message).not.toContain(server.password);
  }, 30_000);
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
