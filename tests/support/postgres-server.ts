import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startOnFreePort } from "./free-port";

const POSTGRES_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresServer {
  /** A URL for the given database on this server (the superuser, trusted on 127.0.0.1). */
  url(database?: string): string;
  /** Stops the server and keeps its data: an outage until resume(). */
  halt(): void;
  /** Starts the halted server again on the same port with the same data. */
  resume(): void;
  stop(): void;
}

/**
 * Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1 in its own temporary directory.
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.
 */
export async function startPostgresServer(): Promise<PostgresServer> {
  const baseDir = mkdtempSync(path.join(tmpdir(), "bsm-postgres-"));
  const dataDir = path.join(baseDir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(baseDir, uid, gid);
  }
  const run = (binary: string, args: string[]) => {
    const command = path.join(POSTGRES_BIN, binary);
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
    return execFileSync(file, argv, { stdio: "pipe" });
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  const stopCluster = () => {
    run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
  };
  const startCluster = (port: number) =>
    run("pg_ctl", [
      "-D", dataDir, "-l", path.join(baseDir, "server.log"), "-w", "-t", "60",
      "-o", `-p ${port} -h 127.0.0.1 -k ${baseDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      "start",
    ]);
  let port: number;
  try {
    port = await startOnFreePort(
      async (candidate) => {
        startCluster(candidate);
        // postmaster.pid: the server's process id on its first line.
        const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
        return { server: candidate, pid };
      },
      stopCluster,
    );
  } catch (error) {
    rmSync(baseDir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  let halted = false;
  return {
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    halt() {
      if (halted || stopped) return;
      halted = true;
      run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
    },
    resume() {
      if (!halted || stopped) return;
      startCluster(port);
      halted = false;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        if (!halted) stopCluster();
      } finally {
        rmSync(baseDir, { recursive: true, force: true });
      }
    },
  };
}
