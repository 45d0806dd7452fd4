import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openFreshDatabase } from "@/tests/support/databases";
import { startIcingaTestbed, type IcingaEstate, type IcingaTestbed } from "@/tests/support/icinga-testbed";
import { loadAccess } from "@/lib/auth/load-access";
import { singleProcessLeadership } from "@/lib/poller/leadership";
import { runPoller, type RunningPoller } from "@/lib/poller/run-poller";
import { listSourceActions, requestSourceAction, type SourceActionView } from "@/lib/source-actions";
import { createIcingaApiSource } from "@/lib/sources/icinga-api";
import { createUser } from "@/lib/users/create-user";

/**
 * Acknowledgements and downtime through a real Icinga 2 (docs/source-actions.md): asked for through
 * lib/source-actions, sent by the poller's executor, seen in Icinga's API, then in our stored state.
 */

const estate: IcingaEstate = {
  hostTemplates: [{ name: "web-server" }],
  hostGroups: ["web"],
  hosts: [
    { name: "web1", templates: ["web-server"], groups: ["web"], services: ["HTTP", "Load"] },
    { name: "web2", templates: ["web-server"], groups: ["web"], services: ["HTTP", "Load"] },
  ],
};

let testbed: IcingaTestbed;
let database: Awaited<ReturnType<typeof openFreshDatabase>>;
let poller: RunningPoller;

beforeAll(async () => {
  vi.stubEnv("BSM_SOURCE", "icinga-api");
  testbed = await startIcingaTestbed(estate);
  for (const host of estate.hosts) for (const service of host.services) await testbed.setServiceState(host.name, service, 0, `${service} OK`);
  await testbed.setServiceState("web1", "HTTP", 2, "HTTP CRITICAL - connection refused");
  database = await openFreshDatabase("postgres");
  await database.migrate();
  const source = createIcingaApiSource({ baseUrl: testbed.apiUrl, username: testbed.apiUser, password: testbed.apiPassword, caFile: testbed.caFile, tlsServerName: testbed.certificateName });
  poller = runPoller({ database, source, pollIntervalMs: 1_000, leadership: singleProcessLeadership(), log: () => {} });
  await waitFor(async () => (await database.prisma.serviceCheck.count({ where: { state: "CRITICAL" } })) === 1);
}, 240_000);

afterAll(async () => {
  await poller?.stop();
  await database?.dropDatabase();
  await testbed?.stop();
  vi.unstubAllEnvs();
}, 60_000);

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function adminContext() {
  const existing = await database.prisma.user.findUnique({ where: { email: "admin@test.local" } });
  const admin = existing ?? (await createUser(database.prisma, { email: "admin@test.local", name: "Ada Admin", password: "admin-password", isAdmin: true }));
  return { prisma: database.prisma, user: admin, access: await loadAccess(database.prisma, admin.id) };
}

async function settled(id: number): Promise<SourceActionView> {
  const context = await adminContext();
  let view: SourceActionView | undefined;
  await waitFor(async () => {
    [view] = await listSourceActions(context, { ids: [id] });
    return view !== undefined && (view.status === "confirmed" || view.status === "failed");
  });
  return view!;
}

type ServiceAttrs = { name: string; attrs: { acknowledgement: number; downtime_depth: number } };
const icingaService = async (host: string, service: string) =>
  ((await testbed.api("GET", `/v1/objects/services/${encodeURIComponent(`${host}!${service}`)}?attrs=acknowledgement&attrs=downtime_depth`)) as { results: ServiceAttrs[] }).results[0]!.attrs;
const storedChecks = (host: string) => database.prisma.serviceCheck.findMany({ where: { host: { name: host } }, select: { name: true, acknowledged: true, inDowntime: true }, orderBy: { name: "asc" } });

