// `npm run bench:icinga`: BSM Dashboard against a real Icinga 2 holding 5,000 hosts and 25,000 passive
// services, side by side with the Icinga Web 2 Business Process module on the same estate and
// configuration (500 components of 10 hosts with 7 required, 125 business services of 4 components).
// Prints, per door (the Icinga 2 API and the IDO in MariaDB, into PGlite): a full poll with BSM
// evaluation, on an empty database and as after a restart, and an incremental cycle after 50 state
// changes. Then the app as it runs in production (PostgreSQL, `npm run poller` on the Icinga API,
// the web server of `npm start`) against `icingacli businessprocess process check`: every status
// resource and the Summary (also after BENCH_ICINGA_IDLE_MS idle, default 60 s), a full re-read of
// the IDO (a restarted poller, and a running one's periodic resyncs), change → visible, resident
// memory, and whether the states agree. Not a test: figures go
// into BENCHMARKS.md. BENCH_ICINGA_SKIP_BUILD=1 reuses the build in .next-bench-icinga.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startAppServer, type AppServer } from "../e2e/app-server";
import { openDatabase, type Database } from "../lib/db/client";
import { Poller, type PollCycleReport } from "../lib/poller/poller";
import { seedConfigurationIfEmpty } from "../lib/poller/seed-configuration";
import { createIcingaApiSource } from "../lib/sources/icinga-api";
import { createIcingaIdoSource, parseIcingaIdoSettings, type IcingaIdoSettings } from "../lib/sources/ido";
import type { MonitoringSource } from "../lib/sources/types";
import { businessProcessFile, parseProblemTree, setUpBusinessProcessModule, type BusinessProcessModule, type CheckRun } from "../tests/support/business-process";
import { startIcingaTestbed, type IcingaEstate, type IcingaTestbed } from "../tests/support/icinga-testbed";
import { startPostgresServer, type PostgresServer } from "../tests/support/postgres-server";
import { buildApp, webServerPid } from "./bench-estate";

const HOSTS = Number(process.env.BENCH_ICINGA_HOSTS ?? 5_000);
const SERVICES_PER_HOST = 5;
const TEMPLATES = Math.max(1, Math.floor(HOSTS / 50));
const HOSTS_PER_COMPONENT = 10;
const REQUIRED_ONLINE = 7;
const COMPONENTS = Math.floor(HOSTS / HOSTS_PER_COMPONENT);
const COMPONENTS_PER_SERVICE = 4;
const CHANGES_PER_ROUND = 50;
const ROUNDS = 5;
const IDLE_MS = Number(process.env.BENCH_ICINGA_IDLE_MS ?? 60_000);
const POLL_INTERVAL_SECONDS = 5;
const MODULE_RUNS = 5;
const RESYNC_RUNS = 3;
const REQUESTS = 5;
const VISIBILITY_CHANGES = 10;
const NEXT_DIST_DIR = ".next-bench-icinga";
const ADMIN = { email: "bench@bsm.local", password: "bench-icinga-password" };

const root = path.resolve(import.meta.dirname, "..");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(0)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const megabytes = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const phases = (report: PollCycleReport) =>
  report.phases ? `read ${ms(report.phases.readMs)}, compare+evaluate ${ms(report.phases.evaluateMs)}, store ${ms(report.phases.storeMs)}` : "";

let seed = 0x1c1a6a;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

const templateName = (t: number) => `tmpl-${String(t).padStart(3, "0")}`;
const hostName = (h: number) => `host-${String(h).padStart(5, "0")}`;
const serviceNames = ["PING", "Load", "Disk", "HTTP", "Memory"].slice(0, SERVICES_PER_HOST);

function generateEstate(): IcingaEstate {
  return {
    hostTemplates: Array.from({ length: TEMPLATES }, (_, t) => ({ name: templateName(t) })),
    hostGroups: Array.from({ length: TEMPLATES }, (_, t) => `template-${templateName(t)}`),
    hosts: Array.from({ length: HOSTS }, (_, h) => ({
      name: hostName(h),
      templates: [templateName(h % TEMPLATES)],
      groups: [`template-${templateName(h % TEMPLATES)}`],
      address: `10.${(h >> 16) & 255}.${(h >> 8) & 255}.${h & 255}`,
      services: serviceNames,
    })),
  };
}

