import { afterEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { sampleOpsviewEstate, startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";
import { createBsmEngine } from "../bsm";
import { createOpsviewRestSource } from "../sources/opsview-rest";
import { createSimulatedSource, type SimulatedSource } from "../sources/simulated";
import { toEngineCheck } from "./detect-changes";
import { loadKnownChecks, loadObjectStatuses } from "./estate-store";
import { loadBsmConfig } from "./load-bsm-config";
import { rowsOfEvaluation } from "./object-statuses";
import { Poller } from "./poller";
import { seedConfigurationIfEmpty } from "./seed-configuration";
import type { LiveEvent } from "../events/live-events";
import type { CompleteRead, MonitoringSource, SourceHost, SourceServiceCheck } from "../sources/types";

const START = Date.parse("2026-11-22T08:00:00Z");

async function seededSimulation(database: FreshDatabase, clock: { now: number }): Promise<SimulatedSource> {
  const source = createSimulatedSource({ seed: 7, hosts: 60, businessServices: 6, eventsPerHour: 600, now: () => clock.now, startedAt: START });
  await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, ...source.configuration }, clock.now);
  return source;
}

/** The stored BSM statuses must be exactly what a fresh engine computes from the stored checks. */
async function expectStoredStatusesToMatchStoredChecks(database: FreshDatabase) {
  const checks = await database.withConnection(loadKnownChecks);
  const engine = createBsmEngine(await loadBsmConfig(database.prisma), [...checks.values()].map(toEngineCheck));
  const byKey = (rows: { objectType: string; objectKey: string }[]) =>
    [...rows].sort((a, b) => `${a.objectType}|${a.objectKey}`.localeCompare(`${b.objectType}|${b.objectKey}`));
  expect(byKey(await database.withConnection(loadObjectStatuses))).toEqual(byKey(rowsOfEvaluation(engine.listAll())));
}

/** Each stored object's changedAt (epoch ms), by "objectType|objectKey". */
async function storedChangedAt(database: FreshDatabase): Promise<Map<string, number>> {
  const rows = await database.prisma.bsmObjectStatus.findMany({ select: { objectType: true, objectKey: true, changedAt: true } });
  return new Map(rows.map((row) => [`${row.objectType}|${row.objectKey}`, row.changedAt.getTime()]));
}

