import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "@/lib/db/client";

export type Runtime = "pglite" | "postgres";
export const RUNTIMES: Runtime[] = ["pglite", "postgres"];

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
