import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import type { DatabaseTarget } from "../env";
import { lineLogger, logFor, type LogLine } from "../log";
import { pgliteReader, poolReader, registerDirectReader } from "./direct-read";
import { applyMigrations } from "./migrate";
import { pgClientConnection, pgliteConnection, type SqlConnection } from "./sql";

export interface Database {
  target: DatabaseTarget;
  prisma: PrismaClient;
  /** Runs raw SQL on one dedicated connection (session-level locks hold for the whole call). */
  withConnection<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  migrate(): Promise<{ applied: string[] }>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Where warnings about the server's connections go. */
  log?: LogLine;
}

export function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Database {
  return target.kind === "pglite" ? openPglite(target.dataDir) : openPostgres(target.url, options.log ?? lineLogger(logFor("db")));
}

function openPglite(dataDir: string): Database {
  // "memory://" keeps the database in memory (tests); anything else is a directory.
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const connection = pgliteConnection(pglite);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  // PGlite parses each row in JavaScript (8–20 µs a row); PostgreSQL's driver reads rows faster than the server builds JSON.
  registerDirectReader(prisma, pgliteReader(pglite), { packLargeReads: true });
  return {
    target: { kind: "pglite", dataDir },
    prisma,
    withConnection: (work) => work(connection),
    migrate: () => applyMigrations(connection, { useAdvisoryLock: false }),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

function openPostgres(url: string, log: LogLine): Database {
  // Connections stay open while idle (pg closes them after 10 s by default): otherwise the first
  // request after a quiet spell pays for new connections. A connection the server ends is dropped.
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, idleTimeoutMillis: 0 }) });
  const pool = new pg.Pool({ connectionString: url, max: 8, idleTimeoutMillis: 0 });
  registerDirectReader(prisma, poolReader(pool, pg.types));
  let closing = false;
  // An idle connection the server ends (restart, pg_terminate_backend) makes the pool emit "error";
  // unheard, that event would end the process. The pool has already dropped the connection.
  pool.on("error", (error) => {
    if (!closing) log(`PostgreSQL: an idle connection was closed by the server and dropped: ${error.message}`, "warn");
  });
  const withConnection = async <T>(work: (connection: SqlConnection) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(pgClientConnection(client));
    } finally {
      client.release();
    }
  };
  return {
    target: { kind: "postgres", url },
    prisma,
    withConnection,
    migrate: () => withConnection((connection) => applyMigrations(connection, { useAdvisoryLock: true })),
    async close() {
      closing = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
