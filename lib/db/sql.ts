import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The few raw-SQL operations the migrator and health checks need, over either runtime. */
export interface SqlConnection {
  exec(sql: string): Promise<void>;
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  transaction<T>(work: (tx: SqlConnection) => Promise<T>): Promise<T>;
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
        }),
      );
    },
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
  };
  return connection;
}