/** 500 components of 10 hosts sharing a template (7 required), 125 business services of 4 components. */
function configuration() {
  const components = Array.from({ length: COMPONENTS }, (_, c) => {
    const template = c % TEMPLATES;
    const slot = Math.floor(c / TEMPLATES);
    const hosts = Array.from({ length: HOSTS_PER_COMPONENT }, (_, i) => hostName(template + TEMPLATES * (slot * HOSTS_PER_COMPONENT + i)));
    return { name: `Component ${c}`, hostTemplate: templateName(template), hosts, requiredOnline: REQUIRED_ONLINE };
  });
  const businessServices = Array.from({ length: COMPONENTS / COMPONENTS_PER_SERVICE }, (_, s) => ({
    name: `Service ${s}`,
    components: Array.from({ length: COMPONENTS_PER_SERVICE }, (_, i) => `Component ${s * COMPONENTS_PER_SERVICE + i}`),
  }));
  return { components, businessServices };
}

/** The same configuration as the module's process file; node names are the object names without spaces. */
const nodeName = (name: string) => name.replaceAll(" ", "_");
const TOP_NODE = "estate";

function processFile(): string {
  const { components, businessServices } = configuration();
  return businessProcessFile({
    title: "Estate",
    servicesPerHost: serviceNames,
    topNode: TOP_NODE,
    components: components.map((component) => ({ node: nodeName(component.name), hosts: component.hosts, requiredOnline: component.requiredOnline })),
    businessServices: businessServices.map((service) => ({ node: nodeName(service.name), components: service.components.map(nodeName) })),
  });
}

interface Door {
  name: string;
  source: MonitoringSource;
  database: Database;
  poller: Poller;
  full: PollCycleReport[];
  incremental: PollCycleReport[];
}

async function openDoor(name: string, source: MonitoringSource, database: Database): Promise<Door> {
  await database.migrate();
  const { hosts } = await source.readFull();
  await seedConfigurationIfEmpty(database, { hosts, ...configuration() }, Date.now());
  return { name, source, database, poller: new Poller({ database, source, pollIntervalMs: 1000, log: () => {} }), full: [], incremental: [] };
}

async function fullCycle(door: Door, label: string) {
  const report = await door.poller.runCycle();
  if (!report.ok || report.read !== "full") throw new Error(`${door.name}: expected a full cycle, got ${JSON.stringify(report)}`);
  door.full.push(report);
  console.log(`${door.name}: full poll ${label}: ${ms(report.durationMs)} (${phases(report)}), ${report.checksWritten} checks written, ${report.changes.length} BSM changes`);
}

/** A full poll as after a restart: a new Poller on a database that already holds the estate (`fullResyncEveryMs`: its later cycles). */
async function restartedFullCycle(door: Door, fullResyncEveryMs?: number) {
  door.poller = new Poller({ database: door.database, source: door.source, pollIntervalMs: 1000, fullResyncEveryMs, log: () => {} });
  await fullCycle(door, "after a restart");
}

async function setServices(testbed: IcingaTestbed, names: string[], exitStatus: 0 | 2, output: string) {
  await testbed.api("POST", "/v1/actions/process-check-result", {
    type: "Service",
    filter: "service.__name in names",
    filter_vars: { names },
    exit_status: exitStatus,
    plugin_output: output,
  });
}

async function changeStates(testbed: IcingaTestbed, round: number) {
  const chosen = new Set<string>();
  while (chosen.size < CHANGES_PER_ROUND) {
    chosen.add(`${hostName(Math.floor(random() * HOSTS))}!${serviceNames[Math.floor(random() * serviceNames.length)]}`);
  }
  await setServices(testbed, [...chosen], round % 2 === 0 ? 2 : 0, `bench round ${round}`);
}

/** Every service OK (a passive service starts PENDING, which the module counts as not OK). */
async function setEveryServiceOk(testbed: IcingaTestbed) {
  await testbed.api("POST", "/v1/actions/process-check-result", { type: "Service", filter: "true", exit_status: 0, plugin_output: "bench start" });
}

/** A PING check of `failing` hosts of a component CRITICAL: 4 of 10 fail it, 3 leave it OPERATIONAL and impacted. */
const failingChecks = (component: { hosts: string[] }, failing: number) => component.hosts.slice(0, failing).map((host) => `${host}!PING`);

