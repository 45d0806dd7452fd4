// `npm run bench:ido-read`: the full re-read + evaluation of an Icinga IDO (poller restarted), without
// Icinga 2. bench:icinga measures the same against a real Icinga 2, which needs 90–465 s to write its
// 30,000 objects; here IDO-shaped rows go straight into MariaDB (Icinga's own IDO schema file) in the
// shape of bench:icinga's estate: 5,000 hosts × 5 services, 100 templates as host groups
// `template-…`, 500 components of 10 hosts (7 required), 125 business services of 4 components.
// Prints each full-read statement's time alone, then per store (PGlite in memory, PostgreSQL 15): the
// first full cycle, BENCH_IDO_RUNS full cycles each of a newly started poller (the figure bench:icinga
// compares with the module) and BENCH_IDO_RUNS more of the last one (a running poller's resync), with
// this process's CPU time. BENCH_IDO_HOSTS to resize, BENCH_IDO_STORES=pglite|postgres for one store,
// BENCH_IDO_EXPLAIN=1 for the checks statement's plan, BENCH_IDO_PROFILE=<prefix> for CPU profiles.
import { readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { availableParallelism, loadavg } from "node:os";
import { openDatabase, type Database } from "../lib/db/client";
import { Poller, type PollCycleReport } from "../lib/poller/poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { createIcingaIdoSource, parseIcingaIdoSettings, type IcingaIdoSettings } from "../lib/sources/ido";
import { toNdoDatabaseSettings } from "../lib/sources/ido/settings";
import { buildOpsviewQueries } from "../lib/sources/opsview-db/queries";
import { startMariaDbServer, type MariaDbServer } from "../tests/support/mariadb-server";
import { startPostgresServer } from "../tests/support/postgres-server";

const HOSTS = Number(process.env.BENCH_IDO_HOSTS ?? 5_000);
const RUNS = Number(process.env.BENCH_IDO_RUNS ?? 3);
const SERVICE_NAMES = ["PING", "Load", "Disk", "HTTP", "Memory"];
const TEMPLATES = Math.max(1, Math.floor(HOSTS / 50));
const HOSTS_PER_COMPONENT = 10;
const COMPONENTS = Math.floor(HOSTS / HOSTS_PER_COMPONENT);
const COMPONENTS_PER_SERVICE = 4;
const IDO_SCHEMA = process.env.ICINGA2_IDO_SCHEMA ?? "/usr/share/icinga2-ido-mysql/schema/mysql.sql";
const READER = { user: "bsm_reader", password: "bench-ido-reader" };

const templateName = (t: number) => `tmpl-${String(t).padStart(3, "0")}`;
const hostName = (h: number) => `host-${String(h).padStart(5, "0")}`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const phases = (report: PollCycleReport) =>
  report.phases ? `read ${ms(report.phases.readMs)}, compare+evaluate ${ms(report.phases.evaluateMs)}, store ${ms(report.phases.storeMs)}` : "";

type Cell = string | number | null;

async function insertRows(connection: Awaited<ReturnType<MariaDbServer["connect"]>>, table: string, columns: string[], rows: Cell[][]) {
  const tuple = `(${columns.map((column) => (column.endsWith("_time") || column.startsWith("last_") ? "FROM_UNIXTIME(?)" : "?")).join(", ")})`;
  for (let start = 0; start < rows.length; start += 2000) {
    const chunk = rows.slice(start, start + 2000);
    await connection.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`, chunk.flat());
  }
}

/** The rows Icinga 2 would have written for the estate: objects, hosts, services, their status and group memberships. */
async function loadIdo(maria: MariaDbServer): Promise<void> {
  const setup = await maria.connect();
  try {
    await setup.query("CREATE DATABASE icinga");
    await setup.query("USE icinga");
    await setup.query(readFileSync(IDO_SCHEMA, "utf8"));
    for (const host of ["127.0.0.1", "localhost"]) {
      await setup.query("CREATE USER ?@? IDENTIFIED BY ?", [READER.user, host, READER.password]);
      await setup.query("GRANT SELECT ON icinga.* TO ?@?", [READER.user, host]);
    }
    const now = Math.floor(Date.now() / 1000);
    const objects: Cell[][] = [];
    const hostGroups: Cell[][] = [];
    const members: Cell[][] = [];
    const hosts: Cell[][] = [];
    const services: Cell[][] = [];
    const statuses: Cell[][] = [];
    let objectId = 0;
    const groupObjectIds: number[] = [];
    for (let t = 0; t < TEMPLATES; t++) {
      objects.push([++objectId, 1, 3, `template-${templateName(t)}`, null, 1]);
      groupObjectIds.push(objectId);
      hostGroups.push([t + 1, 1, 1, objectId, `template-${templateName(t)}`]);
    }
    for (let h = 0; h < HOSTS; h++) {
      const hostObjectId = ++objectId;
      objects.push([hostObjectId, 1, 1, hostName(h), null, 1]);
      hosts.push([1, 1, hostObjectId, hostName(h), hostName(h), `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${h & 255}`]);
      members.push([1, (h % TEMPLATES) + 1, hostObjectId]);
      for (const service of SERVICE_NAMES) {
        const serviceObjectId = ++objectId;
        objects.push([serviceObjectId, 1, 2, hostName(h), service, 1]);
        services.push([1, 1, hostObjectId, serviceObjectId, service]);
        statuses.push([1, serviceObjectId, now, "OK", 0, 1, now, now]);
      }
    }
    await insertRows(setup, "icinga_objects", ["object_id", "instance_id", "objecttype_id", "name1", "name2", "is_active"], objects);
    await insertRows(setup, "icinga_hostgroups", ["hostgroup_id", "instance_id", "config_type", "hostgroup_object_id", "alias"], hostGroups);
    await insertRows(setup, "icinga_hostgroup_members", ["instance_id", "hostgroup_id", "host_object_id"], members);
    await insertRows(setup, "icinga_hosts", ["instance_id", "config_type", "host_object_id", "alias", "display_name", "address"], hosts);
    await insertRows(setup, "icinga_services", ["instance_id", "config_type", "host_object_id", "service_object_id", "display_name"], services);
    await insertRows(
      setup,
      "icinga_servicestatus",
      ["instance_id", "service_object_id", "status_update_time", "output", "current_state", "state_type", "last_check", "last_state_change"],
      statuses,
    );
    // bench:icinga's state pattern: every fifth component FAILED (4 of 10 hosts' PING CRITICAL), every fifth (offset 1) impacted (3).
    const { components } = configuration();
    const failing = components.flatMap((component, c) => (c % 5 === 0 ? component.hosts.slice(0, 4) : c % 5 === 1 ? component.hosts.slice(0, 3) : []));
    for (let start = 0; start < failing.length; start += 500) {
      await setup.query(
        `UPDATE icinga_servicestatus ss JOIN icinga_objects o ON o.object_id = ss.service_object_id
         SET ss.current_state = 2, ss.output = 'bench pattern' WHERE o.name2 = 'PING' AND o.name1 IN (?)`,
        [failing.slice(start, start + 500)],
      );
    }
  } finally {
    await setup.end();
  }
}

function configuration() {
  const components = Array.from({ length: COMPONENTS }, (_, c) => {
    const template = c % TEMPLATES;
    const slot = Math.floor(c / TEMPLATES);
    const hosts = Array.from({ length: HOSTS_PER_COMPONENT }, (_, i) => hostName(template + TEMPLATES * (slot * HOSTS_PER_COMPONENT + i)));
    return { name: `Component ${c}`, hostTemplate: templateName(template), hosts, requiredOnline: 7 };
  });
  const businessServices = Array.from({ length: COMPONENTS / COMPONENTS_PER_SERVICE }, (_, s) => ({
    name: `Service ${s}`,
    components: Array.from({ length: COMPONENTS_PER_SERVICE }, (_, i) => `Component ${s * COMPONENTS_PER_SERVICE + i}`),
  }));
  return { components, businessServices };
}

async function timed(poller: Poller): Promise<PollCycleReport & { cpuMs: number }> {
  const before = cpuMs();
  const report = await poller.runCycle();
  if (!report.ok || report.read !== "full") throw new Error(`expected a full cycle: ${JSON.stringify({ ...report, changes: report.changes.length })}`);
  return { ...report, cpuMs: cpuMs() - before };
}

function printRuns(what: string, runs: (PollCycleReport & { cpuMs: number })[]): void {
  const middle = runs.find((run) => run.durationMs === median(runs.map((r) => r.durationMs)))!;
  console.log(
    `${what}: median ${ms(middle.durationMs)}, CPU ${ms(middle.cpuMs)} (${phases(middle)}); runs ${runs.map((run) => `${ms(run.durationMs)} / CPU ${ms(run.cpuMs)}`).join(", ")}`,
  );
}

async function benchmark(label: string, database: Database, settings: IcingaIdoSettings): Promise<void> {
  console.log(`\n## ${label}`);
  await database.migrate();
  const source = createIcingaIdoSource(settings);
  try {
    await seedConfigurationIfEmpty(database, { hosts: (await source.readFull()).hosts, ...configuration() }, Date.now());
    const first = await timed(new Poller({ database, source, pollIntervalMs: 1000, log: () => {} }));
    console.log(`full poll, empty database: ${ms(first.durationMs)}, CPU ${ms(first.cpuMs)} (${phases(first)}), ${first.checksWritten} checks, ${first.changes.length} BSM changes`);
    const runs: (PollCycleReport & { cpuMs: number })[] = [];
    const profile = await startProfile();
    let poller: Poller | null = null;
    for (let run = 0; run < RUNS; run++) {
      poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 0, log: () => {} });
      runs.push(await timed(poller));
    }
    await profile?.(`${label} restart`);
    printRuns("full re-read + evaluation, poller restarted", runs);
    // The same poller again: a running poller's periodic full resync, nothing changed.
    const resyncProfile = await startProfile();
    const resyncs: (PollCycleReport & { cpuMs: number })[] = [];
    for (let run = 0; run < RUNS; run++) resyncs.push(await timed(poller!));
    await resyncProfile?.(`${label} resync`);
    printRuns("full re-read + evaluation, running poller (periodic resync)", resyncs);
  } finally {
    await source.close();
  }
}

