import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";

export interface AppServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `npm start`'s script in its own process group (so the next-server child dies with it). */
export async function startAppServer(port: number, extraEnv: Record<string, string>): Promise<AppServer> {
  mkdirSync("test-results", { recursive: true });
  const logFile = openSync(`test-results/app-server-${port}.log`, "a");
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), BSM_SKIP_BUILD: "1", NEXTAUTH_URL: `http://localhost:${port}`, ...extraEnv },
    detached: true,
    stdio: ["ignore", logFile, logFile],
  });
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const forceKill = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
    await exited;
    clearTimeout(forceKill);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`app server exited with code ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`app server on port ${port} did not become healthy in 60 s`);
}
