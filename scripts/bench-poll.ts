// `npm run bench:poll`: the poller against a real MariaDB holding an Opsview-shaped estate
// (10,000 hosts, 100,000 service checks), storing into PGlite and into PostgreSQL 15.
// Prints: full cycle, incremental cycle with 1% of checks changed, and latency from a row
// change in MariaDB to the live event the SSE stream sends.
import { openDatabase, type Database } from "../lib/db/client";
import { subscribeToLiveEvents } from "../lib/events/live-events";
import { loadKnownChecks } from "../lib/poller/estate-store";
import { componentHostKey } from "../lib/status/bsm-object";
import { Poller, type PollCycleReport } from "../lib/poller/poller";
import { runPoller } from "../lib/poller/run-poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { livePublisher, startLiveEventRelay } from "../lib/server/polling";
import { createOpsviewDatabaseSource, parseOpsviewDatabaseSettings } from "../lib/sources/opsview-db";
import type { MonitoringSource } from "../lib/sources/types";
import { startMariaDbServer } from "../tests/support/mariadb-server";
import { generateOpsviewEstate, openOpsviewFixture, type OpsviewFixture } from "../tests/support/opsview-fixture";
import { startPostgresServer } from "../tests/support/postgres-server";

const HOSTS = Number(process.env.BENCH_POLL_HOSTS ?? 10_000);
const CHECKS_PER_HOST = 10;
const CHANGED_FRACTION = 0.01;
const POLL_INTERVAL_MS = 1000;
const LATENCY_SAMPLES = 10;
const READER = { user: "bsm_reader", password: "bench-reader-password" };
/** BENCH_POLL_STORES=pglite or postgres for one store only; BENCH_POLL_LATENCY=0 leaves out the latency. */
const STORES = (process.env.BENCH_POLL_STORES ?? "pglite,postgres").split(",");
const MEASURE_LATENCY = process.env.BENCH_POLL_LATENCY !== "0";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
// This process's CPU time (PGlite runs inside it; MariaDB and PostgreSQL do not): on a shared machine
// it moves far less with the load than the wall-clock figures do.
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
async function timedCpu<T>(work: () => Promise<T>): Promise<T & { cpuMs: number }> {
  const before = cpuMs();
  const result = await work();
  return { ...result, cpuMs: cpuMs() - before };
}
const phases = (report: { phases?: { readMs: number; evaluateMs: number; storeMs: number } }) =>
  report.phases ? `read ${ms(report.phases.readMs)}, compare+evaluate ${ms(report.phases.evaluateMs)}, store ${ms(report.phases.storeMs)}` : "";

