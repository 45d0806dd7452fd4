import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mysql, { type Connection } from "mysql2/promise";
import { listenerOnPort, startOnFreePort } from "./free-port";

const MARIADBD = process.env.MARIADBD ?? "/usr/sbin/mariadbd";
const INSTALL_DB = process.env.MARIADB_INSTALL_DB ?? "/usr/bin/mariadb-install-db";

export interface MariaDbServer {
  host: "127.0.0.1";
  port: number;
  /** Unix socket in the server's own directory. */
  socketPath: string;
  dataDir: string;
  /** Superuser; over TCP it needs rootPassword (the socket is for the harness itself). */
  rootUser: "root";
  rootPassword: string;
  /** mysql://root:password@127.0.0.1:port/database */
  url(database?: string): string;
  /** A new superuser connection over TCP; close it yourself. */
  connect(database?: string): Promise<Connection>;
  isRunning(): boolean;
  /** Shuts down cleanly and deletes the data directory. Safe to call twice, also after kill. */
  stop(): Promise<void>;
  /** SIGKILL, as if the machine died; the data directory stays so restart() works. */
  kill(): Promise<void>;
  /** Starts again on the same port and data directory after kill(). */
  restart(): Promise<void>;
  /**
   * SIGSTOP: the port still accepts TCP connections but nothing answers, like a hung server.
   * Resolves once the kernel reports the process stopped; rejects when it is not running.
   */
  pause(): Promise<void>;
  /** SIGCONT after pause(). */
  resume(): void;
}

export interface MariaDbServerOptions {
  /** InnoDB buffer pool size, such as "64M"; raise it for benchmark-sized estates. */
  bufferPoolSize?: string;
  startTimeoutMs?: number;
}

const running = new Set<ChildProcess>();
const paused = new Set<ChildProcess>();
const directories = new Set<string>();
let exitHookInstalled = false;

// A crashed test run must not leave servers or data directories behind.
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The state letter in /proc/PID/stat ("T" when stopped by a signal), or "gone". */
function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return "gone";
  }
}

/**
 * Starts a throwaway MariaDB (Debian's mariadbd) on 127.0.0.1 with its own data directory, socket
 * and pid file in a temporary directory. Root gets a random password; the anonymous and
 * password-less accounts mariadb-install-db creates are dropped, so authentication is real.
 */
