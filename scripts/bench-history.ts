// `npm run bench:history`: a year of generated history for 1,000 business services / 5,000 components /
// 50,000 component hosts (BENCH_HISTORY_SCALE=0.05 for a small run), loaded with COPY into a throwaway
// PostgreSQL 15 and into PGlite (a data directory on disk). Then, on each: the history job (segments,
// roll-ups, checkpoints), 30-day availability of every service, a whole-year SLA report, the whole tree's
// state at a moment, poll cycles with and without retention pruning of a day's history, and the size of
// the history tables.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { openDatabase, type Database } from "../lib/db/client";
import { copyTextRows, copyTimestamp } from "../lib/db/copy-text";
import { DAY_MS } from "../lib/bsm";
import { componentStatusCode, hostStatusCode, serviceStatusCode, stateOfCode, IMPACTED } from "../lib/bsm/rules";
import { availabilityOver, problemPeriodsOver, treeStateAt } from "../lib/history";
import { Poller } from "../lib/poller/poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { businessServiceRef, componentHostKey } from "../lib/status/bsm-object";
import type { MonitoringSource, SourceHost, SourceServiceCheck } from "../lib/sources/types";
import { startPostgresServer } from "../tests/support/postgres-server";

const SCALE = Number(process.env.BENCH_HISTORY_SCALE ?? 1);
const SERVICES = Math.max(1, Math.round(1_000 * SCALE));
const COMPONENTS_PER_SERVICE = 5;
const HOSTS_PER_COMPONENT = 10;
const REQUIRED_ONLINE = 8;
const TEMPLATES = 50;
/** Host failures a week (uniform in this range), each of one check, lasting log-uniformly MIN–MAX. */
const FAILURES_PER_WEEK: [number, number] = [2, 4];
const FAILURE_MS: [number, number] = [2 * 60_000, 4 * 3_600_000];
/** Share of failures that happen in a (planned) downtime. */
const DOWNTIME_SHARE = 0.1;
const SERVICES_PER_CHUNK = 50;
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 5);
const POLL_CYCLES = Number(process.env.BENCH_HISTORY_POLL_CYCLES ?? 8);
const WEEK_MS = 7 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;
/** The year of history ends an hour before now (every failure over by then); minutes, so runs line up. */
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const YEAR_FROM = NOW - YEAR_MS;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
const n = (value: number) => value.toLocaleString("en");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------
// The estate: component c (0-based) has hosts h-c-0…h-c-9 of template tpl-(c mod 50), 1–2 checks each.

const templateOf = (component: number) => `tpl-${String(component % TEMPLATES).padStart(2, "0")}`;
const hostName = (component: number, index: number) => `h-${String(component).padStart(4, "0")}-${index}`;
const checksOf = (component: number, index: number) => (((component * 7 + index * 3) % 5) < 2 ? ["Ping", "HTTP"] : ["Ping"]);

function estate() {
  const components = SERVICES * COMPONENTS_PER_SERVICE;
  const hosts: SourceHost[] = [];
  const checks: SourceServiceCheck[] = [];
  const seedComponents: { name: string; hostTemplate: string; hosts: string[]; requiredOnline: number }[] = [];
  for (let component = 0; component < components; component++) {
    const names = Array.from({ length: HOSTS_PER_COMPONENT }, (_, index) => hostName(component, index));
    seedComponents.push({ name: `Component ${component}`, hostTemplate: templateOf(component), hosts: names, requiredOnline: REQUIRED_ONLINE });
    names.forEach((name, index) => {
      hosts.push({ name, alias: name, address: `10.${component >> 8}.${component & 255}.${index}`, hostGroups: ["bench"], hostTemplates: [{ name: templateOf(component), priority: 1 }], keywords: [] });
      for (const check of checksOf(component, index)) {
        checks.push({ host: name, name: check, state: "OK", stateType: "HARD", acknowledged: false, inDowntime: false, output: "OK", lastStateChange: null, hostTemplates: [templateOf(component)], serviceGroups: ["bench"] });
      }
    });
  }
  const businessServices = Array.from({ length: SERVICES }, (_, service) => ({
    name: `Service ${service}`,
    components: Array.from({ length: COMPONENTS_PER_SERVICE }, (_, k) => `Component ${service * COMPONENTS_PER_SERVICE + k}`),
  }));
  return { hosts, checks, components: seedComponents, businessServices };
}

// ---------------------------------------------------------------------------------------------------
// History: check changes per host, and the transitions the poller would have stored for them.