function readerSettings(port: number) {
  const parsed = parseOpsviewDatabaseSettings({ main: { host: "127.0.0.1", port, user: READER.user, password: READER.password } });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

async function configureComponents(database: Database, source: MonitoringSource) {
  const { hosts } = await source.readFull();
  const byTemplate = new Map<string, string[]>();
  for (const host of hosts) {
    const primary = [...host.hostTemplates].sort((a, b) => a.priority - b.priority)[0].name;
    byTemplate.set(primary, [...(byTemplate.get(primary) ?? []), host.name]);
  }
  const components = [...byTemplate].flatMap(([template, names]) =>
    Array.from({ length: Math.ceil(names.length / 10) }, (_, index) => {
      const members = names.slice(index * 10, index * 10 + 10);
      return { name: `${template} pool ${index + 1}`, hostTemplate: template, hosts: members, requiredOnline: Math.max(1, members.length - 2) };
    }),
  );
  const businessServices = Array.from({ length: Math.floor(components.length / 5) }, (_, index) => ({
    name: `Service ${index + 1}`,
    components: components.slice(index * 5, index * 5 + 5).map((component) => component.name),
  }));
  await seedConfigurationIfEmpty(database, { hosts, components, businessServices }, Date.now());
  return { components: components.length, businessServices: businessServices.length };
}

const EVENT_TIMEOUT_MS = 15_000;

function waitForFirstCycle(): Promise<void> {
  return new Promise((resolve) => {
    const unsubscribe = subscribeToLiveEvents((event) => {
      if (event.type === "poll") {
        unsubscribe();
        resolve();
      }
    });
  });
}

function nextEventFor(objectKey: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no live event for ${objectKey} within ${EVENT_TIMEOUT_MS} ms`));
    }, EVENT_TIMEOUT_MS);
    const unsubscribe = subscribeToLiveEvents((event) => {
      if (event.type === "bsm" && event.changes.some((change) => change.objectKey === objectKey)) {
        clearTimeout(timeout);
        unsubscribe();
        resolve(performance.now());
      }
    });
  });
}

/** Component hosts whose checks are all OK now, with one of their checks to flip. */
async function healthyComponentHosts(database: Database, count: number) {
  const checks = [...(await database.withConnection(loadKnownChecks)).values()];
  const unhealthy = new Set(checks.filter((check) => check.state !== "OK").map((check) => check.host));
  const memberships = await database.prisma.componentHost.findMany({
    select: { componentId: true, host: { select: { name: true } }, component: { select: { hostTemplate: { select: { name: true } } } } },
  });
  const picked = memberships.filter((membership) => !unhealthy.has(membership.host.name)).filter((_, index) => index % 37 === 0).slice(0, count);
  return picked.map((membership) => ({
    key: componentHostKey(String(membership.componentId), membership.host.name),
    check: {
      host: membership.host.name,
      // A check counts for the component only when the component's host template contributes it.
      name: checks.find((check) => check.host === membership.host.name && check.hostTemplates.includes(membership.component.hostTemplate.name))!.name,
    },
  }));
}

async function changeChecks(fixture: OpsviewFixture, checks: { host: string; name: string }[], state: number, at: number) {
  for (const check of checks) await fixture.setServiceStatus(check.host, check.name, { state, output: state === 0 ? "OK" : "CRITICAL - bench", at });
}

async function benchmark(label: string, database: Database, fixture: OpsviewFixture, mariaPort: number) {
  console.log(`\n## Storing into ${label}`);
  await database.migrate();
  const source = createOpsviewDatabaseSource(
    readerSettings(mariaPort),
    { fullResyncEveryMs: 60 * 60_000 },
  );
  const seeded = await configureComponents(database, source);
  console.log(`configuration: ${seeded.components} components, ${seeded.businessServices} business services`);
  const poller = new Poller({ database, source, pollIntervalMs: POLL_INTERVAL_MS, fullResyncEveryMs: 60 * 60_000, log: () => {} });

  const firstFull = await timedCpu(() => poller.runCycle());
  console.log(
    `full cycle, first (every check written): ${ms(firstFull.durationMs)}, this process's CPU ${ms(firstFull.cpuMs)}  (${firstFull.checksWritten} checks, ${firstFull.changes.length} status changes; ${phases(firstFull)})`,
  );

  // From what the poller stored: another read of the source here would break its incremental cursor.
  const allChecks = [...(await database.withConnection(loadKnownChecks)).values()]
    .filter((check) => check.state !== "CRITICAL")
    .map(({ host, name }) => ({ host, name }));
  const incremental: number[] = [];
  const incrementalCpu: number[] = [];
  let lastIncremental: Awaited<ReturnType<Poller["runCycle"]>> | undefined;
  for (let round = 0; round < 5; round++) {
    const changed = allChecks.filter((_, index) => index % Math.round(1 / CHANGED_FRACTION) === round);
    await changeChecks(fixture, changed, 2, Date.now());
    const report = await timedCpu(() => poller.runCycle());
    incrementalCpu.push(report.cpuMs);
    if (report.read !== "changes" || report.checksWritten < changed.length) throw new Error(`unexpected cycle: ${JSON.stringify({ ...report, changes: report.changes.length })}`);
    incremental.push(report.durationMs);
    lastIncremental = report;
  }
  console.log(
    `incremental cycle, 1% of checks changed: median ${ms(median(incremental))}, CPU median ${ms(median(incrementalCpu))}, runs ${incremental.map(ms).join(", ")}; last: ${lastIncremental ? phases(lastIncremental) : ""}`,
  );

  // A poller that reads everything every cycle: its first cycle is a restart (state loaded from the
  // database), the next ones are the periodic full resync of a running poller.
  const resync = new Poller({ database, source, pollIntervalMs: POLL_INTERVAL_MS, fullResyncEveryMs: 0, log: () => {} });
  const afterRestart = await timedCpu(() => resync.runCycle());
  console.log(
    `full cycle after a restart (state loaded from the database, nothing to write): ${ms(afterRestart.durationMs)}, CPU ${ms(afterRestart.cpuMs)} (${phases(afterRestart)})`,
  );
  const periodic: (PollCycleReport & { cpuMs: number })[] = [];
  for (let round = 0; round < 3; round++) periodic.push(await timedCpu(() => resync.runCycle()));
  console.log(
    `full cycle, periodic resync (nothing changed): median ${ms(median(periodic.map((report) => report.durationMs)))}, CPU median ${ms(median(periodic.map((report) => report.cpuMs)))}, runs ${periodic.map((report) => ms(report.durationMs)).join(", ")}; last: ${phases(periodic.at(-1)!)}`,
  );
  await source.close();
  if (!MEASURE_LATENCY) return;

  const liveSource = createOpsviewDatabaseSource(
    readerSettings(mariaPort),
    { fullResyncEveryMs: 60 * 60_000 },
  );
  // The SSE route hears events through this relay on PostgreSQL (LISTEN/NOTIFY), so the latency includes it.
  const relay = startLiveEventRelay(database);
  const running = runPoller({ database, source: liveSource, pollIntervalMs: POLL_INTERVAL_MS, publish: livePublisher(database), log: (line) => console.log(`  poller: ${line}`) });
  await waitForFirstCycle();
  const latencies: number[] = [];
  for (const sample of await healthyComponentHosts(database, LATENCY_SAMPLES)) {
    // Each sample makes a healthy host FAILED, then OPERATIONAL again: both are transitions that must be published.
    for (const state of [2, 0]) {
      const arrived = nextEventFor(sample.key);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * POLL_INTERVAL_MS));
      await changeChecks(fixture, [sample.check], state, Date.now());
      const changedAt = performance.now();
      latencies.push((await arrived) - changedAt);
    }
  }
  await running.stop();
  await relay?.stop();
  await running.stop();
  console.log(
    `row change in MariaDB → live event (poll interval ${POLL_INTERVAL_MS} ms): median ${ms(median(latencies))}, max ${ms(Math.max(...latencies))}`,
  );
}