/** Each statement of a full read alone (median of 3) and the plan of the checks' statement. */
async function statements(maria: MariaDbServer, settings: IcingaIdoSettings): Promise<void> {
  const ndo = toNdoDatabaseSettings(settings);
  const q = buildOpsviewQueries({ runtimeDatabase: "icinga", configDatabase: "icinga", tablePrefix: ndo.tablePrefix, hostTemplates: ndo.hostTemplates });
  const connection = await maria.connect();
  try {
    for (const [name, statement] of Object.entries({ hosts: q.hosts(), hostGroups: q.hostGroups(), hostTemplates: q.hostTemplates(), serviceChecks: q.serviceChecks() })) {
      const times: number[] = [];
      let count = 0;
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const [rows] = await connection.query({ sql: statement.sql, values: statement.values, rowsAsArray: true });
        times.push(performance.now() - started);
        count = (rows as unknown[]).length;
      }
      console.log(`statement ${name}: ${count} rows, median ${ms(median(times))} (${times.map(ms).join(", ")})`);
    }
    if (process.env.BENCH_IDO_EXPLAIN) {
      const [plan] = await connection.query({ sql: `EXPLAIN ${q.serviceChecks().sql}`, values: q.serviceChecks().values });
      console.table(plan);
    }
  } finally {
    await connection.end();
  }
}

