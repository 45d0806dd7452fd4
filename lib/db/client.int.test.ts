import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, expect, it, inject } from "vitest";
import { openDatabase, type Database } from "./client";

const adminUrl = () => inject("postgresAdminUrl");
let database: Database | undefined;
let name = "";

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterEach(async () => {
  await database?.close();
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

it("survives the server closing an idle connection: it says so and opens a new one", async () => {
  name = `bsm_test_${randomBytes(6).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const warnings: string[] = [];
  database = openDatabase({ kind: "postgres", url: url.toString() }, { log: (line) => warnings.push(line) });

  const [{ pid }] = await database.withConnection((connection) => connection.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"));
  await admin((client) => client.query("SELECT pg_terminate_backend($1)", [pid]));
  for (let waited = 0; warnings.length === 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));

  expect(warnings).toEqual([expect.stringMatching(/^PostgreSQL: an idle connection was closed by the server and dropped: terminating connection/)]);
  const [{ next }] = await database.withConnection((connection) => connection.query<{ next: number }>("SELECT pg_backend_pid() AS next"));
  expect(next).not.toBe(pid);
});
