// `npm run bench:reads`: the status read path alone, as issue 13 measures it. A throwaway PostgreSQL 15
// holds issue 13's estate (scripts/bench-estate.ts: 5,000 hosts, ~500 components, ~125 business
// services); the poller runs as its own process until it has stored every status, then stops (so
// its cycles do not share the CPU with the reads; BENCH_READS_KEEP_POLLER=1 keeps it polling); the
// web server is `npm start`'s (scripts/start.mjs, poller off) on a production build in NEXT_DIST_DIR.
// For each resource and caller (an administrator's API token and session cookie, a restricted
// user's token) it prints the warm median of BENCH_READS_REQUESTS requests (and p90, and the
// server's CPU per request from /proc, and the caller check's and operation's medians from the answers'
// Server-Timing), then the first request after BENCH_READS_IDLE_S idle. /api/health is the routes'
// floor, the Account page the pages' floor (the same frame as the Summary, little in it). A
// per-phase breakdown follows: the same work in this process against the same database (caller
// check, resource, JSON), so the rest of the HTTP time is the server's (Next.js, session or token, HTTP).
// BENCH_READS_CPU_PROF=<dir> runs the web server under node --cpu-prof. Figures only, no assertions.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { startAppServer } from "../e2e/app-server";
import { listBsmComponentResources } from "../lib/api/status/bsmcomponent";
import { listBsmHostResources } from "../lib/api/status/bsmhost";
import { listBsmServiceResources } from "../lib/api/status/bsmservice";
import { parseListQuery } from "../lib/api/list-query";
import { COMPONENT_STATUSES } from "../lib/api/status/bsmcomponent";
import { HOST_STATUSES } from "../lib/api/status/bsmhost";
import { SERVICE_STATUSES } from "../lib/api/status/bsmservice";
import type { Access } from "../lib/auth/access";
import { loadUserAccess } from "../lib/auth/load-access";
import { hashPassword } from "../lib/auth/password";
import { openDatabase, type Database } from "../lib/db/client";
import { findFreePort } from "../tests/support/free-port";
import { startPostgresServer } from "../tests/support/postgres-server";
import { buildApp, createReadOnlyToken, SIMULATED_ESTATE, seedIssue13Estate, signInCookie, webServerPid } from "./bench-estate";

const REQUESTS = Number(process.env.BENCH_READS_REQUESTS ?? 20);
const IDLE_MS = Number(process.env.BENCH_READS_IDLE_S ?? 60) * 1000;
const KEEP_POLLER = process.env.BENCH_READS_KEEP_POLLER === "1";
const CPU_PROFILE_DIR = process.env.BENCH_READS_CPU_PROF;
const NEXT_DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next-bench-reads";
const ADMIN = { email: "bench@bsm.local", password: "bench-reads-password" };
const RESTRICTED = { email: "restricted@bsm.local", password: "bench-reads-restricted" };

const root = path.resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${value.toFixed(1)} ms`;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

interface Caller {
  name: string;
  headers: Record<string, string>;
  userId: string;
  /** A component whose hosts this caller may see (for bsmhost). */
  componentId: number;
}

interface Resource {
  name: string;
  path: (caller: Caller) => string;
  /** A page or the pages' own view: only a session may read it. */
  sessionOnly?: boolean;
  /** The same work in this process: the resource built for an access, as the route builds it. */
  build?: (database: Database, access: Access) => Promise<unknown>;
}

const RESOURCES: Resource[] = [
  // The floor: a route handler that reads no database and checks no caller (Next.js and HTTP alone).
  { name: "GET /api/health (no database, no caller check)", path: () => "/api/health" },
  {
    name: "GET /api/status/bsmservice (all)",
    path: () => "/api/status/bsmservice?rows=1000",
    build: (database, access) => listBsmServiceResources(database.prisma, access, parseListQuery(new URL("http://x/?rows=1000"), SERVICE_STATUSES)),
  },
  {
    name: "GET /api/status/bsmcomponent (all)",
    path: () => "/api/status/bsmcomponent?rows=1000",
    build: (database, access) => listBsmComponentResources(database.prisma, access, parseListQuery(new URL("http://x/?rows=1000"), COMPONENT_STATUSES)),
  },
  {
    name: "GET /api/status/bsmhost (one component)",
    path: (caller) => `/api/status/bsmhost?cid=${caller.componentId}`,
    build: (database, access) => {
      const componentId = access.visibleComponentIds().find((id) => access.canSeeComponentHosts(id)) ?? 0;
      return listBsmHostResources(database.prisma, access, componentId, parseListQuery(new URL(`http://x/?cid=${componentId}`), HOST_STATUSES));
    },
  },
  { name: "GET /api/views/summary", path: () => "/api/views/summary", sessionOnly: true },
  { name: "Summary page (HTML)", path: () => "/summary", sessionOnly: true },
  // The pages' floor: a dashboard page with the same frame (header, navigation, live updates) and
  // little in it, so the rest of the Summary page's time is its own.
  { name: "Account page (HTML, the pages' floor)", path: () => "/account", sessionOnly: true },
];

