import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/lib/db";
import { startPostgresServer, type PostgresServer } from "@/tests/support/postgres-server";
import { createApiToken } from "../auth/api-tokens";
import { createUser } from "../users/create-user";
import { handleApiRequest } from "./handler";
import { parseListQuery } from "./list-query";
import { SERVICE_STATUSES, listBsmServiceResources } from "./status/bsmservice";

const processDatabase = globalThis as typeof globalThis & { bsmDatabase?: Database };

/** The database the API handler uses (lib/db keeps the process's database on globalThis). */
async function useAsProcessDatabase(database: Database): Promise<string> {
  await database.migrate();
  processDatabase.bsmDatabase = database;
  const admin = await createUser(database.prisma, { email: "admin@test.local", name: "Admin", password: "admin-password", isAdmin: true });
  return (await createApiToken(database.prisma, admin, { name: "automation" })).token;
}

const listServices = (token: string) =>
  handleApiRequest(new Request("http://localhost/api/status/bsmservice", { headers: { authorization: `Bearer ${token}` } }), async ({ prisma, access, url }) =>
    Response.json(await listBsmServiceResources(prisma, access, parseListQuery(url, SERVICE_STATUSES))),
  );

describe("the REST API during a database outage", () => {
  let server: PostgresServer | undefined;
  let database: Database | undefined;

  afterEach(async () => {
    processDatabase.bsmDatabase = undefined;
    server?.stop();
    await database?.close().catch(() => {});
    server = undefined;
    database = undefined;
  });

  it("answers 503 with a JSON message when the PostgreSQL server stops", async () => {
    server = await startPostgresServer();
    database = openDatabase({ kind: "postgres", url: server.url() }, { log: () => {} });
    const token = await useAsProcessDatabase(database);
    expect((await listServices(token)).status).toBe(200);

    server.stop();
    const response = await listServices(token);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: "The database cannot be reached; try again shortly" });
  });

  it("answers 503 with a JSON message when the embedded database is closed", async () => {
    database = openDatabase({ kind: "pglite", dataDir: "memory://" });
    const token = await useAsProcessDatabase(database);
    const answered = await listServices(token);
    expect(answered.status).toBe(200);
    expect(answered.headers.get("server-timing")).toMatch(/^auth;desc="caller check";dur=\d+\.\d, work;desc="operation";dur=\d+\.\d$/);

    await database.close();
    const response = await listServices(token);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: "The database cannot be reached; try again shortly" });
  });
});
