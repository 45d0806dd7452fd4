import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import { listenerOnPort, startOnFreePort } from "../tests/support/free-port";
import { E2E_PORT } from "./settings";

export interface AppServer {
  url: string;
  port: number;
  /** The server's output, kept across restarts. */
  logFile: string;
  stop(): Promise<void>;
  /** Stops the server and starts it again on the same port with the same data. */
  restart(): Promise<void>;
}

const HEALTHY_WITHIN_MS = 120_000;

/**
 * Starts `npm start`'s script on a free port, in its own process group (so the next-server child
 * dies with it), and returns once that server (not another program on the port) answers.
 * `name` tells the log files of the specs apart.
 */
export async function startAppServer(name: string, extraEnv: Record<string, string>): Promise<AppServer> {
  mkdirSync("test-results", { recursive: true });
  const logFile = `test-results/app-server-${name}-${E2E_PORT}.log`;
  let child: ChildProcess | null = null;
  let logMode: "w" | "a" = "w";

  const launch = async (port: number) => {
    const output = openSync(logFile, logMode);
    logMode = "a";
    const spawned = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, PORT: String(port), BSM_SKIP_BUILD: "1", NEXTAUTH_URL: `http://localhost:${port}`, ...extraEnv },
      detached: true,
      stdio: ["ignore", output, output],
    });
    child = spawned;
    try {
      await waitUntilHealthy(spawned, port);
    } catch (error) {
      await stopProcess(spawned);
      throw error;
    }
    return { server: port, pid: spawned.pid ?? -1 };
  };

  const port = await startOnFreePort(launch, () => stopProcess(child));
  const server: AppServer = {
    url: `http://localhost:${port}`,
    port,
    logFile,
    stop: () => stopProcess(child),
    async restart() {
      await stopProcess(child);
      const started = await launch(port);
      if (listenerOnPort(port, started.pid) !== "own") {
        await stopProcess(child);
        throw new Error(`port ${port} was taken by another program while the app server was down`);
      }
    },
  };
  return server;
}

async function waitUntilHealthy(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok && listenerOnPort(port, child.pid ?? -1) === "own") return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`app server on port ${port} did not become healthy in ${HEALTHY_WITHIN_MS / 1000} s`);
}

async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const group = child.pid;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-group, "SIGTERM");
  const forceKill = setTimeout(() => process.kill(-group, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(forceKill);
}
