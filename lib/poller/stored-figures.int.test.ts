import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { DAY_MS } from "../bsm";
import { createSimulatedSource } from "../sources/simulated";
import type { MonitoringSource, SourceHost, SourceServiceCheck } from "../sources/types";
import { loadAvailability } from "../status/availability";
import { objectRefKey, type BsmObjectRef } from "../status/bsm-object";
import { AVAILABILITY_REFRESH_MS, availabilityRowsOf } from "./availability-keeper";
import { componentCounts, serviceCounts } from "./object-counts";
import { Poller } from "./poller";
import { seedConfigurationIfEmpty } from "./seed-configuration";

const START = Date.parse("2026-11-22T08:00:20Z");
const HOUR = 3_600_000;

/**
 * What the poller stored for every object must be what the exact computation gives for the window it
 * names (PollerStatus.availabilityAt), and the counts what its engine has now.
 */
async function expectStoredFiguresToBeExact(database: FreshDatabase, poller: Poller, now: number) {
  const { prisma } = database;
  const status = await prisma.pollerStatus.findUniqueOrThrow({ where: { id: 1 } });
  const at = status.availabilityAt!.getTime();
  expect(at).toBe(Math.floor(now / AVAILABILITY_REFRESH_MS) * AVAILABILITY_REFRESH_MS);
  // The last check history row the figures saw: rows stored by cycles since the refresh come after it.
  const lastRow = (await prisma.checkStateChange.aggregate({ _max: { id: true } }))._max.id;
  expect(status.availabilityHistoryId).not.toBeNull();
  expect(status.availabilityHistoryId! <= lastRow!).toBe(true);
  const report = await loadAvailability(prisma, { now: at, includeTimelines: true });
  const engine = poller.engine!;
  const countsOf = (row: BsmObjectRef) => {
    if (row.objectType === "COMPONENT") return componentCounts(engine.getComponent(row.objectKey)!);
    if (row.objectType === "BUSINESS_SERVICE") return serviceCounts(engine.getBusinessService(row.objectKey)!);
    return null;
  };
  const wanted = new Map(
    availabilityRowsOf(report).map(({ objectType, objectKey, ...figures }) => [objectRefKey({ objectType, objectKey }), { ...figures, counts: countsOf({ objectType, objectKey }) }]),
  );
  const rows = await prisma.bsmObjectStatus.findMany({
    select: { objectType: true, objectKey: true, availability: true, operationalMs: true, failedMs: true, downtimeMs: true, timeline: true, counts: true },
  });
  const stored = new Map(rows.map(({ objectType, objectKey, ...figures }) => [objectRefKey({ objectType, objectKey }), figures]));
  expect([...stored.keys()].sort()).toEqual([...wanted.keys()].sort());
  for (const [key, figures] of wanted) expect({ key, ...stored.get(key) }).toEqual({ key, ...figures });
}

function host(name: string, template: string): SourceHost {
  return { name, alias: "", address: "", hostGroups: [], keywords: [], hostTemplates: [{ name: template, priority: 1 }] };
}

/** A source whose checks a test sets directly; every read is complete. */
function scriptedSource(hosts: SourceHost[]) {
  const checks = new Map<string, SourceServiceCheck>();
  let reads = 0;
  const set = (hostName: string, name: string, change: Partial<SourceServiceCheck>) => {
    const key = `${hostName}/${name}`;
    const template = hosts.find((candidate) => candidate.name === hostName)!.hostTemplates[0].name;
    const previous: SourceServiceCheck = checks.get(key) ?? {
      host: hostName,
      name,
      state: "OK",
      stateType: "HARD",
      acknowledged: false,
      inDowntime: false,
      output: "",
      lastStateChange: null,
      hostTemplates: [template],
      serviceGroups: [],
    };
    checks.set(key, { ...previous, ...change });
  };
  const source: MonitoringSource = {
    kind: "scripted",
    readFull: async () => ({ kind: "complete", hosts, serviceChecks: [...checks.values()].map((check) => ({ ...check })), skipped: [], cursor: String(++reads) }),
    readChanges: async () => {
      throw new Error("only full reads here");
    },
    describe: () => "scripted source",
    close: async () => undefined,
  };
  return { source, set };
}