/** Every fifth component FAILED, every fifth (offset 1) impacted, so the states to compare hold both kinds. */
async function applyStatePattern(testbed: IcingaTestbed) {
  const components = configuration().components;
  const checks = components.flatMap((component, c) => (c % 5 === 0 ? failingChecks(component, 4) : c % 5 === 1 ? failingChecks(component, 3) : []));
  await setServices(testbed, checks, 2, "bench pattern");
}

// --- The module ---------------------------------------------------------------------------------

interface ModuleFigures {
  runs: CheckRun[];
  evaluationMs: number;
  peakRssKb: number;
}

async function measureModule(peer: BusinessProcessModule): Promise<ModuleFigures> {
  await peer.check(TOP_NODE); // warms the file cache
  const runs: CheckRun[] = [];
  for (let run = 0; run < MODULE_RUNS; run++) runs.push(await peer.check(TOP_NODE));
  const evaluationMs = median(runs.map((run) => run.wallMs));
  const peakRssKb = Math.max(...runs.map((run) => run.maxRssKb));
  console.log(`Business Process module: check ${TOP_NODE}, ${MODULE_RUNS} runs: median ${ms(evaluationMs)} (${runs.map((run) => ms(run.wallMs)).join(", ")}), peak RSS ${megabytes(peakRssKb)}, state ${runs[0].state}`);
  return { runs, evaluationMs, peakRssKb };
}

// --- The app as it runs in production -----------------------------------------------------------

interface RunningApp {
  server: AppServer;
  poller: ChildProcess;
  database: Database;
  token: string;
  cookie: string;
  workDir: string;
}

/** Icinga 2, MariaDB, PostgreSQL and the Business Process module from Debian, when missing (as root). */
function installSystemPackages() {
  const installed = spawnSync("bash", [path.join(root, "scripts", "ensure-system-packages.sh"), "--business-process"], { stdio: "inherit" });
  if (installed.status !== 0) throw new Error(`scripts/ensure-system-packages.sh --business-process failed with ${installed.status}`);
}

async function createDatabase(postgres: PostgresServer, name: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: postgres.url() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openDatabase({ kind: "postgres", url: postgres.url(name) });
}

function apiSourceSettings(testbed: IcingaTestbed) {
  return { baseUrl: testbed.apiUrl, username: testbed.apiUser, password: testbed.apiPassword, caFile: testbed.caFile, tlsServerName: testbed.certificateName };
}

/** A session cookie through next-auth's credentials endpoint, as a browser signs in. */
async function signInCookie(base: string): Promise<string> {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return session;
}