export async function startMariaDbServer(options: MariaDbServerOptions = {}): Promise<MariaDbServer> {
  installExitHook();
  const baseDir = mkdtempSync(path.join(tmpdir(), "bsm-mariadb-"));
  directories.add(baseDir);
  const dataDir = path.join(baseDir, "data");
  // Servers started side by side must not share temporary files in /tmp.
  const tmpDir = path.join(baseDir, "tmp");
  mkdirSync(tmpDir);
  const socketPath = path.join(baseDir, "mariadb.sock");
  const errorLog = path.join(baseDir, "error.log");
  const asRoot = process.getuid?.() === 0;
  const rootPassword = randomBytes(12).toString("hex");
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;

  try {
    await promisify(execFile)(
      INSTALL_DB,
      [
        "--no-defaults",
        `--datadir=${dataDir}`,
        ...(asRoot ? ["--user=root"] : []),
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        "--skip-name-resolve",
        `--tmpdir=${tmpDir}`,
      ],
      { timeout: startTimeoutMs },
    );
  } catch (error) {
    rmSync(baseDir, { recursive: true, force: true });
    directories.delete(baseDir);
    throw new Error(`mariadb-install-db failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const argumentsFor = (port: number) => [
    "--no-defaults",
    `--datadir=${dataDir}`,
    `--tmpdir=${tmpDir}`,
    `--socket=${socketPath}`,
    `--pid-file=${path.join(baseDir, "mariadb.pid")}`,
    `--log-error=${errorLog}`,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    "--skip-name-resolve",
    "--skip-log-bin",
    "--performance-schema=OFF",
    `--innodb-buffer-pool-size=${options.bufferPoolSize ?? "64M"}`,
    // 2, not 0: committed data must survive kill(), which tests use to fail over.
    "--innodb-flush-log-at-trx-commit=2",
    "--innodb-doublewrite=0",
    "--sync-binlog=0",
    "--max-connections=200",
    "--character-set-server=utf8mb4",
    "--collation-server=utf8mb4_unicode_ci",
    ...(asRoot ? ["--user=root"] : []),
  ];

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async (port: number, rootAuth: { password?: string }): Promise<ChildProcess> => {
    const spawned = spawn(MARIADBD, argumentsFor(port), { stdio: "ignore" });
    child = spawned;
    running.add(spawned);
    exited = new Promise<void>((resolve) => spawned.once("exit", () => {
      running.delete(spawned);
      resolve();
    }));
    const deadline = Date.now() + startTimeoutMs;
    let lastError = "";
    while (Date.now() < deadline) {
      if (spawned.exitCode !== null || spawned.signalCode !== null) {
        throw new Error(`mariadbd exited during start-up:\n${tail(errorLog)}`);
      }
      if (existsSync(socketPath)) {
        try {
          const probe = await mysql.createConnection({ socketPath, user: "root", password: rootAuth.password, connectTimeout: 2_000 });
          await probe.end();
          return spawned;
        } catch (error) {
          lastError = error instanceof Error ? error.message : String(error);
        }
      }
      await sleep(100);
    }
    spawned.kill("SIGKILL");
    throw new Error(`mariadbd was not ready within ${startTimeoutMs} ms (${lastError}):\n${tail(errorLog)}`);
  };

  const killNow = async () => {
    const current = child;
    if (current && current.exitCode === null && current.signalCode === null) {
      current.kill("SIGKILL");
      await exited;
    }
  };

  let port: number;
  try {
    port = await startOnFreePort(
      async (candidate) => {
        const spawned = await launch(candidate, {});
        return { server: candidate, pid: spawned.pid ?? -1 };
      },
      killNow,
    );
    const setup = await mysql.createConnection({ socketPath, user: "root", multipleStatements: true });
    try {
      const [accounts] = await setup.query<mysql.RowDataPacket[]>("SELECT User AS user, Host AS host FROM mysql.user");
      for (const account of accounts) {
        if (account.user === "mariadb.sys") continue;
        await setup.query("DROP USER ?@?", [account.user, account.host]);
      }
      for (const host of ["localhost", "127.0.0.1"]) {
        await setup.query("CREATE USER 'root'@? IDENTIFIED BY ?", [host, rootPassword]);
        await setup.query("GRANT ALL PRIVILEGES ON *.* TO 'root'@? WITH GRANT OPTION", [host]);
      }
      await setup.query("FLUSH PRIVILEGES");
    } finally {
      await setup.end().catch(() => setup.destroy());
    }
  } catch (error) {
    await killNow();
    rmSync(baseDir, { recursive: true, force: true });
    directories.delete(baseDir);
    throw error;
  }

  let removed = false;
  const server: MariaDbServer = {
    host: "127.0.0.1",
    port,
    socketPath,
    dataDir,
    rootUser: "root",
    rootPassword,
    url: (database = "") => `mysql://root:${rootPassword}@127.0.0.1:${port}/${database}`,
    connect: (database) =>
      mysql.createConnection({ host: "127.0.0.1", port, user: "root", password: rootPassword, database, multipleStatements: true }),
    isRunning: () => {
      const current: ChildProcess | null = child;
      return current !== null && current.exitCode === null && current.signalCode === null;
    },
    async stop() {
      if (removed) return;
      removed = true;
      const current: ChildProcess | null = child;
      server.resume();
      try {
        if (current && current.exitCode === null && current.signalCode === null) {
          current.kill("SIGTERM");
          const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
          if (!stopped) await killNow();
        }
      } finally {
        rmSync(baseDir, { recursive: true, force: true });
        directories.delete(baseDir);
      }
    },
    kill: async () => {
      server.resume();
      await killNow();
    },
    async pause() {
      const current: ChildProcess | null = child;
      if (!current || current.pid === undefined || !server.isRunning()) throw new Error("pause(): the MariaDB server is not running");
      current.kill("SIGSTOP");
      paused.add(current);
      // A test that goes on before the stop has taken effect would see a server that still answers.
      const deadline = Date.now() + 5_000;
      while (processState(current.pid) !== "T") {
        if (Date.now() > deadline) throw new Error(`pause(): mariadbd ${current.pid} did not stop (state ${processState(current.pid)})`);
        await sleep(10);
      }
    },
    resume() {
      const current: ChildProcess | null = child;
      if (current && paused.delete(current)) current.kill("SIGCONT");
    },
    async restart() {
      if (removed) throw new Error("The MariaDB server was stopped and its data removed");
      if (server.isRunning()) return;
      const spawned = await launch(port, { password: rootPassword });
      if (listenerOnPort(port, spawned.pid ?? -1) !== "own") {
        await killNow();
        throw new Error(`port ${port} was taken by another program while the MariaDB server was down`);
      }
    },
  };
  return server;
}