interface Change {
  at: number;
  code: number;
}
type TransitionRow = [objectType: string, objectKey: string, at: number, from: number, to: number];

/** One host's failures over the year: [start, end, inDowntime, check] without overlaps, all over before NOW - 1 h. */
function hostFailures(component: number, index: number) {
  const next = random(component * 100 + index + 1);
  const checks = checksOf(component, index);
  const failures: { start: number; end: number; inDowntime: boolean; check: string }[] = [];
  let free = YEAR_FROM;
  for (let week = YEAR_FROM; week < NOW; week += WEEK_MS) {
    const count = FAILURES_PER_WEEK[0] + Math.floor(next() * (FAILURES_PER_WEEK[1] - FAILURES_PER_WEEK[0] + 1));
    const starts = Array.from({ length: count }, () => week + Math.floor(next() * WEEK_MS)).sort((a, b) => a - b);
    for (const at of starts) {
      const start = Math.max(at, free + 60_000);
      const duration = Math.round(FAILURE_MS[0] * Math.pow(FAILURE_MS[1] / FAILURE_MS[0], next()));
      const end = start + duration;
      const inDowntime = next() < DOWNTIME_SHARE;
      const check = checks[Math.floor(next() * checks.length)];
      if (end > NOW - 3_600_000) continue;
      failures.push({ start, end, inDowntime, check });
      free = end;
    }
  }
  return failures;
}

/** A parent's state changes from its children's: stateOf(codes of the children now). */
function sweepParent(children: Change[][], stateOf: (codes: number[]) => number): Change[] {
  const codes = children.map((changes) => (changes.length > 0 && changes[0].at <= YEAR_FROM ? changes[0].code : 0));
  const events: [number, number, number][] = [];
  children.forEach((changes, child) => changes.forEach((change) => events.push([change.at, child, change.code])));
  events.sort((a, b) => a[0] - b[0]);
  const result: Change[] = [];
  let current = stateOf(codes);
  for (let k = 0; k < events.length; ) {
    const at = events[k][0];
    for (; k < events.length && events[k][0] === at; k++) codes[events[k][1]] = events[k][2];
    const code = stateOf(codes);
    if (code !== current) result.push({ at, code });
    current = code;
  }
  return result;
}

const FAILED_CODE = hostStatusCode(1, 0, 1);
const DOWNTIME_CODE = hostStatusCode(1, 1, 0);

function transitionsOf(objectType: string, objectKey: string, changes: Change[], rows: TransitionRow[]) {
  let previous = 0;
  for (const change of changes) {
    rows.push([objectType, objectKey, change.at, previous, change.code]);
    previous = change.code;
  }
}

/** Check changes and transitions of the services [first, first + count), in COPY text. */
function chunkRows(first: number, count: number, componentIds: number[], serviceIds: number[]) {
  const checkRows: [string, string, number, string, boolean][] = [];
  const transitions: TransitionRow[] = [];
  for (let service = first; service < first + count; service++) {
    const componentChanges: Change[][] = [];
    for (let k = 0; k < COMPONENTS_PER_SERVICE; k++) {
      const component = service * COMPONENTS_PER_SERVICE + k;
      const hostChanges: Change[][] = [];
      for (let index = 0; index < HOSTS_PER_COMPONENT; index++) {
        const host = hostName(component, index);
        const changes: Change[] = [];
        for (const failure of hostFailures(component, index)) {
          checkRows.push([host, failure.check, failure.start, "CRITICAL", failure.inDowntime], [host, failure.check, failure.end, "OK", false]);
          changes.push({ at: failure.start, code: failure.inDowntime ? DOWNTIME_CODE : FAILED_CODE }, { at: failure.end, code: 0 });
        }
        transitionsOf("COMPONENT_HOST", componentHostKey(componentIds[component], host), changes, transitions);
        hostChanges.push(changes);
      }
      const changes = sweepParent(hostChanges, (codes) => {
        const failed = codes.filter((code) => code === FAILED_CODE).length;
        const downtime = codes.filter((code) => code === DOWNTIME_CODE).length;
        return componentStatusCode(HOSTS_PER_COMPONENT, REQUIRED_ONLINE, failed, downtime, 0);
      });
      transitionsOf("COMPONENT", String(componentIds[component]), changes, transitions);
      componentChanges.push(changes);
    }
    const changes = sweepParent(componentChanges, (codes) => {
      const failed = codes.filter((code) => stateOfCode(code) === "FAILED").length;
      const downtime = codes.filter((code) => stateOfCode(code) === "DOWNTIME").length;
      const impacted = codes.filter((code) => (code & IMPACTED) !== 0).length;
      return serviceStatusCode(failed, downtime, impacted, 0);
    });
    transitionsOf("BUSINESS_SERVICE", String(serviceIds[service]), changes, transitions);
  }
  checkRows.sort((a, b) => a[2] - b[2]);
  transitions.sort((a, b) => a[2] - b[2]);
  return {
    checkCount: checkRows.length,
    transitionCount: transitions.length,
    checks: copyTextRows(checkRows, ([host, check, at, state, inDowntime]) => [host, check, copyTimestamp(at), state, false, inDowntime]),
    transitions: copyTextRows(transitions, ([objectType, objectKey, at, from, to]) => [
      objectType,
      objectKey,
      copyTimestamp(at),
      stateOfCode(from),
      stateOfCode(to),
      false,
      false,
      (from & IMPACTED) !== 0,
      (to & IMPACTED) !== 0,
    ]),
  };
}

