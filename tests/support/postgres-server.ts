import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const POSTGRES_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresServer {
  /** A URL for the given database on this server (the superuser, trusted on 127.0.0.1). */
  url(database?: string): string;
  stop(): void;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
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
  const port = await findFreePort();
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"]);
  run("pg_ctl", [
    "-D", dataDir, "-l", path.join(baseDir, "server.log"), "-w", "-t", "60",
    "-o", `-p ${port} -h 127.0.0.1 -k ${baseDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
    "start",
  ]);
  let stopped = false;
  return {
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(baseDir, { recursive: true, force: true });
      }
    },
  };
}
