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
import { Prisma } from "@prisma/client";
import { EXPIRED_BATCHES_PER_READ, PRUNE_BATCH_ROWS, PRUNE_TARGETS, PRUNED_TABLES, SETTLE_MS, pruneHistory, rollUpHistory, vacuumTable, writeCheckpoint, type PruneStatement } from "../lib/history/job";
import { AVAILABILITY_REFRESH_MS } from "../lib/poller/availability-keeper";
import { checkpointRowsOf, pruneCutoff, splitObjectKey } from "../lib/history/job-plan";
import { referenceTimelines, replayStatesAt } from "../lib/history/reference";
import { dayRollupsOf, hourRollupsOf, segmentsOfTimelines, type RollupRow, type SegmentRow } from "../lib/history/rollup";
import { loadBsmConfig } from "../lib/poller/load-bsm-config";
import { loadChecks, loadHistory as loadStoredHistory } from "../lib/status/availability";
import { createAccess, NO_GRANTS } from "../lib/auth/access";
import { loadAccessEstate } from "../lib/auth/load-access";
import { slaReport } from "../lib/sla";
import { Poller } from "../lib/poller/poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { createRandom } from "../lib/sources/simulated/random";
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
const SERVICES_PER_CHUNK = 20;
const RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 5);
/** Share of the checks each poll cycle changes while pruning is measured (default 1 %). */
const CHANGED_PER_CYCLE = Number(process.env.BENCH_HISTORY_CHANGED_PER_CYCLE ?? 0.01);
/** Poll cycles, back to back, before pruning is measured. */
const WARM_UP_MS = 60_000;
/** Days of history pruned, one after another, while pruning is measured (default 3). */
const PRUNE_DAYS = Number(process.env.BENCH_HISTORY_PRUNE_DAYS ?? 3);
const WEEK_MS = 7 * DAY_MS;
const YEAR_MS = 365 * DAY_MS;
/** The year of history ends an hour before now (every failure over by then); minutes, so runs line up. */
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const YEAR_FROM = NOW - YEAR_MS;
/**
 * The history job's work up to here is generated with the job's own pure functions (segments, roll-ups,
 * checkpoints) and loaded with COPY: catching up a year through the job, a day a run, would take hours at
 * full size. The job itself rolls up the rest (BENCH_HISTORY_JOB_DAYS, default 2) and its cost a day is
 * timed; one generated day is checked against what the job computes for it.
 */