// ---------------------------------------------------------------------------------------------------
// A source for the poller: the estate's checks, of which a few change every read.

function benchSource(hosts: SourceHost[], checks: SourceServiceCheck[], changedPerRead: number): MonitoringSource {
  let round = 0;
  let cursor = 0;
  return {
    kind: "simulated",
    describe: () => "bench:history source",
    async readFull() {
      return { kind: "complete", hosts, serviceChecks: checks, skipped: [], cursor: String(++cursor) };
    },
    async readChanges() {
      round++;
      const changed: SourceServiceCheck[] = [];
      for (let k = 0; k < changedPerRead; k++) {
        const check = checks[(round * 7919 + k * 104_729) % checks.length];
        check.state = check.state === "OK" ? "CRITICAL" : "OK";
        check.output = check.state;
        check.lastStateChange = Date.now();
        changed.push({ ...check });
      }
      return { kind: "incremental", hosts: [], removedHosts: [], serviceChecks: changed, removedServiceChecks: [], skipped: [], cursor: String(++cursor) };
    },
    async close() {},
  };
}

// ---------------------------------------------------------------------------------------------------
// H1's history job and retention pruning (lib/history, branch h18-core): one line each.

async function runHistoryJob(database: Database, now: number): Promise<string | undefined> {
  void database;
  void now;
  return "history job not available (lib/history has none yet): figures below are the reference reads";
}

