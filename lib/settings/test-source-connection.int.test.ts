import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { startMariaDbServer, type MariaDbServer } from "@/tests/support/mariadb-server";
import { generateOpsviewEstate, openOpsviewFixture, type OpsviewFixture } from "@/tests/support/opsview-fixture";
import { createAccess, NO_GRANTS } from "../auth/access";
import { parseEnv } from "../env";
import { saveSourceSettings } from "./save-source-settings";
import { testSourceConnection } from "./test-source-connection";

const READER = { user: "bsm_reader", password: "reader-pw-8812" };
const environment = parseEnv({ BSM_SECRET_KEY: randomBytes(32).toString("hex") });
const access = createAccess({ ...NO_GRANTS, isAdmin: true }, { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() });

let server: MariaDbServer;
let fixture: OpsviewFixture;
const freshDatabase = freshDatabaseOpener("pglite", { lifetime: "suite" });
let database: FreshDatabase;

beforeAll(async () => {
  server = await startMariaDbServer();
  fixture = await openOpsviewFixture(server);
  await fixture.load(generateOpsviewEstate({ hosts: 4, checksPerHost: 2, templates: 2, hostGroups: 2 }));
  await fixture.createReader(READER);
  database = await freshDatabase();
});

afterAll(async () => {
  await fixture?.close();
  await server?.stop();
});

const draft = (password: string, enabledGroups: string[] = []) => ({
  kind: "opsview-db",
  pollIntervalSeconds: "10",
  values: { "main.host": server.host, "main.port": String(server.port), "main.user": READER.user, "main.password": password, "backup.host": "" },
  enabledGroups,
});

describe("Test connection from the settings form", () => {
  it("tests the values as typed against a real MariaDB, and never echoes a wrong password", async () => {
    const good = await testSourceConnection({ prisma: database.prisma, access, request: { draft: draft(READER.password), target: "main" }, environment });
    expect(good).toEqual({ ok: true, message: expect.stringMatching(new RegExp(`^Connected to 127\\.0\\.0\\.1:${server.port} .*8 active service checks$`)) });
    const bad = await testSourceConnection({ prisma: database.prisma, access, request: { draft: draft("wrong-pw-5521"), target: "main" }, environment });
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain("Access denied");
    expect(bad.message).not.toContain("wrong-pw-5521");
  });

  it("uses the saved password for a blank field, and tests a switched-off backup as typed", async () => {
    const user = await database.prisma.user.create({ data: { email: "admin@bsm.local", name: "Admin", passwordHash: "x", isAdmin: true } });
    await expect(saveSourceSettings({ prisma: database.prisma, actor: user, access, draft: draft(READER.password), environment })).resolves.toBeUndefined();
    expect(await testSourceConnection({ prisma: database.prisma, access, request: { draft: draft(""), target: "main" }, environment })).toMatchObject({ ok: true });
    expect(await testSourceConnection({ prisma: database.prisma, access, request: { draft: draft(""), target: "backup" }, environment })).toEqual({
      ok: false,
      message: expect.stringContaining("host is required"),
    });
  });

  it("refuses kinds and targets without a connection, and malformed requests, in one line", async () => {
    const simulated = { kind: "simulated", pollIntervalSeconds: "1", values: {}, enabledGroups: [] };
    expect(await testSourceConnection({ prisma: database.prisma, access, request: { draft: simulated, target: "main" }, environment })).toEqual({
      ok: false,
      message: "This source kind has no connection to test",
    });
    expect(await testSourceConnection({ prisma: database.prisma, access, request: { draft: draft("x"), target: "endpoint" }, environment })).toEqual({
      ok: false,
      message: "opsview-db has no endpoint connection",
    });
    expect(await testSourceConnection({ prisma: database.prisma, access, request: "main", environment })).toMatchObject({ ok: false, message: expect.stringContaining("reload") });
  });
});
