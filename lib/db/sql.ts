import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** The few raw-SQL operations the migrator and health checks need, over either runtime. */
export interface SqlConnection {
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T>;
  /**
   * Bulk load: rows in COPY text format (lib/db/copy-text.ts) into `table` (a quoted name) and its
   * listed columns (quoted names); on PostgreSQL COPY FROM STDIN, on PGlite COPY FROM a Blob.
   */
  copyIn(table: string, columns: readonly string[], rows: string): Promise<void>;
}

const copyStatement = (table: string, columns: readonly string[], from: string) => `COPY ${table} (${columns.join(", ")}) FROM ${from}`;

function pgliteCopyIn(db: PGlite | Transaction) {
  return async (table: string, columns: readonly string[], rows: string) => {
    await db.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([rows]) });
  };
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async transaction(work) {
      return db.transaction((tx) =>
        work({
          async exec(sql) {
            await tx.exec(sql);
          },
          async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
            return (await tx.query<Row>(sql, params)).rows;
          },
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
          copyIn: pgliteCopyIn(tx),
        }),
      );
    },
    copyIn: pgliteCopyIn(db),
  };
}

export function pgClientConnection(client: pg.ClientBase): SqlConnection {
  const connection: SqlConnection = {
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<Row>(sql, params)).rows;
    },
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work({ ...connection, transaction: () => Promise.reject(new Error("nested transactions are not supported")) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async copyIn(table, columns, rows) {
      await pipeline(Readable.from([rows]), client.query(copyFrom(copyStatement(table, columns, "STDIN"))));
    },
  };
  return connection;
}