/** Prunes history older than `before` while the poller runs; returns rows removed. */
async function pruneHistory(database: Database, before: number): Promise<{ rows: number; note?: string }> {
  // Stand-in until H1's pruning lands: batches of 5,000 rows, oldest first, as the job is meant to.
  let rows = 0;
  for (const table of ['"CheckStateChange"', '"BsmTransition"']) {
    for (;;) {
      const deleted = await database.withConnection((connection) =>
        connection.query<{ id: string }>(
          `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE at < $1 ORDER BY at LIMIT 5000) RETURNING id`,
          [new Date(before).toISOString()],
        ),
      );
      rows += deleted.length;
      if (deleted.length < 5000) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { rows, note: "stand-in pruning (batches of 5,000 oldest rows): H1's pruning not merged yet" };
}

// ---------------------------------------------------------------------------------------------------

async function timeRuns<T>(label: string, target: number, work: () => Promise<T>, runs = RUNS, describe?: (result: T) => string) {
  const times: number[] = [];
  let result: T | undefined;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = await work();
    times.push(performance.now() - start);
    // A slow path is timed fewer times: the point is the figure, not the spread.
    if (times[0] > 20_000) break;
  }
  const figure = median(times);
  console.log(
    `${label}: median ${ms(figure)} (runs ${times.map(ms).join(", ")}; load ${load()}) target ≤ ${ms(target)} ${figure <= target ? "OK" : "MISSED"}${describe && result !== undefined ? `; ${describe(result)}` : ""}`,
  );
  return figure;
}

async function seed(database: Database, hosts: SourceHost[], components: ReturnType<typeof estate>["components"], businessServices: ReturnType<typeof estate>["businessServices"]) {
  await database.migrate();
  await seedConfigurationIfEmpty(database, { hosts, components, businessServices }, YEAR_FROM - DAY_MS);
  const created = new Date(YEAR_FROM - DAY_MS);
  await database.prisma.component.updateMany({ data: { createdAt: created } });
  await database.prisma.businessService.updateMany({ data: { createdAt: created } });
  const componentRows = await database.prisma.component.findMany({ select: { id: true, name: true } });
  const serviceRows = await database.prisma.businessService.findMany({ select: { id: true, name: true } });
  const componentIds: number[] = [];
  for (const row of componentRows) componentIds[Number(row.name.slice("Component ".length))] = row.id;
  const serviceIds: number[] = [];
  for (const row of serviceRows) serviceIds[Number(row.name.slice("Service ".length))] = row.id;
  return { componentIds, serviceIds };
}

async function loadHistory(databases: { label: string; database: Database; ids: Awaited<ReturnType<typeof seed>> }[]) {
  const start = performance.now();
  let checks = 0;
  let transitions = 0;
  const spent = new Map<string, number>();
  let generating = 0;
  for (let first = 0; first < SERVICES; first += SERVICES_PER_CHUNK) {
    const count = Math.min(SERVICES_PER_CHUNK, SERVICES - first);
    const generateStart = performance.now();
    // Every database numbers its objects the same way (fresh, same seed order); the first one's ids name them.
    const rows = chunkRows(first, count, databases[0].ids.componentIds, databases[0].ids.serviceIds);
    generating += performance.now() - generateStart;
    checks += rows.checkCount;
    transitions += rows.transitionCount;
    await Promise.all(
      databases.map(async ({ label, database }) => {
        const copyStart = performance.now();
        await database.withConnection(async (connection) => {
          await connection.copyIn('"CheckStateChange"', ["host", '"check"', "at", "state", "acknowledged", '"inDowntime"'], rows.checks);
          await connection.copyIn(
            '"BsmTransition"',
            ['"objectType"', '"objectKey"', "at", '"fromState"', '"toState"', '"fromAcknowledged"', '"toAcknowledged"', '"fromImpacted"', '"toImpacted"'],
            rows.transitions,
          );
        });
        spent.set(label, (spent.get(label) ?? 0) + performance.now() - copyStart);
      }),
    );
  }
  for (const { database } of databases) await database.withConnection((connection) => connection.exec('ANALYZE "CheckStateChange"; ANALYZE "BsmTransition"'));
  console.log(
    `history: ${n(checks)} check changes, ${n(transitions)} transitions over 365 days; generated in ${ms(generating)}, COPY ${[...spent].map(([label, time]) => `${label} ${ms(time)}`).join(", ")} (all loaded in ${ms(performance.now() - start)}, load ${load()})`,
  );
}

const HISTORY_TABLES = ["CheckStateChange", "BsmTransition", "BsmStateSegment", "BsmRollup", "BsmCheckpoint"];

async function sizes(label: string, database: Database, dataDir?: string) {
  const rows = await database.withConnection((connection) =>
    connection.query<{ name: string; bytes: string; rows: string }>(
      HISTORY_TABLES.map((table) => `SELECT '${table}' AS name, pg_total_relation_size('"${table}"')::text AS bytes, (SELECT count(*) FROM "${table}")::text AS rows`).join(" UNION ALL "),
    ),
  );
  const total = rows.reduce((sum, row) => sum + Number(row.bytes), 0);
  const perYear = (bytes: number) => mb(bytes / SCALE);
  console.log(
    `${label} history tables: ${rows.map((row) => `${row.name} ${mb(Number(row.bytes))} (${n(Number(row.rows))} rows)`).join(", ")}; total ${mb(total)}${SCALE !== 1 ? ` (≈ ${perYear(total)} at full size)` : ""}`,
  );
  if (dataDir) {
    const bytes = Number(execFileSync("du", ["-sb", dataDir]).toString().split("\t")[0]);
    console.log(`${label} data directory: ${mb(bytes)}`);
  }
}

async function benchmark(label: string, database: Database, ids: Awaited<ReturnType<typeof seed>>, hosts: SourceHost[], checks: SourceServiceCheck[], dataDir?: string) {
  console.log(`\n## ${label}`);
  const { prisma } = database;
  const source = benchSource(hosts, checks.map((check) => ({ ...check })), Math.max(1, Math.round(checks.length * 0.01)));
  const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 60 * 60_000, log: () => {} });
  const first = await poller.runCycle();
  console.log(`first poll cycle (every check written): ${ms(first.durationMs)}`);

  const jobStart = performance.now();
  const jobNote = await runHistoryJob(database, Date.now());
  console.log(`history job (segments, roll-ups, checkpoints over the year): ${ms(performance.now() - jobStart)}${jobNote ? ` — ${jobNote}` : ""} (load ${load()})`);

  const services = ids.serviceIds.map((id) => businessServiceRef(id));
  const now = Date.now();
  await timeRuns(`30-day availability of all ${n(services.length)} services`, 300, () => availabilityOver(prisma, services, { from: now - 30 * DAY_MS, to: now, now }), RUNS, (result) => `${n(result.size)} figures`);
  await timeRuns(
    "whole-year SLA report (availabilityOver + problemPeriodsOver, all services)",
    1000,
    async () => {
      const window = { from: now - YEAR_MS, to: now, now };
      const [figures, periods] = await Promise.all([availabilityOver(prisma, services, window), problemPeriodsOver(prisma, services, window)]);
      return { figures, outages: [...periods.values()].reduce((sum, list) => sum + list.length, 0) };
    },
    RUNS,
    (result) => `${n(result.figures.size)} services, ${n(result.outages)} outages`,
  );
  const moment = random(42);
  await timeRuns("whole tree's state at an arbitrary moment", 500, () => treeStateAt(prisma, YEAR_FROM + Math.floor(moment() * YEAR_MS)), RUNS, (result) => `${n(result.size)} objects`);

  // Poll cycles (1% of checks changed each) alone, then while a day's expired history is pruned.
  const cycle = async () => (await poller.runCycle()).durationMs;
  for (let k = 0; k < 2; k++) await cycle();
  const alone: number[] = [];
  for (let k = 0; k < POLL_CYCLES; k++) alone.push(await cycle());
  const pruneStart = performance.now();
  let pruned: { rows: number; note?: string } | undefined;
  const pruning = pruneHistory(database, YEAR_FROM + DAY_MS).then((result) => {
    pruned = result;
  });
  const during: number[] = [];
  while (pruned === undefined || during.length < 2) {
    during.push(await cycle());
    if (during.length >= POLL_CYCLES * 10) break;
  }
  await pruning;
  const pruneMs = performance.now() - pruneStart;
  const slower = (Math.max(...during) / median(alone) - 1) * 100;
  const slowerMedian = (median(during) / median(alone) - 1) * 100;
  console.log(
    `poll cycle, 1% of checks changed: alone median ${ms(median(alone))} (max ${ms(Math.max(...alone))}); while pruning a day (${n(pruned?.rows ?? 0)} rows in ${ms(pruneMs)}): median ${ms(median(during))}, max ${ms(Math.max(...during))} over ${during.length} cycles — median ${slowerMedian >= 0 ? "+" : ""}${slowerMedian.toFixed(0)} %, slowest ${slower >= 0 ? "+" : ""}${slower.toFixed(0)} %, target ≤ +10 % ${slower <= 10 ? "OK" : "MISSED"} (load ${load()})${pruned?.note ? `; ${pruned.note}` : ""}`,
  );
  await sizes(label, database, dataDir);
}