describe.each(RUNTIMES)("the poller on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let restServer: FakeOpsviewRestServer | undefined;

  afterEach(async () => {
    await restServer?.stop();
    restServer = undefined;
  });

  it("stores the estate, keeps BSM statuses equal to a full evaluation as checks change, and records history and transitions", async () => {
    const database = await freshDatabase();
    const clock = { now: START };
    const source = await seededSimulation(database, clock);
    const events: LiveEvent[] = [];
    const poller = new Poller({ database, source, pollIntervalMs: 10_000, now: () => clock.now, publish: (event) => void events.push(event), log: () => {} });

    const first = await poller.runCycle();
    expect(first).toMatchObject({ ok: true, read: "full" });
    const full = await source.readFull();
    expect(await database.prisma.serviceCheck.count()).toBe(full.serviceChecks.length);
    expect(await database.prisma.host.count()).toBe(full.hosts.length);
    await expectStoredStatusesToMatchStoredChecks(database);

    let transitionsSeen = 0;
    for (let step = 0; step < 60; step++) {
      clock.now += 10_000;
      const report = await poller.runCycle();
      expect(report).toMatchObject({ ok: true, read: "changes" });
      transitionsSeen += report.changes.length;
    }
    await expectStoredStatusesToMatchStoredChecks(database);
    expect(transitionsSeen).toBeGreaterThan(0);
    expect(await database.prisma.bsmTransition.count()).toBe(transitionsSeen + first.changes.length);
    expect(await database.prisma.checkStateChange.count()).toBeGreaterThan(full.serviceChecks.length);
    expect(events.some((event) => event.type === "bsm" && event.changes.length > 0)).toBe(true);
    const status = await database.prisma.pollerStatus.findUniqueOrThrow({ where: { id: 1 } });
    expect(status).toMatchObject({ sourceKind: "simulated", staleSince: null, consecutiveFailures: 0, lastError: null });
  });

  it("loses nothing and invents nothing across a restart", async () => {
    const database = await freshDatabase();
    const clock = { now: START };
    const source = await seededSimulation(database, clock);
    const options = { database, source, pollIntervalMs: 10_000, now: () => clock.now, log: () => {} };
    const before = new Poller(options);
    for (let step = 0; step < 20; step++) {
      await before.runCycle();
      clock.now += 10_000;
    }
    const transitions = await database.prisma.bsmTransition.count();
    const history = await database.prisma.checkStateChange.count();
    const changedAtBefore = await storedChangedAt(database);

    // A new process: same database, the source unchanged since the last read.
    clock.now -= 10_000;
    const after = new Poller(options);
    const report = await after.runCycle();
    expect(report).toMatchObject({ ok: true, read: "full", checksWritten: 0, historyEntries: 0, changes: [] });
    expect(await database.prisma.bsmTransition.count()).toBe(transitions);
    expect(await database.prisma.checkStateChange.count()).toBe(history);
    await expectStoredStatusesToMatchStoredChecks(database);
    expect(await storedChangedAt(database)).toEqual(changedAtBefore);
  });

  it("stores as each object's changedAt the time of its last state change (not of its last poll, acknowledgement or impact)", async () => {
    const database = await freshDatabase();
    const clock = { now: START };
    const source = await seededSimulation(database, clock);
    const poller = new Poller({ database, source, pollIntervalMs: 10_000, now: () => clock.now, log: () => {} });
    for (let step = 0; step < 30; step++) {
      await poller.runCycle();
      clock.now += 10_000;
    }
    const stateChanges = await database.prisma.bsmTransition.findMany({ orderBy: { at: "asc" } });
    const lastStateChange = new Map<string, number>();
    for (const transition of stateChanges) {
      if (transition.fromState !== transition.toState) lastStateChange.set(`${transition.objectType}|${transition.objectKey}`, transition.at.getTime());
    }
    expect(lastStateChange.size).toBeGreaterThan(0);
    const stored = await storedChangedAt(database);
    for (const [key, changedAt] of stored) expect([key, changedAt]).toEqual([key, lastStateChange.get(key) ?? START]);
  });

  it("takes a configuration change into the engine within one cycle", async () => {
    const database = await freshDatabase();
    const clock = { now: START };
    const source = await seededSimulation(database, clock);
    const poller = new Poller({ database, source, pollIntervalMs: 10_000, now: () => clock.now, log: () => {} });
    await poller.runCycle();

    const template = await database.prisma.hostTemplate.findUniqueOrThrow({ where: { name: "Web" } });
    const webHosts = await database.prisma.host.findMany({ where: { templates: { some: { hostTemplateId: template.id } } }, take: 3 });
    const component = await database.prisma.component.create({
      data: { name: "New web pool", hostTemplateId: template.id, requiredOnline: 2, hosts: { create: webHosts.map((host, position) => ({ hostId: host.id, position })) } },
    });
    const service = await database.prisma.businessService.create({ data: { name: "New service", components: { create: [{ componentId: component.id, position: 0 }] } } });
    clock.now += 10_000;
    await poller.runCycle();
    expect(await database.prisma.bsmObjectStatus.findUnique({ where: { objectType_objectKey: { objectType: "BUSINESS_SERVICE", objectKey: String(service.id) } } })).not.toBeNull();
    await expectStoredStatusesToMatchStoredChecks(database);

    await database.prisma.businessService.delete({ where: { id: service.id } });
    clock.now += 10_000;
    await poller.runCycle();
    expect(await database.prisma.bsmObjectStatus.count({ where: { objectType: "BUSINESS_SERVICE", objectKey: String(service.id) } })).toBe(0);
    await expectStoredStatusesToMatchStoredChecks(database);
  });

  it("keeps the last known states when the source fails, shows the data as stale, backs off, and recovers", async () => {
    const database = await freshDatabase();
    restServer = await startOpsviewRestServer({ estate: sampleOpsviewEstate() });
    const clock = { now: START };
    const source = createOpsviewRestSource({ baseUrl: restServer.url, username: restServer.username, password: restServer.password }, { now: () => clock.now, timeoutMs: 2000 });
    const events: LiveEvent[] = [];
    const poller = new Poller({ database, source, pollIntervalMs: 1000, now: () => clock.now, publish: (event) => void events.push(event), log: () => {} });
    expect((await poller.runCycle()).ok).toBe(true);
    const checksBefore = await database.withConnection(loadKnownChecks);

    restServer.setFault({ fault: { kind: "respond", status: 500 } });
    clock.now += 1000;
    const failed = await poller.runCycle();
    expect(failed.ok).toBe(false);
    expect(failed.error).toMatch(/^Opsview REST: /);
    expect(poller.nextDelayMs()).toBe(2000);
    clock.now += 2000;
    await poller.runCycle();
    expect(poller.nextDelayMs()).toBe(4000);
    const stale = await database.prisma.pollerStatus.findUniqueOrThrow({ where: { id: 1 } });
    expect(stale.staleSince?.getTime()).toBe(START + 1000);
    expect(stale.consecutiveFailures).toBe(2);
    expect(await database.withConnection(loadKnownChecks)).toEqual(checksBefore);
    expect(events).toContainEqual(expect.objectContaining({ type: "poll", ok: false, staleSince: START + 1000 }));

    restServer.setFault(null);
    clock.now += 4000;
    expect((await poller.runCycle()).ok).toBe(true);
    expect(poller.nextDelayMs()).toBe(1000);
    expect(await database.prisma.pollerStatus.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ staleSince: null, consecutiveFailures: 0 });
  });

  it("logs, stores and publishes where each successful cycle spent its time, and keeps those figures through a failed cycle", async () => {
    const database = await freshDatabase();
    restServer = await startOpsviewRestServer({ estate: sampleOpsviewEstate() });
    const clock = { now: START };
    const source = createOpsviewRestSource({ baseUrl: restServer.url, username: restServer.username, password: restServer.password }, { now: () => clock.now, timeoutMs: 2000 });
    const events: LiveEvent[] = [];
    const lines: string[] = [];
    const poller = new Poller({ database, source, pollIntervalMs: 1000, now: () => clock.now, publish: (event) => void events.push(event), log: (line) => lines.push(line) });

    const report = await poller.runCycle();
    const stored = await database.prisma.pollerStatus.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored.lastReadMs).toBe(Math.round(report.phases!.readMs));
    expect(stored.lastEvaluateMs).toBe(Math.round(report.phases!.evaluateMs));
    expect(stored.lastStoreMs).toEqual(expect.any(Number));
    expect(stored.lastStoreMs!).toBeLessThanOrEqual(Math.round(report.phases!.storeMs));
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Poll: full, ${report.checksWritten} checks written, \\d+ status changes?, read \\d+ ms, evaluate \\d+ ms, store \\d+ ms$`))]);
    const pollEvent = events.find((event) => event.type === "poll");
    expect(pollEvent).toMatchObject({ ok: true, phases: { readMs: Math.round(report.phases!.readMs), evaluateMs: Math.round(report.phases!.evaluateMs) } });

    restServer.setFault({ fault: { kind: "respond", status: 500 } });
    clock.now += 1000;
    expect((await poller.runCycle()).ok).toBe(false);
    expect(await database.prisma.pollerStatus.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      consecutiveFailures: 1,
      lastReadMs: stored.lastReadMs,
      lastEvaluateMs: stored.lastEvaluateMs,
      lastStoreMs: stored.lastStoreMs,
    });
    expect(events.at(-1)).toMatchObject({ type: "poll", ok: false });
    expect(events.at(-1)).not.toHaveProperty("phases");
  });

  it("skips a malformed row with its key and stores the rest", async () => {
    const database = await freshDatabase();
    restServer = await startOpsviewRestServer({ estate: sampleOpsviewEstate() });
    restServer.updateService("web1", "HTTP", { state: "exploded" });
    const lines: string[] = [];
    const source = createOpsviewRestSource({ baseUrl: restServer.url, username: restServer.username, password: restServer.password });
    const poller = new Poller({ database, source, pollIntervalMs: 1000, log: (line) => lines.push(line) });
    const report = await poller.runCycle();
    expect(report).toMatchObject({ ok: true, skipped: 1 });
    expect(lines.some((line) => line.startsWith("Skipped a source row web1/HTTP:"))).toBe(true);
    const stored = await database.withConnection(loadKnownChecks);
    expect([...stored.values()].some((check) => check.host === "web1" && check.name === "HTTP")).toBe(false);
    expect([...stored.values()].some((check) => check.host === "web1" && check.name === "Load")).toBe(true);
  });
  it("stores an object that moves twice in one cycle (a check changes, another is removed) once, where it ended", async () => {
    const database = await freshDatabase();
    const host: SourceHost = { name: "web1", alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: "Web", priority: 1 }] };
    const check = (name: string, state: SourceServiceCheck["state"], acknowledged: boolean): SourceServiceCheck => ({
      host: "web1",
      name,
      state,
      stateType: "HARD",
      acknowledged,
      inDowntime: false,
      output: state,
      lastStateChange: null,
      hostTemplates: ["Web"],
      serviceGroups: [],
    });
    // First: FAILED, not acknowledged (HTTP unacknowledged). Then HTTP recovers, which alone makes the
    // host FAILED and acknowledged (only the acknowledged Disk fails), and Disk disappears: OPERATIONAL.
    const reads: CompleteRead[] = [
      { kind: "complete", hosts: [host], serviceChecks: [check("HTTP", "CRITICAL", false), check("Disk", "CRITICAL", true)], skipped: [], cursor: "1" },
      { kind: "complete", hosts: [host], serviceChecks: [check("HTTP", "OK", false)], skipped: [], cursor: "2" },
    ];
    let reading = 0;
    const source: MonitoringSource = {
      kind: "scripted",
      readFull: async () => reads[Math.min(reading++, reads.length - 1)],
      readChanges: async () => {
        throw new Error("only full reads here");
      },
      describe: () => "scripted source",
      close: async () => undefined,
    };
    await seedConfigurationIfEmpty(
      database,
      { hosts: [host], components: [{ name: "Web", hostTemplate: "Web", hosts: ["web1"], requiredOnline: 1 }], businessServices: [{ name: "Shop", components: ["Web"] }] },
      Date.now(),
    );
    const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 0, log: () => undefined });
    expect(await poller.runCycle()).toMatchObject({ ok: true });
    const second = await poller.runCycle();
    expect(second).toMatchObject({ ok: true });
    const hostChanges = second.changes.filter((change) => change.after.objectType === "COMPONENT_HOST");
    expect(hostChanges.map((change) => [change.after.state, change.after.acknowledged])).toEqual([
      ["FAILED", true],
      ["OPERATIONAL", false],
    ]);
    await expectStoredStatusesToMatchStoredChecks(database);
  });
});
