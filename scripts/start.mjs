#!/usr/bin/env node
// `npm start`: builds when the sources are newer than the last build, fills in what the
// embedded default needs (a persistent auth secret and secret key, the demo viewer), then runs the
// app's server (scripts/serve.mjs: Next.js's handler, as `next start` would, plus the client's address).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const environment = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = environment.PORT ?? "3000";
const embedded = !environment.DATABASE_URL || environment.DATABASE_URL.startsWith("pglite:");

function newestModification(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, environment.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const sources = ["app", "components", "lib", "public", "prisma"].map((dir) => path.join(root, dir)).filter(existsSync);
  const files = ["package.json", "next.config.js", "proxy.ts", "instrumentation.ts"].map((file) => path.join(root, file));
  const newestSource = Math.max(...sources.map(newestModification), ...files.filter(existsSync).map((file) => statSync(file).mtimeMs));
  return newestSource > statSync(buildId).mtimeMs;
}

if (!environment.NEXTAUTH_SECRET) {
  const secretFile = path.join(root, "data", "auth-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(path.dirname(secretFile), { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  environment.NEXTAUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}
if (!environment.BSM_SECRET_KEY) {
  const keyFile = path.join(root, "data", "secret-key");
  if (!existsSync(keyFile)) {
    mkdirSync(path.dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  environment.BSM_SECRET_KEY = readFileSync(keyFile, "utf8").trim();
}
environment.NEXTAUTH_URL ??= `http://localhost:${port}`;
if (embedded) environment.BSM_SEED_DEMO ??= "1";

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (environment.BSM_SKIP_BUILD !== "1" && buildIsStale()) {
  console.log("Building the app (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env: environment, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Our own server around Next's handler (scripts/serve.mjs), so sign-in throttling knows each client's real address.
const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], { cwd: root, env: { ...environment, PORT: port, NODE_ENV: "production" }, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.kill(signal);
    setTimeout(() => server.kill("SIGKILL"), 10_000).unref();
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

const url = environment.NEXTAUTH_URL;
for (let attempt = 0; attempt < 120; attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (response.ok) {
      console.log(`\nBSM Dashboard is running at ${url}`);
      if (environment.BSM_SEED_DEMO === "1") console.log("Demo login: demo@bsm.local / demo-viewer  (data in ./data; the admin login was printed on first start)");
      break;
    }
  } catch {
    // not listening yet
  }
}