/** utime + stime of a process, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** A role that sees every other host group of the estate (bottom up) and the services of its components. */
async function createRestrictedUser(database: Database, hostGroups: string[]): Promise<void> {
  const role = await database.prisma.role.create({
    data: { name: "Bench restricted", hostGroups: hostGroups.filter((_, index) => index % 2 === 0), keywords: [], grantServicesOfComponents: true },
  });
  await database.prisma.user.create({ data: { email: RESTRICTED.email, name: "Restricted", passwordHash: await hashPassword(RESTRICTED.password), roleId: role.id } });
}

async function waitForFullCycle(database: Database, poller: ChildProcess): Promise<void> {
  const deadline = Date.now() + 900_000;
  for (;;) {
    const status = await database.prisma.pollerStatus.findUnique({ where: { id: 1 } });
    if (status?.lastFullReadAt && status.availabilityAt) return;
    if (poller.exitCode !== null) throw new Error(`the poller exited with ${poller.exitCode}`);
    if (Date.now() > deadline) throw new Error(`the poller did not complete a full cycle in time: ${JSON.stringify(status)}`);
    await sleep(500);
  }
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return Promise.resolve();
  }
  return Promise.race([exited, sleep(15_000).then(() => undefined)]);
}

/**
 * scripts/serve.mjs as scripts/start.mjs runs it (NODE_ENV=production, the environment given), under
 * node --cpu-prof: Node refuses --cpu-prof in NODE_OPTIONS, so not through start.mjs.
 */
