import { describe, expect, it, vi } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { loadAccess } from "../auth/load-access";
import type { ConfigContext } from "../config/context";
import { ConflictError, ForbiddenError, NotFoundError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import { Poller } from "../poller/poller";
import { seedConfigurationIfEmpty } from "../poller/seed-configuration";
import { createSimulatedSource } from "../sources/simulated";
import { SourceCommandError, type MonitoringSource } from "../sources/types";
import { createUser } from "../users/create-user";
import { SourceActionExecutor } from "./executor";
import { getSourceActionCapabilities, listSourceActions, requestSourceAction } from ".";

// Now, as the input checks times against the real clock; the simulation runs on its own clock from here.
const T0 = Math.floor(Date.now() / 1000) * 1000;
const MINUTE = 60_000;

describe.each(RUNTIMES)("source actions on %s (simulated source)", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  async function setUp() {
    vi.stubEnv("BSM_SOURCE", "simulated");
    const database = await freshDatabase();
    const prisma = database.prisma;
    const clock = { now: T0 };
    const now = () => clock.now;
    const source = createSimulatedSource({ seed: 5, hosts: 40, businessServices: 5, eventsPerHour: 20, now });
    const { components, businessServices } = source.configuration;
    await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, components, businessServices }, T0);
    const poller = new Poller({ database, source, pollIntervalMs: 1000, now });
    await poller.runCycle();
    const admin = await createUser(prisma, { email: "admin@test.local", name: "Ada Admin", password: "admin-password", isAdmin: true });
    const contextOf = async (user: { id: string; email: string }): Promise<ConfigContext> => ({ prisma, user, access: await loadAccess(prisma, user.id) });
    const executorFor = (which: MonitoringSource = source) => new SourceActionExecutor({ prisma, source: which, log: () => undefined, now });
    const failing = await prisma.serviceCheck.findFirstOrThrow({ where: { state: "CRITICAL", acknowledged: false }, include: { host: true } });
    const okHost = await prisma.host.findFirstOrThrow({ where: { serviceChecks: { every: { state: "OK", inDowntime: false } } } });
    const stored = (host: string) => prisma.serviceCheck.findMany({ where: { host: { name: host } }, select: { name: true, state: true, acknowledged: true, inDowntime: true } });
    return { database, prisma, clock, source, poller, admin, contextOf, executorFor, failing, okHost, stored };
  }

  it("acknowledges a failing check: pending, sent, then confirmed once a poll stores it; audited at every step", async () => {
    const { prisma, poller, admin, contextOf, executorFor, failing, stored } = await setUp();
    const context = await contextOf(admin);
    const view = await requestSourceAction(context, { kind: "acknowledge", targets: [{ host: failing.host.name, check: failing.name }], comment: "on it", sticky: true });
    expect(view).toMatchObject({ status: "pending", kind: "acknowledge", sticky: true, expiresAt: null, userName: "Ada Admin", comment: "on it" });
    const executor = executorFor();
    await executor.tick();
    expect((await listSourceActions(context, { ids: [view.id] }))[0]).toMatchObject({ status: "sent", message: "Acknowledged 1 failing check." });
    // Not in our stored state before the next poll.
    expect((await stored(failing.host.name)).find((check) => check.name === failing.name)?.acknowledged).toBe(false);
    await poller.runCycle();
    expect((await stored(failing.host.name)).find((check) => check.name === failing.name)?.acknowledged).toBe(true);
    await executor.tick();
    const [done] = await listSourceActions(context, { ids: [view.id] });
    expect(done).toMatchObject({ status: "confirmed", message: "Confirmed: the source shows it." });
    const audit = await prisma.auditEntry.findMany({ where: { target: `source-action:${view.id}` }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["source-action.acknowledge", "source-action.sent", "source-action.confirmed"]);
    expect(audit[0]).toMatchObject({ userId: admin.id, userEmail: "admin@test.local" });
    expect(audit[1].detail).toMatchObject({ answer: "Acknowledged 1 failing check.", sourceKind: "simulated" });
  });

  it("downtime for a host covers all its checks until removed; a later start stays sent until it starts", async () => {
    const { poller, admin, contextOf, executorFor, okHost, stored, clock, source } = await setUp();
    const context = await contextOf(admin);
    const executor = executorFor();
    const downtime = await requestSourceAction(context, { kind: "downtime", targets: [{ host: okHost.name }], comment: "patching", startAt: T0, endAt: T0 + 60 * MINUTE });
    await executor.tick();
    await poller.runCycle();
    await executor.tick();
    expect((await listSourceActions(context, { ids: [downtime.id] }))[0].status).toBe("confirmed");
    expect((await stored(okHost.name)).every((check) => check.inDowntime)).toBe(true);

    const removal = await requestSourceAction(context, { kind: "remove-downtime", targets: [{ host: okHost.name }] });
    await executor.tick();
    await poller.runCycle();
    await executor.tick();
    expect((await listSourceActions(context, { ids: [removal.id] }))[0].status).toBe("confirmed");
    expect((await stored(okHost.name)).some((check) => check.inDowntime)).toBe(false);

    // Starts in 10 minutes: sent, still pending after 5, confirmed once it has started.
    const later = await requestSourceAction(context, { kind: "downtime", targets: [{ host: okHost.name }], comment: "tonight", startAt: T0 + 10 * MINUTE, endAt: T0 + 20 * MINUTE });
    await executor.tick();
    clock.now = T0 + 5 * MINUTE;
    await poller.runCycle();
    await executor.tick();
    expect((await listSourceActions(context, { ids: [later.id] }))[0].status).toBe("sent");
    clock.now = T0 + 11 * MINUTE;
    await poller.runCycle();
    await executor.tick();
    expect((await listSourceActions(context, { ids: [later.id] }))[0].status).toBe("confirmed");
    // It ends by itself at endAt.
    clock.now = T0 + 21 * MINUTE;
    await poller.runCycle();
    expect((await stored(okHost.name)).some((check) => check.inDowntime)).toBe(false);
    expect(source.describe()).toContain("simulated");
  });

  it("a refusal fails with the source's message; an effect that never shows fails after 2 minutes", async () => {
    const { admin, contextOf, executorFor, failing, okHost, clock, source } = await setUp();
    const context = await contextOf(admin);
    const refusing: MonitoringSource = { ...source, kind: "simulated", execute: async () => Promise.reject(new SourceCommandError("No objects found (filter matched nothing)")) };
    const refused = await requestSourceAction(context, { kind: "acknowledge", targets: [{ host: failing.host.name }], comment: "x" });
    await executorFor(refusing).tick();
    expect((await listSourceActions(context, { ids: [refused.id] }))[0]).toMatchObject({
      status: "failed",
      message: "The source refused it: No objects found (filter matched nothing)",
    });

    const silent: MonitoringSource = { ...source, kind: "simulated", execute: async () => ({}) };
    const ignored = await requestSourceAction(context, { kind: "downtime", targets: [{ host: okHost.name }], comment: "x", startAt: T0, endAt: T0 + MINUTE * 30 });
    const executor = executorFor(silent);
    await executor.tick();
    clock.now = T0 + MINUTE;
    await executor.tick();
    expect((await listSourceActions(context, { ids: [ignored.id] }))[0].status).toBe("sent");
    clock.now = T0 + 3 * MINUTE;
    await executor.tick();
    const [failed] = await listSourceActions(context, { ids: [ignored.id] });
    expect(failed.status).toBe("failed");
    expect(failed.message).toMatch(/^Not confirmed within 2 minutes: the source does not show it on .+ on /);
  });

  it("needs ACTIONBSM and sight of every host (bottom up); a read-only source answers 409 with its reason", async () => {
    const { prisma, admin, contextOf, failing, okHost } = await setUp();
    const plain = await createUser(prisma, { email: "plain@test.local", name: "Plain", password: "plain-password" });
    const viewer = await prisma.role.create({ data: { name: "Viewer", viewAll: true } });
    await prisma.user.update({ where: { id: plain.id }, data: { roleId: viewer.id } });
    await expect(requestSourceAction(await contextOf(plain), { kind: "acknowledge", targets: [{ host: failing.host.name }], comment: "x" })).rejects.toThrow(ForbiddenError);
    expect(await getSourceActionCapabilities(await contextOf(plain))).toEqual({ canAct: false, sourceAccepts: true, userMayAct: false, reason: expect.stringContaining("ACTIONBSM") });

    const narrow = await createUser(prisma, { email: "narrow@test.local", name: "Narrow", password: "narrow-password" });
    const keywordRole = await prisma.role.create({ data: { name: "Narrow", actionBsm: true, keywords: ["no-such-keyword"], hostGroups: okHost.hostGroups } });
    await prisma.user.update({ where: { id: narrow.id }, data: { roleId: keywordRole.id } });
    const narrowContext = await contextOf(narrow);
    expect(await getSourceActionCapabilities(narrowContext)).toEqual({ canAct: true, sourceAccepts: true, userMayAct: true, reason: null });
    const foreign = await prisma.host.findFirstOrThrow({ where: { NOT: { hostGroups: { hasSome: okHost.hostGroups } } } });
    await expect(requestSourceAction(narrowContext, { kind: "downtime", targets: [{ host: okHost.name }, { host: foreign.name }], comment: "x", startAt: T0, endAt: Date.now() + MINUTE })).rejects.toThrow(NotFoundError);
    await expect(requestSourceAction(narrowContext, { kind: "downtime", targets: [{ host: okHost.name, check: "No such check" }], comment: "x", startAt: T0, endAt: Date.now() + MINUTE })).rejects.toThrow(NotFoundError);
    expect((await requestSourceAction(narrowContext, { kind: "remove-downtime", targets: [{ host: okHost.name }] })).status).toBe("pending");
    // A non-admin sees only their own actions.
    expect((await listSourceActions(narrowContext)).every((action) => action.userName === "Narrow")).toBe(true);

    expect(await fieldErrorsOf(requestSourceAction(await contextOf(admin), { kind: "acknowledge", targets: [{ host: okHost.name }], comment: "x" }))).toEqual({
      targets: `nothing to acknowledge: ${okHost.name} has no failing check`,
    });
    expect(await fieldErrorsOf(requestSourceAction(await contextOf(admin), { kind: "downtime", targets: [], comment: "", startAt: 5, endAt: "soon" }))).toEqual({
      targets: "choose at least one host or check",
      comment: "is required",
      endAt: "must be a time (epoch milliseconds)",
    });
    expect(await fieldErrorsOf(requestSourceAction(await contextOf(admin), { kind: "wave" }))).toEqual({ kind: expect.stringContaining("acknowledge") });

    vi.stubEnv("BSM_SOURCE", "opsview-db");
    const refusal = requestSourceAction(await contextOf(admin), { kind: "acknowledge", targets: [{ host: failing.host.name }], comment: "x" });
    await expect(refusal).rejects.toThrow(ConflictError);
    await expect(refusal).rejects.toThrow("The Opsview runtime database is read-only: acknowledge and schedule downtime in Opsview itself.");
    expect(await getSourceActionCapabilities(await contextOf(admin))).toEqual({ canAct: false, sourceAccepts: false, userMayAct: true, reason: expect.stringContaining("read-only") });
    vi.unstubAllEnvs();
  });

  it("a restarted simulated source gets the downtime still in force again", async () => {
    const { database, poller, admin, contextOf, executorFor, okHost, stored, clock } = await setUp();
    const context = await contextOf(admin);
    await requestSourceAction(context, { kind: "downtime", targets: [{ host: okHost.name }], comment: "long", startAt: T0, endAt: T0 + 60 * MINUTE });
    await executorFor().tick();
    await poller.runCycle();
    await executorFor().tick();
    clock.now = T0 + 2 * MINUTE;
    const restarted = createSimulatedSource({ seed: 5, hosts: 40, businessServices: 5, eventsPerHour: 20, now: () => clock.now });
    const executor = new SourceActionExecutor({ prisma: database.prisma, source: restarted, log: () => undefined, now: () => clock.now });
    await executor.replay();
    await new Poller({ database, source: restarted, pollIntervalMs: 1000, now: () => clock.now }).runCycle();
    expect((await stored(okHost.name)).every((check) => check.inDowntime)).toBe(true);
  });
});