describe.each(RUNTIMES)("stored figures on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it("store every object's availability, timeline and counts exactly as computed from history, through changes, a configuration change and a day passing", async () => {
    const database = await freshDatabase();
    const hosts = [host("web1", "Web"), host("web2", "Web"), host("web3", "Web"), host("web4", "Web"), host("db1", "Db")];
    const { source, set } = scriptedSource(hosts);
    for (const { name } of hosts) for (const check of ["HTTP", "Disk"]) set(name, check, {});
    set("web4", "HTTP", { state: "CRITICAL", lastStateChange: START - 2 * HOUR });
    await seedConfigurationIfEmpty(
      database,
      {
        hosts,
        components: [
          { name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2 },
          { name: "Db", hostTemplate: "Db", hosts: ["db1"], requiredOnline: 1 },
        ],
        businessServices: [{ name: "Shop", components: ["Web", "Db"] }],
      },
      START,
    );
    await database.prisma.component.updateMany({ data: { createdAt: new Date(START - 2 * DAY_MS) } });
    await database.prisma.businessService.updateMany({ data: { createdAt: new Date(START - 2 * DAY_MS) } });
    const clock = { now: START };
    const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 0, now: () => clock.now, log: () => {} });
    const cycle = async (advanceMs: number) => {
      clock.now += advanceMs;
      expect(await poller.runCycle()).toMatchObject({ ok: true });
      await expectStoredFiguresToBeExact(database, poller, clock.now);
    };

    await cycle(0);
    set("web1", "HTTP", { state: "CRITICAL", lastStateChange: START + 50_000 });
    await cycle(50_000);
    // A host failing changes its component's counts, not its state (2 of 3 still operational).
    const web = await database.prisma.component.findFirstOrThrow({ where: { name: "Web" } });
    const stored = await database.prisma.bsmObjectStatus.findUniqueOrThrow({ where: { objectType_objectKey: { objectType: "COMPONENT", objectKey: String(web.id) } } });
    expect(stored).toMatchObject({ state: "OPERATIONAL", counts: { hostsFailed: 1, hostsOperational: 2 } });
    set("web1", "HTTP", { acknowledged: true });
    await cycle(70_000);
    set("db1", "Disk", { state: "CRITICAL", inDowntime: true, lastStateChange: clock.now + 30_000 });
    await cycle(2 * 60_000);
    // The source dates this change 100 s back, before the window end already stored.
    set("web2", "HTTP", { state: "WARNING", lastStateChange: clock.now + 30_000 - 100_000 });
    await cycle(30_000);
    await cycle(45_000);

    const web4 = await database.prisma.host.findUniqueOrThrow({ where: { name: "web4" } });
    await database.prisma.componentHost.create({ data: { componentId: web.id, hostId: web4.id, position: 3 } });
    await cycle(10_000);
    set("db1", "Disk", { state: "OK", inDowntime: false, lastStateChange: clock.now + 5 * HOUR });
    await cycle(5 * HOUR);
    await cycle(12 * HOUR + 61_000);
    // More than a day after every incident above.
    await cycle(12 * HOUR);
    const shop = await database.prisma.businessService.findFirstOrThrow({ where: { name: "Shop" } });
    expect(await database.prisma.bsmObjectStatus.findUniqueOrThrow({ where: { objectType_objectKey: { objectType: "BUSINESS_SERVICE", objectKey: String(shop.id) } } })).toMatchObject({
      state: "OPERATIONAL",
      availability: 100,
      timeline: { initial: "OPERATIONAL", changes: [] },
    });
  });

  it("report the availability refresh's time on the cycles that ran one: the first, then once a minute", async () => {
    const database = await freshDatabase();
    const hosts = [host("web1", "Web")];
    const { source, set } = scriptedSource(hosts);
    set("web1", "HTTP", {});
    await seedConfigurationIfEmpty(database, { hosts, components: [{ name: "Web", hostTemplate: "Web", hosts: ["web1"], requiredOnline: 1 }], businessServices: [] }, START);
    const clock = { now: START };
    const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 0, now: () => clock.now, log: () => {} });
    const refreshed = async (advanceMs: number) => {
      clock.now += advanceMs;
      const report = await poller.runCycle();
      expect(report.ok).toBe(true);
      return report.availabilityRefreshMs !== undefined && report.availabilityRefreshMs >= 0;
    };
    expect(await refreshed(0)).toBe(true);
    // 08:00:25: the same minute, nothing changed.
    expect(await refreshed(5_000)).toBe(false);
    // 08:01:05: a new minute.
    expect(await refreshed(40_000)).toBe(true);
  });

  it("stay exact through a simulated estate's changes and a restart", async () => {
    const database = await freshDatabase();
    const clock = { now: START };
    const source = createSimulatedSource({ seed: 11, hosts: 60, businessServices: 6, eventsPerHour: 900, now: () => clock.now, startedAt: START });
    await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, ...source.configuration }, clock.now);
    const options = { database, source, pollIntervalMs: 10_000, now: () => clock.now, log: () => {} };
    let poller = new Poller(options);
    for (let step = 0; step < 12; step++) {
      expect(await poller.runCycle()).toMatchObject({ ok: true });
      await expectStoredFiguresToBeExact(database, poller, clock.now);
      clock.now += 37_000;
    }
    poller = new Poller(options);
    expect(await poller.runCycle()).toMatchObject({ ok: true });
    await expectStoredFiguresToBeExact(database, poller, clock.now);
  });
});