const JOB_DAYS = Number(process.env.BENCH_HISTORY_JOB_DAYS ?? 2);
const GENERATED_TO = Math.floor((NOW - JOB_DAYS * DAY_MS) / DAY_MS) * DAY_MS;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
const n = (value: number) => value.toLocaleString("en");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function random(seed: number) {
  const generator = createRandom(seed);
  return () => generator.next();
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

/** What the history job would have stored for the generated part of the year. */
interface DerivedRows {
  segments: SegmentRow[];
  checkpoints: { at: number; objectType: string; objectKey: string; state: string; impacted: boolean }[];
}

/** Every UTC midnight from which the job rolls up by the day (its chunks, as lined up here). */
const FIRST_MIDNIGHT = Math.ceil(YEAR_FROM / DAY_MS) * DAY_MS;

/**
 * An object's segments (cut at every UTC midnight, as the job's day chunks cut them) through the job's own
 * segmentsOfTimelines, and its rows in each daily checkpoint up to GENERATED_TO (objects not OPERATIONAL or
 * impacted at that midnight, the state the last change at or before it left).
 */
function deriveRows(objectType: string, objectKey: string, changes: Change[], derived: DerivedRows) {
  const key = `${objectType}:${objectKey}`;
  const timeline: { from: number; to: number; state: ReturnType<typeof stateOfCode> }[] = [];
  for (let k = 0; k < changes.length; k++) {
    const to = k + 1 < changes.length ? changes[k + 1].at : GENERATED_TO;
    if (changes[k].code !== 0 && to > changes[k].at) timeline.push({ from: changes[k].at, to, state: stateOfCode(changes[k].code) });
    if (changes[k].code === 0) continue;
    for (let midnight = Math.max(FIRST_MIDNIGHT, Math.ceil(changes[k].at / DAY_MS) * DAY_MS); midnight < to && midnight <= GENERATED_TO; midnight += DAY_MS) {
      derived.checkpoints.push({ at: midnight, objectType, objectKey, state: stateOfCode(changes[k].code), impacted: (changes[k].code & IMPACTED) !== 0 });
    }
  }
  for (const segment of timeline) {
    if (segment.from >= GENERATED_TO) break;
    for (let day = Math.floor(segment.from / DAY_MS) * DAY_MS; day < Math.min(segment.to, GENERATED_TO); day += DAY_MS) {
      derived.segments.push(...segmentsOfTimelines(new Map([[key, [segment]]]), { from: day, to: Math.min(day + DAY_MS, GENERATED_TO) }));
    }
  }
}

function transitionsOf(objectType: string, objectKey: string, changes: Change[], rows: TransitionRow[], derived: DerivedRows) {
  let previous = 0;
  for (const change of changes) {
    rows.push([objectType, objectKey, change.at, previous, change.code]);
    previous = change.code;
  }
  deriveRows(objectType, objectKey, changes, derived);
}

/** The checkpoints' marker rows (lib/history/job-plan.ts checkpointRowsOf: one each, even when all is OPERATIONAL). */
function checkpointMarkers() {
  const [marker] = checkpointRowsOf(new Map());
  const rows: DerivedRows["checkpoints"] = [];
  for (let midnight = FIRST_MIDNIGHT; midnight <= GENERATED_TO; midnight += DAY_MS) rows.push({ at: midnight, objectType: marker.objectType, objectKey: marker.objectKey, state: marker.state, impacted: false });
  return rows;
}

const keyColumns = (key: string) => {
  const { objectType, objectKey } = splitObjectKey(key);
  return [objectType, objectKey];
};

function derivedCopyText(derived: DerivedRows) {
  const hours = hourRollupsOf(derived.segments);
  const rollups: RollupRow[] = [...hours, ...dayRollupsOf(hours)];
  return {
    segmentCount: derived.segments.length,
    rollupCount: rollups.length,
    checkpointCount: derived.checkpoints.length,
    segments: copyTextRows(derived.segments, (row) => [...keyColumns(row.key), copyTimestamp(row.from), copyTimestamp(row.to), row.state]),
    rollups: copyTextRows(rollups, (row) => [...keyColumns(row.key), row.bucket, copyTimestamp(row.start), row.downtimeMs, row.failedMs]),
    checkpoints: copyTextRows(derived.checkpoints, (row) => [copyTimestamp(row.at), row.objectType, row.objectKey, row.state, false, row.impacted]),
  };
}

/** Check changes and transitions of the services [first, first + count), in COPY text. */
function chunkRows(first: number, count: number, componentIds: number[], serviceIds: number[]) {
  const checkRows: [string, string, number, string, boolean][] = [];
  const transitions: TransitionRow[] = [];
  const derived: DerivedRows = { segments: [], checkpoints: first === 0 ? checkpointMarkers() : [] };
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
        transitionsOf("COMPONENT_HOST", componentHostKey(componentIds[component], host), changes, transitions, derived);
        hostChanges.push(changes);
      }
      const changes = sweepParent(hostChanges, (codes) => {
        const failed = codes.filter((code) => code === FAILED_CODE).length;
        const downtime = codes.filter((code) => code === DOWNTIME_CODE).length;
        return componentStatusCode(HOSTS_PER_COMPONENT, REQUIRED_ONLINE, failed, downtime, 0);
      });
      transitionsOf("COMPONENT", String(componentIds[component]), changes, transitions, derived);
      componentChanges.push(changes);
    }
    const changes = sweepParent(componentChanges, (codes) => {
      const failed = codes.filter((code) => stateOfCode(code) === "FAILED").length;
      const downtime = codes.filter((code) => stateOfCode(code) === "DOWNTIME").length;
      const impacted = codes.filter((code) => (code & IMPACTED) !== 0).length;
      return serviceStatusCode(failed, downtime, impacted, 0);
    });
    transitionsOf("BUSINESS_SERVICE", String(serviceIds[service]), changes, transitions, derived);
  }
  checkRows.sort((a, b) => a[2] - b[2]);
  transitions.sort((a, b) => a[2] - b[2]);
  return {
    ...derivedCopyText(derived),
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

function benchSource(hosts: SourceHost[], checks: SourceServiceCheck[], rate: { changedPerRead: number }): MonitoringSource {
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
      for (let k = 0; k < rate.changedPerRead; k++) {
        // A new object: the poller keeps the ones it was given as what it knows, and compares with them.
        const index = (round * 7919 + k * 104_729) % checks.length;
        const state = checks[index].state === "OK" ? "CRITICAL" : "OK";
        checks[index] = { ...checks[index], state, output: state, lastStateChange: Date.now() };
        changed.push(checks[index]);
      }
      return { kind: "incremental", hosts: [], removedHosts: [], serviceChecks: changed, removedServiceChecks: [], skipped: [], cursor: String(++cursor) };
    },
    async close() {},
  };
}

// ---------------------------------------------------------------------------------------------------
// H1's history job (lib/history/job.ts), run to completion: what the leading poller does between cycles
// until it has caught up with the year.