const { hosts, checks, components, businessServices } = estate();
console.log(
  `# bench:history — scale ${SCALE}: ${n(SERVICES)} business services, ${n(components.length)} components, ${n(hosts.length)} component hosts (${n(checks.length)} checks), one year; load ${load()}`,
);
const postgres = await startPostgresServer();
const pgliteDir = mkdtempSync(path.join(tmpdir(), "bench-history-pglite-"));
try {
  const server = openDatabase({ kind: "postgres", url: postgres.url() });
  const embedded = openDatabase({ kind: "pglite", dataDir: pgliteDir });
  const seedStart = performance.now();
  const serverIds = await seed(server, hosts, components, businessServices);
  const embeddedIds = await seed(embedded, hosts, components, businessServices);
  if (serverIds.componentIds.some((id, index) => embeddedIds.componentIds[index] !== id)) throw new Error("the two databases numbered the components differently");
  console.log(`configuration seeded in both in ${ms(performance.now() - seedStart)}`);
  await loadHistory([
    { label: "PostgreSQL", database: server, ids: serverIds },
    { label: "PGlite", database: embedded, ids: embeddedIds },
  ]);
  await benchmark("PostgreSQL 15 (local server)", server, serverIds, hosts, checks);
  await server.close();
  await benchmark("PGlite (embedded, data directory on disk)", embedded, embeddedIds, hosts, checks, pgliteDir);
  await embedded.close();
} finally {
  postgres.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}
