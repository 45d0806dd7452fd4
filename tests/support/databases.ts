import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";

export type Runtime = "pglite" | "postgres";
export const RUNTIMES: Runtime[] = ["pglite", "postgres"];
export type FreshDatabase = Awaited<ReturnType<typeof openFreshDatabase>>;

/** A fresh, empty database of the given runtime, isolated from every other test. */
export async function openFreshDatabase(runtime: Runtime): Promise<Database & { dropDatabase(): Promise<void> }> {
  if (runtime === "pglite") {
    const database = openDatabase({ kind: "pglite", dataDir: "memory://" });
    return { ...database, dropDatabase: () => database.close() };
  }
  const adminUrl = inject("postgresAdminUrl");
  const name = `bsm_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ kind: "postgres", url: url.toString() });
  return {
    ...database,
    async dropDatabase() {
      await database.close();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type FreshDatabaseOptions = {
  /** Apply the committed migrations before handing the database over; default true. */
  migrate?: boolean;
  /** "test" (default): dropped after the test that opened it; "suite": after the enclosing describe block (or file). */
  lifetime?: "test" | "suite";
};

/**
 * Returns a function that opens a fresh database of `runtime`; every database it opened is dropped after
 * the test (or suite) that opened it. Call it before the block's own after-hooks, so that those run first.
 */
export function freshDatabaseOpener(runtime: Runtime, { migrate = true, lifetime = "test" }: FreshDatabaseOptions = {}): () => Promise<FreshDatabase> {
  let opened: FreshDatabase[] = [];
  const dropOpened = async () => {
    const dropping = opened;
    opened = [];
    for (const database of dropping) await database.dropDatabase();
  };
  if (lifetime === "test") afterEach(dropOpened);
  else afterAll(dropOpened);
  return async () => {
    const database = await openFreshDatabase(runtime);
    opened.push(database);
    if (migrate) await database.migrate();
    return database;
  };
}