async function runHistoryJob(database: Database, now: number) {
  const { prisma } = database;
  const rollUpStart = performance.now();
  let days = 0;
  while (await rollUpHistory(prisma, now)) days++;
  const rollUpMs = performance.now() - rollUpStart;
  const checkpointStart = performance.now();
  let checkpoints = 0;
  while (await writeCheckpoint(prisma, now)) checkpoints++;
  return { rollUpMs, days: days + 1, checkpointMs: performance.now() - checkpointStart, checkpoints: checkpoints + 1 };
}

/**
 * The generated rows against the job's own computation: the last generated day's HOUR roll-ups recomputed
 * from the raw history as rollUpHistory does, and (when replaying every transition is affordable) the last
 * generated checkpoint against a full replay.
 */
async function verifyGenerated(database: Database, transitions: number) {
  const { prisma } = database;
  const chunk = { from: GENERATED_TO - DAY_MS, to: GENERATED_TO };
  const start = performance.now();
  const computed = hourRollupsOf(segmentsOfTimelines(await referenceTimelines(prisma, chunk), chunk));
  const stored = await database.withConnection((connection) =>
    connection.query<{ key: string; start: string; downtimeMs: number; failedMs: number }>(
      `SELECT "objectType"::text || ':' || "objectKey" AS key, (extract(epoch FROM start) * 1000)::bigint::text AS start, "downtimeMs", "failedMs"
       FROM "BsmRollup" WHERE bucket = 'HOUR' AND start >= '${copyTimestamp(chunk.from)}' AND start < '${copyTimestamp(chunk.to)}'`,
    ),
  );
  const storedBy = new Map(stored.map((row) => [`${row.key}@${row.start}`, row]));
  let differ = Math.abs(stored.length - computed.length);
  for (const row of computed) {
    const other = storedBy.get(`${row.key}@${row.start}`);
    if (!other || other.downtimeMs !== row.downtimeMs || other.failedMs !== row.failedMs) differ++;
  }
  let checkpoint = "not replayed (more than 5 million transitions)";
  if (transitions <= 5_000_000) {
    const replayed = checkpointRowsOf(await replayStatesAt(prisma, GENERATED_TO));
    const rows = await prisma.bsmCheckpoint.findMany({ where: { at: new Date(GENERATED_TO) } });
    const storedRows = new Set(rows.map((row) => `${row.objectType}:${row.objectKey}:${row.state}:${row.acknowledged}:${row.impacted}`));
    const missing = replayed.filter((row) => !storedRows.has(`${row.objectType}:${row.objectKey}:${row.state}:${row.acknowledged}:${row.impacted}`)).length;
    checkpoint = `${n(rows.length)} rows stored, ${n(replayed.length)} replayed, ${n(missing + Math.abs(rows.length - replayed.length))} differ`;
  }
  console.log(
    `generated rows against the history job's computation (${new Date(chunk.from).toISOString().slice(0, 10)}): ${n(computed.length)} hour roll-ups computed, ${n(stored.length)} stored, ${n(differ)} differ; checkpoint ${checkpoint} (${ms(performance.now() - start)})`,
  );
  if (differ > 0) throw new Error("the generated roll-ups are not what the history job computes");
}

// ---------------------------------------------------------------------------------------------------

/** A failing step is reported and the run goes on: at full size one run costs the better part of an hour. */
async function attempt(label: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    console.log(`${label}: FAILED — ${(error as Error).message.trim().split("\n").slice(-3).join(" ")} (load ${load()})`);
  }
}

async function timeRuns<T>(label: string, target: number, work: () => Promise<T>, runs = RUNS, describe?: (result: T) => string) {
  return attempt(label, () => timedRuns(label, target, work, runs, describe));
}

async function timedRuns<T>(label: string, target: number, work: () => Promise<T>, runs: number, describe?: (result: T) => string) {
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

/** Each history table's index by time, the order a running system writes its rows in. */
const TIME_ORDER_COLUMNS: Record<string, string> = { CheckStateChange: "at", BsmTransition: "at", BsmStateSegment: '"to"', BsmRollup: "bucket, start" };

function splitTimeOrderIndexes(definitions: string[]) {
  const ordering: { table: string; name: string; definition: string }[] = [];
  const others: string[] = [];
  for (const definition of definitions) {
    const [, name, table, columns] = /^CREATE INDEX "?([^" ]+)"? ON public\."?(\w+)"? USING btree \((.*)\)$/.exec(definition) ?? [];
    if (table !== undefined && TIME_ORDER_COLUMNS[table] === columns) ordering.push({ table, name, definition });
    else others.push(definition);
  }
  const missing = Object.keys(TIME_ORDER_COLUMNS).filter((table) => !ordering.some((index) => index.table === table));
  if (missing.length > 0) throw new Error(`no index by time found for ${missing.join(", ")}`);
  return [ordering, others] as const;
}