/** With BENCH_IDO_PROFILE=<file prefix>, a CPU profile of the restarted cycles only. */
async function startProfile(): Promise<((label: string) => Promise<void>) | null> {
  const prefix = process.env.BENCH_IDO_PROFILE;
  if (!prefix) return null;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return async (label) => {
    const { profile } = await session.post("Profiler.stop");
    const file = `${prefix}-${label.split(" (")[0].toLowerCase().replace(/[^a-z0-9]+/g, "-")}${label.split(")").at(-1)!.replace(/[^a-z0-9]+/g, "-")}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(`profile: ${file}`);
  };
}

const maria = await startMariaDbServer({ bufferPoolSize: "512M" });
const postgres = await startPostgresServer();
try {
  const loadStart = performance.now();
  await loadIdo(maria);
  console.log(
    `# bench:ido-read — ${HOSTS} hosts, ${HOSTS * SERVICE_NAMES.length} services in the IDO (loaded in ${ms(performance.now() - loadStart)}); load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(", ")} (${availableParallelism()} cores)`,
  );
  const parsed = parseIcingaIdoSettings({
    main: { host: "127.0.0.1", port: maria.port, user: READER.user, password: READER.password },
    hostGroupPattern: "^template-(.+)$",
  });
  if (!parsed.ok) throw new Error(parsed.message);
  await statements(maria, parsed.settings);
  const stores = (process.env.BENCH_IDO_STORES ?? "pglite,postgres").split(",");
  if (stores.includes("pglite")) {
    const embedded = openDatabase({ kind: "pglite", dataDir: "memory://" });
    await benchmark("PGlite (embedded, in memory)", embedded, parsed.settings);
    await embedded.close();
  }
  if (stores.includes("postgres")) {
    const server = openDatabase({ kind: "postgres", url: postgres.url() });
    await benchmark("PostgreSQL 15 (local server)", server, parsed.settings);
    await server.close();
  }
  console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(", ")}`);
} finally {
  await maria.stop();
  postgres.stop();
}