const maria = await startMariaDbServer({ bufferPoolSize: "256M" });
const postgres = await startPostgresServer();
try {
  const fixture = await openOpsviewFixture(maria);
  const loadStart = performance.now();
  await fixture.load(generateOpsviewEstate({ hosts: HOSTS, checksPerHost: CHECKS_PER_HOST }));
  await fixture.createReader(READER);
  console.log(`# bench:poll — ${HOSTS.toLocaleString("en")} hosts, ${(HOSTS * CHECKS_PER_HOST).toLocaleString("en")} checks in MariaDB (loaded in ${ms(performance.now() - loadStart)})`);

  if (STORES.includes("pglite")) {
    const embedded = openDatabase({ kind: "pglite", dataDir: "memory://" });
    await benchmark("PGlite (embedded, in memory)", embedded, fixture, maria.port);
    await embedded.close();
    // Same estate, fresh statuses: put the changed rows back first.
    await fixture.load(generateOpsviewEstate({ hosts: HOSTS, checksPerHost: CHECKS_PER_HOST }));
  }
  if (STORES.includes("postgres")) {
    const server = openDatabase({ kind: "postgres", url: postgres.url() });
    await benchmark("PostgreSQL 15 (local server)", server, fixture, maria.port);
    await server.close();
  }
  await fixture.close();
} finally {
  await maria.stop();
  postgres.stop();
}