async function loadHistory(databases: { label: string; database: Database; ids: Awaited<ReturnType<typeof seed>> }[]) {
  const start = performance.now();
  let checks = 0;
  let transitions = 0;
  const derived = { segments: 0, rollups: 0, checkpoints: 0 };
  const spent = new Map<string, number>();
  let generating = 0;
  let generatingCpu = 0;
  // Bulk load: the secondary indexes are built once at the end (same definitions), not row by row.
  const indexes = await Promise.all(
    databases.map(({ database }) =>
      database.withConnection(async (connection) => {
        const rows = await connection.query<{ name: string; definition: string }>(
          `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename IN ('CheckStateChange', 'BsmTransition', 'BsmStateSegment', 'BsmRollup') AND indexname NOT LIKE '%_pkey'`,
        );
        for (const row of rows) await connection.exec(`DROP INDEX "${row.name}"`);
        return rows.map((row) => row.definition);
      }),
    ),
  );
  for (let first = 0; first < SERVICES; first += SERVICES_PER_CHUNK) {
    const count = Math.min(SERVICES_PER_CHUNK, SERVICES - first);
    const generateStart = performance.now();
    const cpuStart = process.cpuUsage();
    // Every database numbers its objects the same way (fresh, same seed order); the first one's ids name them.
    const rows = chunkRows(first, count, databases[0].ids.componentIds, databases[0].ids.serviceIds);
    generating += performance.now() - generateStart;
    const cpu = process.cpuUsage(cpuStart);
    generatingCpu += (cpu.user + cpu.system) / 1000;
    checks += rows.checkCount;
    transitions += rows.transitionCount;
    derived.segments += rows.segmentCount;
    derived.rollups += rows.rollupCount;
    derived.checkpoints += rows.checkpointCount;
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
          await connection.copyIn('"BsmStateSegment"', ['"objectType"', '"objectKey"', '"from"', '"to"', "state"], rows.segments);
          await connection.copyIn('"BsmRollup"', ['"objectType"', '"objectKey"', "bucket", "start", '"downtimeMs"', '"failedMs"'], rows.rollups);
          await connection.copyIn('"BsmCheckpoint"', ["at", '"objectType"', '"objectKey"', "state", "acknowledged", "impacted"], rows.checkpoints);
        });
        spent.set(label, (spent.get(label) ?? 0) + performance.now() - copyStart);
      }),
    );
  }
  const copied = performance.now();
  await Promise.all(
    databases.map(({ database }, index) =>
      database.withConnection(async (connection) => {
        // A running system writes history in time order; the generator writes a chunk of services' whole year
        // at a time, which spreads each day over the whole table (pruning a day would then touch every page).
        // So each table is first clustered by time, with that one index, then given the others.
        const [ordering, others] = splitTimeOrderIndexes(indexes[index]);
        for (const { table, definition, name } of ordering) {
          await connection.exec(definition);
          await connection.exec(`CLUSTER "${table}" USING "${name}"`);
        }
        for (const definition of others) await connection.exec(definition);
        // As on a running system: vacuumed since it was written (PostgreSQL's autovacuum; on PGlite the history
        // job, lib/history/job.ts), so neither the reads nor the pruning part pay for a first vacuum of the year.
        for (const table of PRUNED_TABLES) await connection.exec(`VACUUM (ANALYZE) "${table}"`);
        const generatedTo = `'${copyTimestamp(GENERATED_TO)}'`;
        await connection.exec(
          `INSERT INTO "HistorySettings" (id, "rolledUpTo", "checkpointedTo") VALUES (1, ${generatedTo}, ${generatedTo}) ON CONFLICT (id) DO UPDATE SET "rolledUpTo" = EXCLUDED."rolledUpTo", "checkpointedTo" = EXCLUDED."checkpointedTo"`,
        );
      }),
    ),
  );
  const indexed = performance.now() - copied;
  console.log(
    `history: ${n(checks)} check changes, ${n(transitions)} transitions over 365 days, and what the history job stores for them up to ${new Date(GENERATED_TO).toISOString()}: ${n(derived.segments)} segments, ${n(derived.rollups)} roll-ups, ${n(derived.checkpoints)} checkpoint rows; generated in ${ms(generating)} (CPU ${ms(generatingCpu)}), indexes built in ${ms(indexed)}, COPY ${[...spent].map(([label, time]) => `${label} ${ms(time)}`).join(", ")} (all loaded in ${ms(performance.now() - start)}, load ${load()})`,
  );
  return { transitions, checkChanges: checks };
}

/**
 * BENCH_HISTORY_EXPLAIN=1: where the reads' time goes on PostgreSQL. The raw-history queries of the reference
 * reads (lib/status/availability.ts loadHistory, lib/history/reference.ts referenceTimelines) as they are, and
 * per check through the (host, "check", at) index (LATERAL … LIMIT 1) as proposed.
 */
