// `npm run bench:memory`: resident memory (VmRSS now, VmHWM its peak) of the poller and of the web
// server, each alone, on a throwaway PostgreSQL 15 holding the simulated estate at its largest
// (5,000 hosts, ~35,000 checks) configured as issue 13's Icinga estate: ~500 components of 10 hosts
// (7 required) and ~125 business services of 4. The web server (scripts/start.mjs with BSM_POLLER=off;
// it builds into NEXT_DIST_DIR when the build is stale) is read after rounds of every status page and
// API, then after bursts of parallel full component lists. Target: each ≤ 300 MB.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "../tests/support/free-port";
import { startPostgresServer } from "../tests/support/postgres-server";
import { SIMULATED_ESTATE as SIMULATED, seedIssue13Estate, signInCookie } from "./bench-estate";

const POLLING_AFTER_FULL_READ_MS = 30_000;
const ROUNDS = 3;
const BURST = 6;
const ADMIN = { email: "bench@bsm.local", password: "bench-memory-password" };
const PAGES = ["/", "/summary", "/overview", "/hosts", "/settings"];
const APIS = ["/api/status/bsmservice?rows=1000", "/api/status/bsmcomponent?rows=1000", "/api/status/bsmhost?cid=1", "/api/views/summary", "/api/views/availability", "/api/views/components/1", "/api/views/services/1"];

const root = path.resolve(import.meta.dirname, "..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function residentMemory(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const megabytes = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024);
  return `${megabytes("VmRSS")} MB resident, peak ${megabytes("VmHWM")} MB`;
}

function startProcess(command: string, environment: Record<string, string>, onLine: (line: string) => void): ChildProcess {
  const child = spawn("sh", ["-c", `exec ${command}`], { cwd: root, detached: true, env: { ...process.env, ...environment } });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      lines.forEach(onLine);
    });
  }
  return child;
}

function stopProcess(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
}

async function measurePoller(environment: Record<string, string>): Promise<void> {
  const pollerCommand = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.poller;
  let fullReadAt: number | null = null;
  const poller = startProcess(pollerCommand, environment, (line) => {
    if (line.includes("Poll: full")) {
      fullReadAt ??= Date.now();
      console.log(`poller: ${line}`);
    }
  });
  try {
    while (fullReadAt === null || Date.now() - fullReadAt < POLLING_AFTER_FULL_READ_MS) {
      if (poller.exitCode !== null) throw new Error(`the poller exited with ${poller.exitCode}`);
      await sleep(500);
    }
    console.log(`poller, after its first full read and ${POLLING_AFTER_FULL_READ_MS / 1000} s of polling: ${residentMemory(poller.pid!)}`);
  } finally {
    stopProcess(poller);
  }
}

async function measureWebServer(environment: Record<string, string>): Promise<void> {
  const port = await findFreePort();
  const base = `http://localhost:${port}`;
  const starter = startProcess(`${process.execPath} scripts/start.mjs`, { ...environment, PORT: String(port), NEXTAUTH_URL: base, BSM_POLLER: "off" }, () => {});
  try {
    for (let attempt = 0; !(await fetch(`${base}/api/health`).then((response) => response.ok, () => false)); attempt++) {
      if (attempt > 900 || starter.exitCode !== null) throw new Error("the web server did not start");
      await sleep(1000);
    }
    // start.mjs runs the server (scripts/serve.mjs) as its one child.
    const server = Number(readFileSync(`/proc/${starter.pid}/task/${starter.pid}/children`, "utf8").trim().split(" ")[0]);
    console.log(`web server, started: ${residentMemory(server)}`);
    const cookie = await signInCookie(base, ADMIN);
    const get = async (url: string) => {
      const response = await fetch(`${base}${url}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
    };
    for (let round = 0; round < ROUNDS; round++) for (const url of [...PAGES, ...APIS]) await get(url);
    console.log(`web server, after ${ROUNDS} rounds of ${PAGES.length} pages and ${APIS.length} API requests: ${residentMemory(server)}`);
    for (let burst = 0; burst < 2; burst++) await Promise.all(Array.from({ length: BURST }, () => get("/api/status/bsmcomponent?rows=1000")));
    console.log(`web server, after 2 bursts of ${BURST} parallel full component lists: ${residentMemory(server)}`);
  } finally {
    stopProcess(starter);
  }
}

const postgres = await startPostgresServer();
try {
  const environment = {
    DATABASE_URL: postgres.url(),
    BSM_SECRET_KEY: "bench-memory-secret-key-0123456789abcdef",
    NEXTAUTH_SECRET: "bench-memory-auth-secret-0123456789abcdef",
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SOURCE: "simulated",
    BSM_SOURCE_SETTINGS: JSON.stringify(SIMULATED),
    BSM_POLL_INTERVAL_SECONDS: "5",
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench-memory",
  };
  const estate = await seedIssue13Estate(environment.DATABASE_URL);
  console.log(`Estate: ${estate.hosts} hosts, ${estate.components} components, ${estate.businessServices} business services`);
  await measurePoller(environment);
  await measureWebServer(environment);
} finally {
  postgres.stop();
}