describe("source actions on a real Icinga 2", () => {
  it("acknowledges a CRITICAL check: Icinga's API shows it, then our stored state; removing it clears both", async () => {
    const context = await adminContext();
    const ack = await requestSourceAction(context, { kind: "acknowledge", targets: [{ host: "web1" }], comment: "looking into it", sticky: true });
    const done = await settled(ack.id);
    expect(done).toMatchObject({ status: "confirmed", message: "Confirmed: the source shows it." });
    expect((await icingaService("web1", "HTTP")).acknowledgement).toBe(2); // sticky
    expect((await icingaService("web1", "Load")).acknowledgement).toBe(0); // OK: nothing to acknowledge
    expect(await storedChecks("web1")).toEqual([
      { name: "HTTP", acknowledged: true, inDowntime: false },
      { name: "Load", acknowledged: false, inDowntime: false },
    ]);
    const comments = (await testbed.api("GET", "/v1/objects/comments")) as { results: { attrs: { author: string; text: string; host_name: string } }[] };
    expect(comments.results.map((comment) => comment.attrs)).toContainEqual(expect.objectContaining({ author: "Ada Admin (admin@test.local)", text: "looking into it", host_name: "web1" }));
    const audit = await database.prisma.auditEntry.findMany({ where: { target: `source-action:${ack.id}` }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["source-action.acknowledge", "source-action.sent", "source-action.confirmed"]);
    expect(audit[1].detail).toMatchObject({ answer: "Icinga 2 accepted it for 1 object." });

    const removal = await requestSourceAction(context, { kind: "remove-acknowledgement", targets: [{ host: "web1", check: "HTTP" }] });
    expect((await settled(removal.id)).status).toBe("confirmed");
    expect((await icingaService("web1", "HTTP")).acknowledgement).toBe(0);
    expect((await storedChecks("web1")).every((check) => !check.acknowledged)).toBe(true);
  }, 90_000);

  it("schedules downtime for a host and all its checks, then removes it", async () => {
    const context = await adminContext();
    const now = Date.now();
    const downtime = await requestSourceAction(context, { kind: "downtime", targets: [{ host: "web2" }], comment: "patching", startAt: now - 1_000, endAt: now + 3_600_000 });
    expect((await settled(downtime.id)).status).toBe("confirmed");
    const downtimes = (await testbed.api("GET", "/v1/objects/downtimes")) as { results: { attrs: { host_name: string; service_name: string; comment: string; author: string } }[] };
    const web2 = downtimes.results.map((entry) => entry.attrs).filter((attrs) => attrs.host_name === "web2");
    expect(web2.map((attrs) => attrs.service_name).sort()).toEqual(["", "HTTP", "Load"]);
    expect(web2.every((attrs) => attrs.comment === "patching" && attrs.author === "Ada Admin (admin@test.local)")).toBe(true);
    expect((await icingaService("web2", "Load")).downtime_depth).toBeGreaterThan(0);
    expect(await storedChecks("web2")).toEqual([
      { name: "HTTP", acknowledged: false, inDowntime: true },
      { name: "Load", acknowledged: false, inDowntime: true },
    ]);

    const removal = await requestSourceAction(context, { kind: "remove-downtime", targets: [{ host: "web2" }] });
    expect((await settled(removal.id)).status).toBe("confirmed");
    expect((await icingaService("web2", "Load")).downtime_depth).toBe(0);
    expect((await storedChecks("web2")).some((check) => check.inDowntime)).toBe(false);
  }, 90_000);

  it("a command Icinga refuses fails with Icinga's message, never the password", async () => {
    const context = await adminContext();
    // Stored as if web2's Load were failing (it is OK in Icinga): the executor sends it and Icinga refuses.
    const row = await database.prisma.sourceAction.create({
      data: { userId: context.user.id, userName: "Ada Admin", kind: "acknowledge", targets: [{ host: "web2", check: "Load" }], comment: "stale", sticky: false, sourceKind: "icinga-api" },
    });
    const failed = await settled(row.id);
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/^The source refused it: Icinga 2 acknowledge-problem for Load on web2: /);
    expect(failed.message).not.toContain(testbed.apiPassword);
    const audit = await database.prisma.auditEntry.findFirstOrThrow({ where: { target: `source-action:${row.id}`, action: "source-action.failed" } });
    expect(audit.detail).toMatchObject({ answer: failed.message });
  }, 60_000);
});
