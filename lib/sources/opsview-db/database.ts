import mysql, { type Pool, type PoolConnection, type RowDataPacket } from "mysql2/promise";
import type { DatabaseRow } from "./map-rows";
import { MAX_IDS_PER_STATEMENT, type SqlStatement } from "./queries";
import type { OpsviewConnectionSettings } from "./settings";

export interface ConnectionLimits {
  connectTimeoutMs: number;
  queryTimeoutMs: number;
}

/** Raised when the server does not answer in time; carries a driver-like code so it counts as a database failure. */
export class DatabaseTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
}

/** How many connections a full read of the checks uses at once (one range of object ids each). */
export const CHECK_READ_PARTS = 2;

export function createReadPool(connection: OpsviewConnectionSettings, limits: ConnectionLimits): Pool {
  return mysql.createPool({
    host: connection.host,
    port: connection.port,
    user: connection.user,
    password: connection.password,
    connectTimeout: limits.connectTimeoutMs,
    // The checks' parts and the hosts' statements of a full read at once.
    connectionLimit: CHECK_READ_PARTS + 1,
    maxIdle: CHECK_READ_PARTS + 1,
    idleTimeout: 60_000,
    enableKeepAlive: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    multipleStatements: false,
    charset: "utf8mb4",
  });
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A connection from the pool within the connect timeout. The pool itself waits without limit for a
 * free connection, and one stuck on a server that stopped answering may never come back.
 */
async function acquireConnection(pool: Pool, limits: ConnectionLimits): Promise<PoolConnection> {
  const pending = pool.getConnection();
  try {
    // Twice the connect timeout: a new connection's TCP connect, greeting and login each take a turn.
    return await withTimeout(pending, 2 * limits.connectTimeoutMs, "the database server");
  } catch (error) {
    pending.then((late) => late.destroy(), () => undefined);
    throw error;
  }
}

/** One live connection from the pool; a pooled connection that died with its server is replaced once. */
export async function withPooledConnection<T>(
  pool: Pool,
  limits: ConnectionLimits,
  work: (connection: PoolConnection) => Promise<T>,
): Promise<T> {
  let connection = await acquireConnection(pool, limits);
  try {
    await withTimeout(connection.ping(), limits.connectTimeoutMs, "the database server");
  } catch {
    connection.destroy();
    connection = await acquireConnection(pool, limits);
  }
  try {
    const result = await work(connection);
    connection.release();
    return result;
  } catch (error) {
    // It may be mid-transaction or broken; never hand it back to the pool.
    connection.destroy();
    throw error;
  }
}

/** Rows as arrays in the statement's column order: no object with named fields per row. */
export async function selectRows(connection: PoolConnection, statement: SqlStatement, limits: ConnectionLimits): Promise<DatabaseRow[]> {
  const [rows] = await connection.query<RowDataPacket[]>({
    sql: statement.sql,
    values: statement.values,
    timeout: limits.queryTimeoutMs,
    rowsAsArray: true,
  });
  return rows as unknown[] as DatabaseRow[];
}

export async function runCommand(connection: PoolConnection, sql: string, limits: ConnectionLimits): Promise<void> {
  await connection.query({ sql, timeout: limits.queryTimeoutMs });
}

/** Runs a statement built for an id list in chunks, so a large list never makes one huge statement. */
export async function selectRowsForIds<Id>(
  connection: PoolConnection,
  ids: Id[],
  build: (chunk: Id[]) => SqlStatement,
  limits: ConnectionLimits,
): Promise<DatabaseRow[]> {
  const rows: DatabaseRow[] = [];
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_STATEMENT) {
    const chunkRows = await selectRows(connection, build(ids.slice(start, start + MAX_IDS_PER_STATEMENT)), limits);
    for (const row of chunkRows) rows.push(row);
  }
  return rows;
}
