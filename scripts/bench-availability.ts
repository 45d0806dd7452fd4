/*
 * node --expose-gc --max-old-space-size=4096 --import tsx scripts/bench-availability.ts — what keeping 24-hour
 * availability costs the poller on the bench:poll estate (10,000 hosts, 100,000 checks, 1,000
 * components of 10 hosts, 200 business services), storing into PGlite in memory: a poll cycle that
 * refreshes the figures against one that does not, and the refresh's parts. Not a test.
 */
import { performance } from "node:perf_hooks";
import { openDatabase } from "../lib/db/client";
import { AvailabilityKeeper } from "../lib/poller/availability-keeper";
import { loadKnownChecks } from "../lib/poller/estate-store";
import { loadBsmConfig } from "../lib/poller/load-bsm-config";
import { Poller, type PollCycleReport } from "../lib/poller/poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { storeAvailability } from "../lib/poller/store-figures";
import type { MonitoringSource, SourceHost, SourceServiceCheck } from "../lib/sources/types";

const HOSTS = Number(process.env.BENCH_AVAILABILITY_HOSTS ?? 10_000);
const CHECKS_PER_HOST = 10;
const TEMPLATES = 20;
const CHANGED_PER_CYCLE = 1_000;
// Components are created now (the database's clock), and time before creation counts as OPERATIONAL.
const START = Math.floor(Date.now() / 60_000) * 60_000 + 70_000;

const ms = (value: number) => `${value.toFixed(0)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const hosts: SourceHost[] = Array.from({ length: HOSTS }, (_, index) => ({
  name: `host${index}`,
  alias: "",
  address: "",
  hostGroups: [],
  keywords: [],
  hostTemplates: [{ name: `Template ${index % TEMPLATES}`, priority: 1 }],
}));
const checks: SourceServiceCheck[] = hosts.flatMap((host) =>
  Array.from({ length: CHECKS_PER_HOST }, (_, index) => ({
    host: host.name,
    name: `Check ${index}`,
    state: "OK" as const,
    stateType: "HARD" as const,
    acknowledged: false,
    inDowntime: false,
    output: "OK",
    lastStateChange: START - 3_600_000,
    hostTemplates: [host.hostTemplates[0].name],
    serviceGroups: [],
  })),
);
let reads = 0;
let changed: SourceServiceCheck[] = [];
const source: MonitoringSource = {
  kind: "bench",
  readFull: async () => ({ kind: "complete", hosts, serviceChecks: checks, skipped: [], cursor: String(++reads) }),
  readChanges: async () => {
    const serviceChecks = changed;
    changed = [];
    return { kind: "incremental", hosts: [], serviceChecks, removedHosts: [], removedServiceChecks: [], skipped: [], cursor: String(++reads) };
  },
  describe: () => "synthetic bench estate",
  close: async () => undefined,
};

const components = Array.from({ length: TEMPLATES }, (_, template) => hosts.filter((_, index) => index % TEMPLATES === template)).flatMap((members, template) =>
  Array.from({ length: members.length / 10 }, (_, index) => ({
    name: `Template ${template} pool ${index + 1}`,
    hostTemplate: `Template ${template}`,
    hosts: members.slice(index * 10, index * 10 + 10).map((host) => host.name),
    requiredOnline: 8,
  })),
);
const businessServices = Array.from({ length: components.length / 5 }, (_, index) => ({
  name: `Service ${index + 1}`,
  components: components.slice(index * 5, index * 5 + 5).map((component) => component.name),
}));

const database = openDatabase({ kind: "pglite", dataDir: "memory://" });
await database.migrate();
await seedConfigurationIfEmpty(database, { hosts, components, businessServices }, START);
console.log(`# bench:availability — ${HOSTS.toLocaleString("en")} hosts, ${checks.length.toLocaleString("en")} checks, ${components.length} components, ${businessServices.length} business services, PGlite in memory`);

const clock = { now: START };
const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 60 * 60_000, now: () => clock.now, log: (line) => console.log(`  poller: ${line}`) });
const first = await poller.runCycle();
console.log(`first cycle (every check new; figures of every object written at load, then those the read changed): ${ms(first.durationMs)}`);

let flip = 0;
async function cycle(advanceMs: number): Promise<PollCycleReport> {
  clock.now += advanceMs;
  for (let count = 0; count < CHANGED_PER_CYCLE; count++) {
    const check = checks[(flip * 7919) % checks.length];
    const state = check.state === "OK" ? "CRITICAL" : "OK";
    checks[(flip * 7919) % checks.length] = { ...check, state, lastStateChange: clock.now - 500 };
    changed.push(checks[(flip * 7919) % checks.length]);
    flip++;
  }
  return poller.runCycle();
}
const within: number[] = [];
const crossing: number[] = [];
for (let round = 0; round < 5; round++) {
  within.push((await cycle(1000)).durationMs);
  crossing.push((await cycle(60_000)).durationMs);
}
console.log(`cycle, ${CHANGED_PER_CYCLE} checks changed, same minute (no refresh): median ${ms(median(within))}, runs ${within.map(ms).join(", ")}`);
console.log(`cycle, ${CHANGED_PER_CYCLE} checks changed, new minute (refresh): median ${ms(median(crossing))}, runs ${crossing.map(ms).join(", ")}`);

// The refresh's parts, on the history those cycles stored.
const [config, known] = await Promise.all([loadBsmConfig(database.prisma), database.withConnection(loadKnownChecks)]);
// With --expose-gc, the heap the keeper's history holds once garbage is collected.
const liveHeap = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
const heapBefore = liveHeap();
const keeper = new AvailabilityKeeper();
let started = performance.now();
await keeper.load(database.prisma, config, clock.now);
const loadMs = performance.now() - started;
console.log(`load history of component hosts from the database: ${ms(loadMs)} (${keeper.entryCount.toLocaleString("en")} entries, heap +${((liveHeap() - heapBefore) / 1_048_576).toFixed(0)} MB${globalThis.gc ? "" : " before collection"})`);
const refreshes: { computeMs: number; storeMs: number; rows: number }[] = [];
for (let round = 0; round < 4; round++) {
  started = performance.now();
  const refresh = keeper.refresh(config, known, clock.now + round * 60_000);
  const computeMs = performance.now() - started;
  started = performance.now();
  await database.withConnection((connection) => connection.transaction((tx) => storeAvailability(tx, refresh, { kind: "bench", description: "bench" })));
  refreshes.push({ computeMs, storeMs: performance.now() - started, rows: refresh.rows.length });
}
for (const [round, refresh] of refreshes.entries()) {
  console.log(`refresh ${round + 1}${round === 0 ? " (every object written)" : ""}: compute ${ms(refresh.computeMs)}, store ${ms(refresh.storeMs)} (${refresh.rows.toLocaleString("en")} rows)`);
}
await database.close();