async function explainRawReads(database: Database, hosts: string[]) {
  const tail = new Date(NOW - 5 * 60_000).toISOString();
  const dayEnd = new Date(YEAR_FROM + DAY_MS).toISOString();
  const queries: [string, string, unknown[]][] = [
    [
      "loadHistory: each check's last change before a window starting 5 min ago (as is)",
      `SELECT DISTINCT ON (host, "check") host, "check", at, state FROM "CheckStateChange" WHERE host = ANY($1::text[]) AND at <= $2 ORDER BY host, "check", at DESC, id DESC`,
      [hosts, tail],
    ],
    [
      "the same, per check through the index (proposed)",
      `SELECT c.host, c.name, l.at, l.state FROM (SELECT h.name AS host, s.name FROM "ServiceCheck" s JOIN "Host" h ON h.id = s."hostId" WHERE h.name = ANY($1::text[])) c
       CROSS JOIN LATERAL (SELECT at, state FROM "CheckStateChange" x WHERE x.host = c.host AND x."check" = c.name AND x.at <= $2 ORDER BY at DESC, id DESC LIMIT 1) l`,
      [hosts, tail],
    ],
    [
      "referenceTimelines: checks with changes after the first day's chunk (as is, run for each day rolled up)",
      `SELECT DISTINCT host, "check" FROM "CheckStateChange" WHERE host = ANY($1::text[]) AND at > $2`,
      [hosts, dayEnd],
    ],
    [
      "the same, per check through the index (proposed)",
      `SELECT h.name AS host, s.name FROM "ServiceCheck" s JOIN "Host" h ON h.id = s."hostId" WHERE h.name = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM "CheckStateChange" x WHERE x.host = h.name AND x."check" = s.name AND x.at > $2)`,
      [hosts, dayEnd],
    ],
  ];
  // One roll-up chunk (a day in the middle of the year) taken apart: the raw reads, then the engine.
  const chunk = { from: Math.floor((YEAR_FROM + 180 * DAY_MS) / DAY_MS) * DAY_MS, to: Math.floor((YEAR_FROM + 181 * DAY_MS) / DAY_MS) * DAY_MS };
  const timed = async (work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    return ms(performance.now() - start);
  };
  const config = await loadBsmConfig(database.prisma);
  console.log(
    `one day's roll-up chunk taken apart: loadBsmConfig ${await timed(() => loadBsmConfig(database.prisma))}, loadChecks ${await timed(() => loadChecks(database.prisma, hosts))}, loadHistory ${await timed(() => loadStoredHistory(database.prisma, hosts, chunk.from, chunk.to))}, referenceTimelines (all of it, engine included) ${await timed(() => referenceTimelines(database.prisma, chunk, undefined, config))}`,
  );
  await database.withConnection(async (connection) => {
    for (const [label, sql, params] of queries) {
      const plan = await connection.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      const lines = plan.map((row) => row["QUERY PLAN"]);
      console.log(`EXPLAIN ANALYZE — ${label}:\n    ${lines.join("\n    ")}`);
    }
  });
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

async function benchmark(
  label: string,
  database: Database,
  ids: Awaited<ReturnType<typeof seed>>,
  hosts: SourceHost[],
  checks: SourceServiceCheck[],
  { transitions, checkChanges }: { transitions: number; checkChanges: number },
  dataDir?: string,
) {
  console.log(`\n## ${label}`);
  const { prisma } = database;
  // Until the pruning part, cycles change checks at the generated history's own rate (a change a second
  // at full size, rounded up): the reads see what a running poller's tail holds.
  const rate = { changedPerRead: Math.max(1, Math.round(checkChanges / (YEAR_MS / 1000))) };
  const source = benchSource(hosts, checks.map((check) => ({ ...check })), rate);
  const poller = new Poller({ database, source, pollIntervalMs: 1000, fullResyncEveryMs: 60 * 60_000, log: () => {} });
  const first = await poller.runCycle();
  const firstCycleAt = Date.now();
  console.log(`first poll cycle (every check written): ${ms(first.durationMs)}`);
  if (process.env.BENCH_HISTORY_EXPLAIN === "1" && database.target.kind === "postgres") await explainRawReads(database, hosts.map((host) => host.name));

  await attempt("history job", async () => {
    const jobStart = performance.now();
    const job = await runHistoryJob(database, Date.now());
    console.log(
      `history job from ${new Date(GENERATED_TO).toISOString()} (the year before generated with its functions): ${ms(performance.now() - jobStart)} — roll-ups ${ms(job.rollUpMs)} (${job.days} day chunks, ${ms(job.rollUpMs / job.days)} a day), checkpoints ${ms(job.checkpointMs)} (${job.checkpoints}, ${ms(job.checkpointMs / job.checkpoints)} each) (load ${load()})`,
    );
  });
  await attempt("generated rows against the history job's computation", () => verifyGenerated(database, transitions));

  const services = ids.serviceIds.map((id) => businessServiceRef(id));
  // The first cycle wrote an entry for every check: for the next SETTLE_MS the reads recompute every
  // object's tail from the raw history (read.ts storedTail). Timed once here, then after polling on.
  await poller.runCycle();
  let now = Date.now();
  await timeRuns(`30-day availability of all ${n(services.length)} services, right after the poller's first cycle`, 300, () => availabilityOver(prisma, services, { from: now - 30 * DAY_MS, to: now, now }), 1);
  const pollUntil = firstCycleAt + SETTLE_MS + 2 * AVAILABILITY_REFRESH_MS;
  let cycles = 0;
  while (Date.now() < pollUntil) {
    await poller.runCycle();
    cycles++;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log(`polled on for ${ms(Date.now() - firstCycleAt)} after the first cycle (${n(cycles)} cycles of ${n(rate.changedPerRead)} changed checks)`);
  await poller.runCycle();
  now = Date.now();
  const storedAt = (await prisma.pollerStatus.findUnique({ where: { id: 1 }, select: { availabilityAt: true } }))?.availabilityAt?.getTime();
  console.log(`stored 24-hour timelines as of ${storedAt === undefined ? "never" : `${ms(now - storedAt)} ago`} (the reads take the tail after rolledUpTo from them when at most 2 min old)`);
  await timeRuns(`30-day availability of all ${n(services.length)} services`, 300, () => availabilityOver(prisma, services, { from: now - 30 * DAY_MS, to: now, now }), RUNS, (result) => `${n(result.size)} figures`);
  await poller.runCycle();
  now = Date.now();
  await timeRuns(
    "whole-year SLA report (availabilityOver + problemPeriodsOver over 365 days, all services)",
    1000,
    async () => {
      const window = { from: now - YEAR_MS, to: now, now };
      const [figures, periods] = await Promise.all([availabilityOver(prisma, services, window), problemPeriodsOver(prisma, services, window)]);
      return { figures, outages: [...periods.values()].reduce((sum, list) => sum + list.length, 0) };
    },
    RUNS,
    (result) => `${n(result.figures.size)} services, ${n(result.outages)} outages`,
  );
  await poller.runCycle();
  now = Date.now();
  const grants = { ...NO_GRANTS, isAdmin: true };
  const access = createAccess(grants, await loadAccessEstate(prisma, grants));
  await timeRuns(
    "SLA report (lib/sla slaReport, an admin), the last 4 quarters one after another",
    1000,
    async () => {
      let rows = 0;
      for (let offset = -4; offset < 0; offset++) rows += (await slaReport(prisma, access, { period: "quarter", offset, timeZone: "UTC", now })).rows.length;
      return rows;
    },
    RUNS,
    (rows) => `${n(rows)} rows`,
  );
  await poller.runCycle();
  const moment = random(42);
  await timeRuns("whole tree's state at an arbitrary moment", 500, () => treeStateAt(prisma, YEAR_FROM + DAY_MS + Math.floor(moment() * (YEAR_MS - DAY_MS))), RUNS, (result) => `${n(result.size)} objects`);

  await attempt("poll cycles with pruning", () => pollWhilePruning(database, poller, rate, checks.length));
  await attempt("sizes", () => sizes(label, database, dataDir));
}

/** Where the write-ahead log ends and where the last checkpoint began: WAL written and checkpoints taken between two marks. */
async function walMark(database: Database) {
  const [row] = await database.withConnection((connection) =>
    connection.query<{ lsn: string; checkpoint: string }>(`SELECT pg_current_wal_lsn()::text AS lsn, checkpoint_lsn::text AS checkpoint FROM pg_control_checkpoint()`),
  );
  const [high, low] = row.lsn.split("/");
  return { bytes: Number((BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`)), checkpoint: row.checkpoint };
}

interface Measured {
  ms: number;
  walBytes: number;
  /** A checkpoint began during it (on PGlite, which has no checkpointer process, it ran in it). */
  checkpoint: boolean;
}

async function measured<T>(database: Database, work: () => Promise<T>): Promise<Measured & { result: T }> {
  const before = await walMark(database);
  const start = performance.now();
  const result = await work();
  const elapsed = performance.now() - start;
  const after = await walMark(database);
  return { result, ms: elapsed, walBytes: after.bytes - before.bytes, checkpoint: after.checkpoint !== before.checkpoint };
}

/** A pruning step's statements, per table and kind: how many, their rows, their total and slowest time. */
function describeStatements(statements: PruneStatement[]) {
  const groups = new Map<string, PruneStatement[]>();
  for (const statement of statements) {
    const key = `${statement.table} ${statement.kind}`;
    const group = groups.get(key);
    if (group) group.push(statement);
    else groups.set(key, [statement]);
  }
  return [...groups.entries()]
    .map(([key, list]) => {
      const total = list.reduce((sum, s) => sum + s.ms, 0);
      return `${key} ${list.length}× ${n(list.reduce((sum, s) => sum + s.rows, 0))} rows ${ms(total)}${list.length > 1 ? ` (slowest ${ms(Math.max(...list.map((s) => s.ms)))})` : ""}`;
    })
    .join(", ");
}

/**
 * Poll cycles (1% of checks changed each) with the job's pruning before them, as the leading poller runs it
 * (lib/poller/run-poller.ts: the history job after each cycle), against cycles after an idle pause as long
 * as the pruning step before their pair: the two kinds alternate, so the database's drift (cache, the
 * write-ahead log) falls on both alike. A day expires at a time (the retention shortened by a day), the
 * job's work for a day, BENCH_HISTORY_PRUNE_DAYS times (default 3): more pairs than one day's few steps.
 * A minute of cycles comes first, so the pairs do not begin in the slow cycles just after the reads.
 * A cycle that also ran the once-a-minute availability refresh (every object's 24 hours computed and the
 * changed rows stored: most of a second at full size) is compared only with such cycles: which side of a
 * pair a minute turns on is chance.
 * On PGlite the history job then vacuums the pruned tables (it has no autovacuum), one a run: those steps
 * are paired with cycles the same way.
 * Each step and cycle records the WAL it wrote and whether a checkpoint began in it: PGlite has no
 * checkpointer process, so a checkpoint (every max_wal_size of WAL) runs inside whatever statement crosses it.
 * The rows pruned are counted through the `at` indexes: counting whole tables would read gigabytes and
 * leave the next cycle a cold cache.
 */
async function pollWhilePruning(database: Database, poller: Poller, rate: { changedPerRead: number }, checkCount: number) {
  const { prisma } = database;
  rate.changedPerRead = Math.round(checkCount * CHANGED_PER_CYCLE);
  const cycle = async () => {
    const { result, ...cost } = await measured(database, () => poller.runCycle());
    return { ...cost, ms: result.durationMs, refreshed: result.availabilityRefreshMs !== undefined };
  };
  // Day d of the pruning keeps 365 − d days: the year's oldest d days have expired.
  const retentionOnDay = (day: number) => 365 - day;
  const lastRetention = retentionOnDay(PRUNE_DAYS);
  const expiring = async () => {
    const cutoff = new Date(pruneCutoff(lastRetention, Date.now())).toISOString();
    const [row] = await database.withConnection((connection) =>
      connection.query<{ rows: string }>(
        `SELECT ((SELECT count(*) FROM "CheckStateChange" WHERE at < $1) + (SELECT count(*) FROM "BsmTransition" WHERE at < $1))::text AS rows`,
        [cutoff],
      ),
    );
    return Number(row.rows);
  };
  const before = await expiring();
  const expired = PRUNE_TARGETS.find((target) => target.expired)?.expired;
  if (expired) {
    const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${expired(new Date(pruneCutoff(retentionOnDay(1), Date.now())), PRUNE_BATCH_ROWS * EXPIRED_BATCHES_PER_READ)}`);
    console.log(`plan of the expired check changes' read: ${plan.map((row) => row["QUERY PLAN"].trim()).join(" | ")}`);
  }
  // The reads before this part leave the cache holding year-long history: cycles take seconds at first
  // (run 8: 0.4–2.6 s in the first minute, 0.2–0.3 s later). Pairs start once cycles run as they will.
  for (const warmUpUntil = Date.now() + WARM_UP_MS; Date.now() < warmUpUntil; ) await cycle();
  const withPruning: Awaited<ReturnType<typeof cycle>>[] = [];
  const alone: Awaited<ReturnType<typeof cycle>>[] = [];
  const steps: (Measured & { label: string; statements: PruneStatement[] })[] = [];
  const pair = async (label: string, step: (statements: PruneStatement[]) => Promise<unknown>) => {
    const statements: PruneStatement[] = [];
    const cost = await measured(database, () => step(statements));
    steps.push({ ms: cost.ms, walBytes: cost.walBytes, checkpoint: cost.checkpoint, label, statements });
    withPruning.push(await cycle());
    await new Promise((resolve) => setTimeout(resolve, cost.ms));
    alone.push(await cycle());
  };
  for (let day = 1; day <= PRUNE_DAYS; day++) {
    await prisma.historySettings.update({ where: { id: 1 }, data: { retentionDays: retentionOnDay(day), prunedAt: null } });
    for (let more = true; more; ) {
      await pair(`day ${day}`, async (statements) => (more = await pruneHistory(prisma, Date.now(), { budgetMs: 500, onStatement: (s) => statements.push(s) })));
      if (steps.length > 1000) throw new Error("pruning did not finish in 1,000 steps");
    }
  }
  // Where the database has no autovacuum, the history job vacuums the pruned tables, one a run.
  if (database.target.kind === "pglite") for (const table of PRUNED_TABLES) await pair(`VACUUM ${table}`, () => vacuumTable(prisma, table));
  const pruned = before - (await expiring());
  const change = (value: number, base: number) => (value / base - 1) * 100;
  const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(0)} %`;
  const compare = (refreshed: boolean) => {
    const after = withPruning.filter((c) => c.refreshed === refreshed).map((c) => c.ms);
    const pause = alone.filter((c) => c.refreshed === refreshed).map((c) => c.ms);
    if (after.length === 0 || pause.length === 0) return { met: true, text: `${after.length} after pruning, ${pause.length} after a pause: not compared` };
    const typical = change(median(after), median(pause));
    const slowest = change(Math.max(...after), Math.max(...pause));
    return {
      met: typical <= 10 && slowest <= 10,
      text: `${after.length} after pruning, ${pause.length} after a pause: median ${ms(median(after))} against ${ms(median(pause))} (${signed(typical)}), slowest ${ms(Math.max(...after))} against ${ms(Math.max(...pause))} (${signed(slowest)})`,
    };
  };
  const plain = compare(false);
  const refreshing = compare(true);
  const walOf = (list: Measured[]) => mb(list.reduce((sum, c) => sum + c.walBytes, 0));
  const checkpointsIn = (list: Measured[]) => list.filter((c) => c.checkpoint).length;
  const mark = (c: Awaited<ReturnType<typeof cycle>>) => `${ms(c.ms)}${c.refreshed ? "*" : ""}${c.checkpoint ? "†" : ""}`;
  for (const [index, step] of steps.entries()) {
    console.log(
      `  step ${index + 1} (${step.label}): ${ms(step.ms)}, WAL ${mb(step.walBytes)}${step.checkpoint ? ", a checkpoint" : ""}${step.statements.length > 0 ? ` — ${describeStatements(step.statements)}` : ""}; then cycles ${mark(withPruning[index])} / ${mark(alone[index])}`,
    );
  }
  console.log(
    `poll cycle, 1% of checks changed, ${withPruning.length} pairs: after a pruning (or vacuum) step (${n(pruned)} check changes + transitions expired over ${PRUNE_DAYS} days, steps above; WAL ${walOf(steps)}, ${checkpointsIn(steps)} checkpoints in steps) ` +
      `and after an idle pause as long. Cycles without the availability refresh: ${plain.text}; cycles with it: ${refreshing.text}; ` +
      `after pruning ${withPruning.map(mark).join(", ")}; after a pause ${alone.map(mark).join(", ")} (* ran the refresh, † a checkpoint began in it; WAL ${walOf(withPruning)} / ${walOf(alone)}, checkpoints ${checkpointsIn(withPruning)} / ${checkpointsIn(alone)}); ` +
      `target ≤ +10 % ${plain.met && refreshing.met ? "OK" : "MISSED"} (load ${load()})`,
  );
}

const { hosts, checks, components, businessServices } = estate();
console.log(
  `# bench:history — scale ${SCALE}: ${n(SERVICES)} business services, ${n(components.length)} components, ${n(hosts.length)} component hosts (${n(checks.length)} checks), one year; load ${load()}`,
);
const postgres = await startPostgresServer();
const pgliteDir = mkdtempSync(path.join(tmpdir(), "bench-history-pglite-"));
// Interrupted (Ctrl-C, a timeout): the server and the data directory go too.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    postgres.stop();
    rmSync(pgliteDir, { recursive: true, force: true });
    process.exit(130);
  });
}
try {
  // BENCH_HISTORY_DATABASES=postgres or pglite: only that one (both by default).
  const which = process.env.BENCH_HISTORY_DATABASES ?? "both";
  const targets: { label: string; title: string; database: Database; dataDir?: string }[] = [];
  if (which !== "pglite") targets.push({ label: "PostgreSQL", title: "PostgreSQL 15 (local server)", database: openDatabase({ kind: "postgres", url: postgres.url() }) });
  if (which !== "postgres") targets.push({ label: "PGlite", title: "PGlite (embedded, data directory on disk)", database: openDatabase({ kind: "pglite", dataDir: pgliteDir }), dataDir: pgliteDir });
  const seedStart = performance.now();
  const seeded: ((typeof targets)[number] & { ids: Awaited<ReturnType<typeof seed>> })[] = [];
  for (const target of targets) seeded.push({ ...target, ids: await seed(target.database, hosts, components, businessServices) });
  if (seeded.some(({ ids }) => ids.componentIds.some((id, index) => seeded[0].ids.componentIds[index] !== id))) throw new Error("the databases numbered the components differently");
  console.log(`configuration seeded in ${targets.map((target) => target.label).join(" and ")} in ${ms(performance.now() - seedStart)}`);
  const loaded = await loadHistory(seeded);
  for (const target of seeded) {
    await benchmark(target.title, target.database, target.ids, hosts, checks, loaded, target.dataDir);
    await target.database.close();
  }
} finally {
  postgres.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}