/** An API token for the scripts' door to the status resources, made as an operator makes one (POST /api/tokens). */
async function createReadOnlyToken(base: string, cookie: string): Promise<string> {
  const response = await fetch(`${base}/api/tokens`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench", scope: "read-only" }),
  });
  if (response.status !== 201) throw new Error(`POST /api/tokens: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function waitForPollAfter(database: Database, since: number, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await database.prisma.pollerStatus.findUnique({ where: { id: 1 } });
    if (status?.lastFullReadAt && status.lastSuccessAt && status.lastSuccessAt.getTime() > since) return;
    if (Date.now() > deadline) throw new Error(`the poller did not complete a cycle in time: ${JSON.stringify(status)}`);
    await sleep(250);
  }
}

async function startApp(testbed: IcingaTestbed, postgres: PostgresServer): Promise<RunningApp> {
  const database = await createDatabase(postgres, "bsm");
  await database.migrate();
  const seedSource = createIcingaApiSource(apiSourceSettings(testbed), { timeoutMs: 120_000 });
  try {
    await seedConfigurationIfEmpty(database, { hosts: (await seedSource.readFull()).hosts, ...configuration() }, Date.now());
  } finally {
    await seedSource.close();
  }
  const workDir = mkdtempSync(path.join(tmpdir(), "bsm-bench-icinga-"));
  const environment = {
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR,
    DATABASE_URL: postgres.url("bsm"),
    NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
    BSM_SECRET_KEY: randomBytes(32).toString("base64url"),
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SEED_DEMO: "0",
    BSM_SOURCE: "icinga-api",
    BSM_SOURCE_SETTINGS: JSON.stringify(apiSourceSettings(testbed)),
    BSM_POLL_INTERVAL_SECONDS: String(POLL_INTERVAL_SECONDS),
  };
  const startedAt = Date.now();
  const pollerLog = openSync(path.join(workDir, "poller.log"), "a");
  // package.json's `poller` script without npm in front, so this pid is the poller's own process.
  const poller = spawn(process.execPath, ["--max-semi-space-size=4", "--require", "tsx/cjs", "--eval", "require('./scripts/poller.ts')"], {
    cwd: root,
    env: { ...process.env, ...environment, NODE_ENV: "production" },
    detached: true,
    stdio: ["ignore", pollerLog, pollerLog],
  });
  try {
    await waitForPollAfter(database, startedAt);
    console.log(`Poller process: first full cycle done after ${seconds(Date.now() - startedAt)}`);
    const server = await startAppServer("bench-icinga", { ...environment, BSM_POLLER: "off" });
    const cookie = await signInCookie(server.url);
    return { server, poller, database, token: await createReadOnlyToken(server.url, cookie), cookie, workDir };
  } catch (error) {
    stopGroup(poller);
    throw error;
  }
}

function stopGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

async function stopApp(app: RunningApp) {
  await app.server.stop();
  const exited = new Promise((resolve) => app.poller.once("exit", resolve));
  stopGroup(app.poller);
  await Promise.race([exited, sleep(15_000)]);
  await app.database.close();
  rmSync(app.workDir, { recursive: true, force: true });
}

// --- Measuring the app --------------------------------------------------------------------------

interface Resource {
  name: string;
  path: string;
  /** The Summary is a page: a browser's session cookie, not an API token. */
  page?: boolean;
}

async function timedGet(app: RunningApp, resource: Resource): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${app.server.url}${resource.path}`, {
    redirect: "manual",
    headers: resource.page ? { cookie: app.cookie } : { authorization: `Bearer ${app.token}`, accept: "application/json" },
  });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${resource.path}: HTTP ${response.status} ${body.slice(0, 200)}`);
  return { ms: elapsed, body };
}

async function getJson<T>(app: RunningApp, pathAndQuery: string): Promise<T> {
  return JSON.parse((await timedGet(app, { name: pathAndQuery, path: pathAndQuery })).body) as T;
}

interface ResourceFigures {
  resource: Resource;
  warmMs: number;
  afterIdleMs: number;
}

async function measureResources(app: RunningApp, resources: Resource[]): Promise<ResourceFigures[]> {
  const figures: ResourceFigures[] = [];
  for (const resource of resources) {
    await timedGet(app, resource);
    const warm: number[] = [];
    for (let request = 0; request < REQUESTS; request++) warm.push((await timedGet(app, resource)).ms);
    figures.push({ resource, warmMs: median(warm), afterIdleMs: 0 });
    console.log(`${resource.name}: ${REQUESTS} requests, median ${ms(median(warm))} (${warm.map(ms).join(", ")})`);
  }
  for (const figure of figures) {
    await sleep(IDLE_MS);
    figure.afterIdleMs = (await timedGet(app, figure.resource)).ms;
    console.log(`${figure.resource.name}: first request after ${seconds(IDLE_MS)} idle: ${ms(figure.afterIdleMs)}`);
  }
  return figures;
}

interface ListPage<T> {
  list: T[];
}

type StatusEntry = { id: string; name: string; status: string };

/** Our component and service states against the module's, where the rules coincide: FAILED/OFFLINE ⇔ CRITICAL. */
async function compareStates(app: RunningApp, peer: BusinessProcessModule): Promise<{ compared: number; disagreements: string[] }> {
  const [components, services] = await Promise.all([
    getJson<ListPage<StatusEntry>>(app, "/api/status/bsmcomponent?rows=1000"),
    getJson<ListPage<StatusEntry>>(app, "/api/status/bsmservice?rows=1000"),
  ]);
  const moduleStates = parseProblemTree((await peer.check(TOP_NODE, { details: true })).output);
  const disagreements: string[] = [];
  const compare = (entries: StatusEntry[], failed: string) => {
    for (const entry of entries) {
      const ours = entry.status === failed;
      const theirs = moduleStates.get(nodeName(entry.name)) === "CRITICAL";
      if (ours !== theirs) disagreements.push(`${entry.name}: ours ${entry.status}, module ${moduleStates.get(nodeName(entry.name)) ?? "OK"}`);
    }
  };
  compare(components.list, "FAILED");
  compare(services.list, "OFFLINE");
  const expected = COMPONENTS + COMPONENTS / COMPONENTS_PER_SERVICE;
  const compared = components.list.length + services.list.length;
  if (compared !== expected) disagreements.push(`the API listed ${compared} objects, not ${expected}`);
  const failed = components.list.filter((entry) => entry.status === "FAILED").length;
  const offline = services.list.filter((entry) => entry.status === "OFFLINE").length;
  console.log(`State agreement: ${compared} objects compared (${failed} components FAILED, ${offline} services OFFLINE), ${disagreements.length} disagreements`);
  for (const line of disagreements.slice(0, 10)) console.log(`  ${line}`);
  return { compared, disagreements };
}

/** Asks GET /api/status/bsmcomponent until the component shows `expected`; returns the time since `since`. */
async function waitForComponentState(app: RunningApp, name: string, expected: string, since: number): Promise<number> {
  const query = `/api/status/bsmcomponent?rows=1000&name=${encodeURIComponent(name)}`;
  for (;;) {
    const page = await getJson<ListPage<StatusEntry>>(app, query);
    if (page.list.find((entry) => entry.name === name)?.status === expected) return performance.now() - since;
    if (performance.now() - since > 120_000) throw new Error(`${name} did not become ${expected} within 120 s`);
    await sleep(20);
  }
}

/** From the change posted to Icinga until GET /api/status/bsmcomponent shows the component's new state. */
async function measureChangeToVisible(app: RunningApp, testbed: IcingaTestbed): Promise<number[]> {
  const { components } = configuration();
  // Components the pattern left alone (c % 5 === 2), failed and recovered in turn.
  const candidates = components.filter((_, c) => c % 5 === 2);
  const used = candidates.slice(0, Math.ceil(VISIBILITY_CHANGES / 2));
  // Earlier rounds left random checks CRITICAL: clear the components used, so each change flips one.
  await setServices(testbed, used.flatMap((component) => component.hosts.flatMap((host) => serviceNames.map((service) => `${host}!${service}`))), 0, "bench visibility reset");
  for (const component of used) await waitForComponentState(app, component.name, "OPERATIONAL", performance.now());
  const samples: number[] = [];
  for (let change = 0; change < VISIBILITY_CHANGES; change++) {
    const component = used[Math.floor(change / 2) % used.length];
    const failing = change % 2 === 0;
    const expected = failing ? "FAILED" : "OPERATIONAL";
    await sleep(1000 + random() * POLL_INTERVAL_SECONDS * 1000);
    const started = performance.now();
    await setServices(testbed, failingChecks(component, 4), failing ? 2 : 0, `bench visibility ${change}`);
    samples.push(await waitForComponentState(app, component.name, expected, started));
    console.log(`Change ${change + 1}: ${component.name} → ${expected} visible after ${ms(samples.at(-1)!)}`);
  }
  return samples;
}

/** VmHWM (peak) and VmRSS (now) of a process, in kB. */
function residentMemory(pid: number): { peakKb: number; nowKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { peakKb: field("VmHWM"), nowKb: field("VmRSS") };
}

/**
 * The full re-read + evaluation of the IDO into PostgreSQL: a poller restarted on a database that
 * holds the estate (it loads its state too), then that poller's periodic full resyncs (nothing changed;
 * the module has no state to keep, so this is the like-for-like figure), median of RESYNC_RUNS.
 */
async function measureIdoRereadOnPostgres(postgres: PostgresServer, idoSettings: IcingaIdoSettings): Promise<{ restarted: PollCycleReport; resyncs: PollCycleReport[] }> {
  const door = await openDoor("Icinga IDO → PostgreSQL", createIcingaIdoSource(idoSettings), await createDatabase(postgres, "bench_ido"));
  try {
    await fullCycle(door, "on an empty database");
    await restartedFullCycle(door, 0);
    for (let run = 0; run < RESYNC_RUNS; run++) await fullCycle(door, "as a periodic resync");
    return { restarted: door.full[1], resyncs: door.full.slice(2) };
  } finally {
    await door.source.close();
    await door.database.close();
  }
}

// --- Report -------------------------------------------------------------------------------------

const ratio = (theirs: number, ours: number) => `${(theirs / ours).toFixed(1)}×`;
const row = (cells: string[]) => console.log(`| ${cells.join(" | ")} |`);

async function main() {
  const started = Date.now();
  installSystemPackages();
  if (process.env.BENCH_ICINGA_SKIP_BUILD !== "1") buildApp(NEXT_DIST_DIR);
  console.log(`Load average at the start: ${loadavg().map((load) => load.toFixed(1)).join(", ")} (${availableParallelism()} cores)`);
  console.log(`Starting Icinga 2 with ${HOSTS} hosts and ${HOSTS * SERVICES_PER_HOST} services (IDO in MariaDB)…`);
  const testbed = await startIcingaTestbed(generateEstate(), { bufferPoolSize: "512M", startTimeoutMs: 900_000 });
  const doors: Door[] = [];
  const finishedDoors: Door[] = [];
  let postgres: PostgresServer | null = null;
  let app: RunningApp | null = null;
  let peer: BusinessProcessModule | null = null;
  try {
    console.log(`Icinga 2 running and its IDO loaded after ${seconds(Date.now() - started)}`);
    await setEveryServiceOk(testbed);
    await testbed.waitForIdo(600_000);
    const idoSettings = parseIcingaIdoSettings({
      main: { host: testbed.ido.host, port: testbed.ido.port, user: testbed.ido.user, password: testbed.ido.password },
      hostGroupPattern: "^template-(.+)$",
    });
    if (!idoSettings.ok) throw new Error(idoSettings.message);
    const inMemory = () => openDatabase({ kind: "pglite", dataDir: "memory://" });
    doors.push(await openDoor("Icinga 2 API", createIcingaApiSource(apiSourceSettings(testbed), { timeoutMs: 120_000 }), inMemory()));
    doors.push(await openDoor("Icinga IDO", createIcingaIdoSource(idoSettings.settings), inMemory()));

    for (const door of doors) await fullCycle(door, "on an empty database");
    for (const door of doors) await restartedFullCycle(door);

    for (let round = 0; round < ROUNDS; round++) {
      await changeStates(testbed, round);
      await testbed.waitForIdo();
      for (const door of doors) {
        const report = await door.poller.runCycle();
        if (!report.ok || report.read !== "changes") throw new Error(`${door.name}: expected an incremental cycle, got ${JSON.stringify(report)}`);
        door.incremental.push(report);
        console.log(`${door.name}: incremental cycle after ${CHANGES_PER_ROUND} state changes: ${ms(report.durationMs)} (${phases(report)}), ${report.checksWritten} checks written, ${report.changes.length} BSM changes`);
      }
    }
    for (const door of doors.splice(0)) {
      await door.source.close();
      await door.database.close();
      finishedDoors.push(door);
    }

    const idoOnPglite = finishedDoors[1];
    await applyStatePattern(testbed);
    await testbed.waitForIdo();
    peer = await setUpBusinessProcessModule(testbed.ido, "bench", processFile());
    postgres = await startPostgresServer();
    const idoReread = await measureIdoRereadOnPostgres(postgres, idoSettings.settings);
    app = await startApp(testbed, postgres);
    console.log(`Web server (next start, PostgreSQL) at ${app.server.url}`);
    // The module is measured while the app runs, so both see the same machine (our poller included).
    const moduleFigures = await measureModule(peer);
    const agreement = await compareStates(app, peer);
    const components = await getJson<ListPage<StatusEntry>>(app, "/api/status/bsmcomponent?rows=1000");
    const resources = await measureResources(app, [
      { name: "GET /api/status/bsmservice (all services)", path: "/api/status/bsmservice?rows=1000" },
      { name: `GET /api/status/bsmcomponent (all ${COMPONENTS} components)`, path: "/api/status/bsmcomponent?rows=1000" },
      { name: "GET /api/status/bsmhost (one component's hosts)", path: `/api/status/bsmhost?rows=1000&cid=${components.list[0].id}` },
      { name: "Summary page (HTML)", path: "/summary", page: true },
    ]);
    const visibility = await measureChangeToVisible(app, testbed);
    const pollerMemory = residentMemory(app.poller.pid ?? -1);
    const webMemory = residentMemory(webServerPid(app.server.port));

    const moduleMs = moduleFigures.evaluationMs;
    console.log("");
    console.log(`Load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(", ")} (${availableParallelism()} cores)`);
    console.log(`Side by side (${HOSTS} hosts, ${HOSTS * SERVICES_PER_HOST} services, ${COMPONENTS} components, ${COMPONENTS / COMPONENTS_PER_SERVICE} business services; the module: \`icingacli businessprocess process check ${TOP_NODE}\`, median of ${MODULE_RUNS}):`);
    row(["Figure", "BSM Dashboard", "Business Process module", "Ratio (module ÷ ours)", "Target"]);
    row(["---", "---", "---", "---", "---"]);
    for (const figure of resources) {
      row([figure.resource.name, ms(figure.warmMs), ms(moduleMs), ratio(moduleMs, figure.warmMs), "≥ 100×"]);
      row([`${figure.resource.name}, first after ${seconds(IDLE_MS)} idle`, ms(figure.afterIdleMs), ms(moduleMs), ratio(moduleMs, figure.afterIdleMs), "≥ 100×"]);
    }
    const resync = [...idoReread.resyncs].sort((a, b) => a.durationMs - b.durationMs)[Math.floor(idoReread.resyncs.length / 2)];
    row([`Full re-read + evaluation of the IDO (running poller's periodic resync, PostgreSQL), median of ${RESYNC_RUNS}`, `${ms(resync.durationMs)} (${phases(resync)})`, ms(moduleMs), ratio(moduleMs, resync.durationMs), "≥ 2×"]);
    for (const [store, report] of [["PostgreSQL", idoReread.restarted], ["PGlite", idoOnPglite.full[1]]] as const) {
      row([`Full re-read + evaluation of the IDO (poller restarted, ${store})`, `${ms(report.durationMs)} (${phases(report)})`, ms(moduleMs), ratio(moduleMs, report.durationMs), "(state load too)"]);
    }
    row([
      `Change in Icinga → visible in GET /api/status/bsmcomponent (Icinga API source, poll every ${POLL_INTERVAL_SECONDS} s), median of ${visibility.length}`,
      `${ms(median(visibility))} (${ms(Math.min(...visibility))}–${ms(Math.max(...visibility))})`,
      ms(moduleMs),
      ratio(moduleMs, median(visibility)),
      "≥ 1×",
    ]);
    row(["Resident memory, poller process (peak / now)", `${megabytes(pollerMemory.peakKb)} / ${megabytes(pollerMemory.nowKb)}`, `${megabytes(moduleFigures.peakRssKb)} per evaluation`, "", "≤ 300 MB"]);
    row(["Resident memory, web server (peak / now)", `${megabytes(webMemory.peakKb)} / ${megabytes(webMemory.nowKb)}`, `${megabytes(moduleFigures.peakRssKb)} per evaluation`, "", "≤ 300 MB"]);
    row(["State agreement (FAILED/OFFLINE ⇔ CRITICAL)", `${agreement.compared - agreement.disagreements.length} of ${agreement.compared} agree`, "", "", "all"]);

    console.log("");
    console.log(`| Door | Full poll + evaluation, empty database | Full poll + evaluation, after a restart | Incremental cycle after ${CHANGES_PER_ROUND} changes, median of ${ROUNDS} |`);
    console.log("|---|---|---|---|");
    for (const door of finishedDoors) {
      const incremental = median(door.incremental.map((report) => report.durationMs));
      console.log(`| ${door.name} | ${ms(door.full[0].durationMs)} | ${ms(door.full[1].durationMs)} | ${ms(incremental)} (range ${ms(Math.min(...door.incremental.map((r) => r.durationMs)))}–${ms(Math.max(...door.incremental.map((r) => r.durationMs)))}) |`);
    }
  } finally {
    for (const door of doors) {
      await door.source.close();
      await door.database.close();
    }
    if (app) await stopApp(app);
    postgres?.stop();
    peer?.remove();
    await testbed.stop();
  }
  console.log(`Total ${seconds(Date.now() - started)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