async function startProfiledServer(environment: Record<string, string>): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${path.resolve(CPU_PROFILE_DIR!)}`, "scripts/serve.mjs"], {
    cwd: root,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, ...environment, PORT: String(port), NEXTAUTH_URL: url, NODE_ENV: "production" },
  });
  const stop = () => stopGroup(child);
  for (let attempt = 0; !(await fetch(`${url}/api/health`).then((response) => response.ok, () => false)); attempt++) {
    if (attempt > 240 || child.exitCode !== null) {
      await stop();
      throw new Error("the profiled web server did not start");
    }
    await sleep(500);
  }
  return { url, port, stop };
}

/** A request's time here, and the server's own phases from its Server-Timing header (REST API only). */
interface Timed {
  ms: number;
  authMs?: number;
  workMs?: number;
}

async function timedGet(base: string, resource: Resource, caller: Caller): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${base}${resource.path(caller)}`, { redirect: "manual", headers: caller.headers });
  const body = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${resource.path(caller)} as ${caller.name}: HTTP ${response.status} ${body.slice(0, 200)}`);
  const timing = response.headers.get("server-timing") ?? "";
  const phase = (name: string) => {
    const found = new RegExp(`(?:^|, )${name};[^,]*dur=([0-9.]+)`).exec(timing);
    return found ? Number(found[1]) : undefined;
  };
  return { ms: elapsed, authMs: phase("auth"), workMs: phase("work") };
}

/** "; in the server: caller check X ms, operation Y ms" (medians) when the answers said. */
function serverPhases(runs: Timed[]): string {
  const auth = runs.flatMap((run) => (run.authMs === undefined ? [] : [run.authMs]));
  const work = runs.flatMap((run) => (run.workMs === undefined ? [] : [run.workMs]));
  return auth.length === 0 ? "" : `; in the server: caller check ${ms(quantile(auth, 0.5))}, operation ${ms(quantile(work, 0.5))}`;
}

async function timedInProcess(work: () => Promise<unknown>): Promise<{ ms: number; value: unknown }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function phaseBreakdown(database: Database, callers: Caller[]): Promise<void> {
  console.log(`\nIn this process against the same database, median of ${REQUESTS} (the server adds Next.js, session/token, HTTP):`);
  for (const caller of callers.filter((one, index, all) => all.findIndex((other) => other.userId === one.userId) === index)) {
    const accessTimes: number[] = [];
    let access: Access | null = null;
    for (let request = 0; request <= REQUESTS; request++) {
      const { ms: elapsed, value } = await timedInProcess(() => loadUserAccess(database.prisma, caller.userId));
      access = (value as { access: Access }).access;
      if (request > 0) accessTimes.push(elapsed);
    }
    console.log(`  ${caller.name.replace(/,.*/, "")}: caller check (loadUserAccess) ${ms(quantile(accessTimes, 0.5))}`);
    for (const resource of RESOURCES.filter((one) => one.build)) {
      const buildTimes: number[] = [];
      const jsonTimes: number[] = [];
      for (let request = 0; request <= REQUESTS; request++) {
        const built = await timedInProcess(() => resource.build!(database, access!));
        const json = await timedInProcess(async () => JSON.stringify(built.value));
        if (request === 0) continue;
        buildTimes.push(built.ms);
        jsonTimes.push(json.ms);
      }
      console.log(`    ${resource.name}: resource ${ms(quantile(buildTimes, 0.5))}, JSON ${ms(quantile(jsonTimes, 0.5))}`);
    }
  }
}

async function main() {
  console.log(`bench:reads at ${new Date().toISOString()}, load average ${load()}`);
  if (process.env.BSM_SKIP_BUILD !== "1") buildApp(NEXT_DIST_DIR);
  const postgres = await startPostgresServer();
  let poller: ChildProcess | null = null;
  try {
    const estate = await seedIssue13Estate(postgres.url());
    console.log(`Estate: ${estate.hosts} hosts, ${estate.components} components, ${estate.businessServices} business services`);
    const database = openDatabase({ kind: "postgres", url: postgres.url() });
    const environment = {
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR,
      DATABASE_URL: postgres.url(),
      NEXTAUTH_SECRET: randomBytes(24).toString("base64url"),
      BSM_SECRET_KEY: randomBytes(32).toString("base64url"),
      BSM_ADMIN_EMAIL: ADMIN.email,
      BSM_ADMIN_PASSWORD: ADMIN.password,
      BSM_SEED_DEMO: "0",
      BSM_SOURCE: "simulated",
      BSM_SOURCE_SETTINGS: JSON.stringify(SIMULATED_ESTATE),
      BSM_POLL_INTERVAL_SECONDS: "5",
    };
    const pollerCommand = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.poller;
    const startedAt = Date.now();
    poller = spawn("sh", ["-c", `exec ${pollerCommand}`], { cwd: root, detached: true, stdio: "ignore", env: { ...process.env, ...environment, NODE_ENV: "production" } });
    await waitForFullCycle(database, poller);
    console.log(`Poller: first full cycle stored after ${((Date.now() - startedAt) / 1000).toFixed(1)} s${KEEP_POLLER ? "; it keeps polling" : "; stopped"}`);
    if (!KEEP_POLLER) await stopGroup(poller);
    const server = CPU_PROFILE_DIR ? await startProfiledServer({ ...environment, BSM_POLLER: "off" }) : await startAppServer("bench-reads", { ...environment, BSM_POLLER: "off" });
    try {
      await createRestrictedUser(database, estate.hostGroups);
      const adminCookie = await signInCookie(server.url, ADMIN);
      const restrictedCookie = await signInCookie(server.url, RESTRICTED);
      const userOf = async (email: string) => {
        const { id } = await database.prisma.user.findUniqueOrThrow({ where: { email } });
        const access = (await loadUserAccess(database.prisma, id))!.access;
        const componentId = access.visibleComponentIds().find((component) => access.canSeeComponentHosts(component));
        if (componentId === undefined) throw new Error(`${email} sees the hosts of no component`);
        console.log(`${email} sees ${access.visibleComponentIds().length} components and ${access.visibleServiceIds().length} business services`);
        return { userId: id, componentId };
      };
      const admin = await userOf(ADMIN.email);
      const json = { accept: "application/json" };
      const callers: Caller[] = [
        { name: "admin, API token", headers: { ...json, authorization: `Bearer ${await createReadOnlyToken(server.url, adminCookie)}` }, ...admin },
        { name: "admin, session cookie", headers: { cookie: adminCookie }, ...admin },
        {
          name: "restricted, API token",
          headers: { ...json, authorization: `Bearer ${await createReadOnlyToken(server.url, restrictedCookie)}` },
          ...(await userOf(RESTRICTED.email)),
        },
      ];
      const serverPid = webServerPid(server.port);
      const runs = RESOURCES.flatMap((resource) => callers.filter((caller) => !resource.sessionOnly || "cookie" in caller.headers).map((caller) => ({ resource, caller })));
      console.log(`\nWarm, ${REQUESTS} requests each after one unmeasured (load average ${load()}):`);
      for (const { resource, caller } of runs) {
        await timedGet(server.url, resource, caller);
        const runs: Timed[] = [];
        const cpuBefore = cpuMs(serverPid);
        for (let request = 0; request < REQUESTS; request++) runs.push(await timedGet(server.url, resource, caller));
        const cpuPerRequest = (cpuMs(serverPid) - cpuBefore) / REQUESTS;
        const times = runs.map((run) => run.ms);
        console.log(
          `  ${resource.name}, ${caller.name}: median ${ms(quantile(times, 0.5))}, p90 ${ms(quantile(times, 0.9))}, min ${ms(Math.min(...times))}; server CPU ${ms(cpuPerRequest)} per request${serverPhases(runs)}`,
        );
      }
      await phaseBreakdown(database, callers);
      console.log(`\nFirst request after ${IDLE_MS / 1000} s idle (admin; the token for the API, the session for the page):`);
      for (const resource of RESOURCES) {
        await sleep(IDLE_MS);
        const caller = resource.sessionOnly ? callers[1] : callers[0];
        const cpuBefore = cpuMs(serverPid);
        const run = await timedGet(server.url, resource, caller);
        console.log(`  ${resource.name}: ${ms(run.ms)}, server CPU ${ms(cpuMs(serverPid) - cpuBefore)}${serverPhases([run])} (load average ${load()})`);
      }
    } finally {
      await server.stop();
      await database.close();
    }
  } finally {
    if (poller) await stopGroup(poller);
    postgres.stop();
  }
}

await main();
