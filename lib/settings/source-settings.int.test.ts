import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { startOpsviewRestServer, type FakeOpsviewRestServer } from "@/tests/support/opsview-rest-server";
import type { Access } from "../auth/access";
import { loadAccess } from "../auth/load-access";
import { openDatabase, type Database } from "../db/client";
import { parseEnv, type AppEnv } from "../env";
import { ForbiddenError } from "../errors/app-error";
import { fieldErrorsOf } from "../errors/testing";
import type { RunningPoller } from "../poller/run-poller";
import { startPolling } from "../server/polling";
import { SecretsUnreadableError, loadSourceSettings, readSourceSettingsToken } from "./load-source-settings";
import { resetSourceSettings } from "./reset-source-settings";
import { saveSourceSettings } from "./save-source-settings";
import type { SourceSettingsDraft } from "./source-settings-draft";
import { testSourceConnection } from "./test-source-connection";

const KEY = randomBytes(32).toString("base64");
const environment = (overrides: Record<string, string> = {}): AppEnv =>
  parseEnv({
    BSM_SOURCE: "simulated",
    BSM_SOURCE_SETTINGS: JSON.stringify({ seed: 5, hosts: 30, businessServices: 5 }),
    BSM_POLL_INTERVAL_SECONDS: "1",
    BSM_SECRET_KEY: KEY,
    ...overrides,
  });

const databaseDraft = (values: Record<string, string | boolean> = {}, enabledGroups = ["backup"]): SourceSettingsDraft => ({
  kind: "opsview-db",
  pollIntervalSeconds: "20",
  values: {
    "main.host": "db1.example.com",
    "main.user": "bsm",
    "main.password": "main-pass-Xq7",
    "backup.host": "db2.example.com",
    "backup.user": "bsm",
    "backup.password": "backup-pass-Zr9",
    ...values,
  },
  enabledGroups,
});

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(RUNTIMES)("source settings on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let database: FreshDatabase;
  let other: Database | undefined;
  let poller: RunningPoller | undefined;
  let restServer: FakeOpsviewRestServer | undefined;
  let actor: { id: string; email: string };
  let access: Access;

  async function openMigrated() {
    database = await freshDatabase();
    const user = await database.prisma.user.create({ data: { email: "admin@bsm.local", name: "Admin", passwordHash: "x", isAdmin: true } });
    actor = { id: user.id, email: user.email };
    access = await loadAccess(database.prisma, user.id);
  }

  afterEach(async () => {
    await poller?.stop();
    poller = undefined;
    await restServer?.stop();
    restServer = undefined;
    await other?.close();
    other = undefined;
  });

  it("saves settings with their passwords encrypted, never readable in the table, and audits the save", async () => {
    await openMigrated();
    await expect(saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft(), environment: environment() })).resolves.toBeUndefined();

    const rows = await database.withConnection((connection) => connection.query(`SELECT * FROM "SourceSettings"`));
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain("main-pass-Xq7");
    expect(stored).not.toContain("backup-pass-Zr9");
    expect(rows[0]).toMatchObject({ kind: "opsview-db", pollIntervalSeconds: 20, secretFields: ["main.password", "backup.password"] });

    const state = await loadSourceSettings(database.prisma, environment());
    expect(state).toMatchObject({ origin: "saved", kind: "opsview-db", pollIntervalSeconds: 20, updatedByEmail: "admin@bsm.local" });
    expect(state.publicSettings).toMatchObject({ main: { host: "db1.example.com", port: 3306, runtimeDatabase: "runtime" }, backup: { host: "db2.example.com" } });
    expect(state.readSecrets()).toEqual({ "main.password": "main-pass-Xq7", "backup.password": "backup-pass-Zr9" });

    const audit = await database.prisma.auditEntry.findMany();
    expect(audit).toMatchObject([{ action: "source-settings.save", target: "source-settings", userEmail: "admin@bsm.local" }]);
    expect(JSON.stringify(audit[0].detail)).not.toContain("pass-");
    expect(audit[0].detail).toMatchObject({ kind: "opsview-db", previousOrigin: "environment", passwordsChanged: ["main.password", "backup.password"] });
  });

  it("keeps a saved password when the field is left blank, and saves nothing (no audit) when a field is wrong", async () => {
    await openMigrated();
    await saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft(), environment: environment() });
    const tokenBefore = await readSourceSettingsToken(database.prisma);

    const refused = saveSourceSettings({
      prisma: database.prisma,
      actor,
      access,
      draft: databaseDraft({ "main.password": "", "main.port": "99999", "main.host": "db3.example.com" }),
      environment: environment(),
    });
    expect(await fieldErrorsOf(refused)).toEqual({ "main.port": "must be between 1 and 65535" });
    expect(await readSourceSettingsToken(database.prisma)).toBe(tokenBefore);
    expect(await database.prisma.auditEntry.count()).toBe(1);

    const kept = saveSourceSettings({
      prisma: database.prisma,
      actor,
      access,
      draft: databaseDraft({ "main.password": "", "backup.password": "", "main.host": "db3.example.com" }),
      environment: environment(),
    });
    await expect(kept).resolves.toBeUndefined();
    const state = await loadSourceSettings(database.prisma, environment());
    expect(state.publicSettings).toMatchObject({ main: { host: "db3.example.com" } });
    expect(state.readSecrets()).toEqual({ "main.password": "main-pass-Xq7", "backup.password": "backup-pass-Zr9" });
    expect(await readSourceSettingsToken(database.prisma)).not.toBe(tokenBefore);
    expect((await database.prisma.auditEntry.findMany({ orderBy: { id: "asc" } }))[1].detail).toMatchObject({ passwordsChanged: [] });
  });

  it("says clearly when the key is missing or another key saved the passwords, and recovers when they are typed again", async () => {
    await openMigrated();
    await expect(saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft(), environment: environment({ BSM_SECRET_KEY: "" }) })).rejects.toMatchObject({
      name: "ValidationError",
      message: expect.stringMatching(/^Passwords cannot be saved: BSM_SECRET_KEY is not set/),
      fieldErrors: undefined,
    });
    expect(await database.prisma.sourceSettings.count()).toBe(0);

    await saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft(), environment: environment() });
    const otherKey = environment({ BSM_SECRET_KEY: randomBytes(32).toString("hex") });
    const state = await loadSourceSettings(database.prisma, otherKey);
    expect(() => state.readSecrets()).toThrow(SecretsUnreadableError);
    expect(() => state.readSecrets()).toThrow("Saved passwords cannot be read: the saved secrets cannot be decrypted with this BSM_SECRET_KEY");

    const blank = saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft({ "main.password": "" }), environment: otherKey });
    await expect(blank).rejects.toMatchObject({ name: "ValidationError", message: expect.stringContaining("Type the passwords again"), fieldErrors: undefined });
    const retyped = saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft({ "main.password": "new-main" }), environment: otherKey });
    await expect(retyped).resolves.toBeUndefined();
    expect((await loadSourceSettings(database.prisma, otherKey)).readSecrets()).toEqual({ "main.password": "new-main", "backup.password": "backup-pass-Zr9" });
  });

  it("refuses a user who is not an administrator: nothing is saved, reset, tested or audited", async () => {
    await openMigrated();
    await saveSourceSettings({ prisma: database.prisma, actor, access, draft: databaseDraft(), environment: environment() });
    const viewer = await database.prisma.user.create({ data: { email: "viewer@bsm.local", name: "Viewer", passwordHash: "x", isAdmin: false } });
    const viewerAccess = await loadAccess(database.prisma, viewer.id);
    const tokenBefore = await readSourceSettingsToken(database.prisma);

    const draft = databaseDraft({ "main.host": "db9.example.com" });
    await expect(saveSourceSettings({ prisma: database.prisma, actor: viewer, access: viewerAccess, draft, environment: environment() })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetSourceSettings(database.prisma, viewer, viewerAccess)).rejects.toBeInstanceOf(ForbiddenError);
    const test = testSourceConnection({ prisma: database.prisma, access: viewerAccess, request: { draft, target: "main" }, environment: environment() });
    await expect(test).rejects.toThrow("This needs the administrator permission");
    expect(await readSourceSettingsToken(database.prisma)).toBe(tokenBefore);
    expect(await database.prisma.sourceSettings.count()).toBe(1);
    expect((await database.prisma.auditEntry.findMany()).map((entry) => entry.action)).toEqual(["source-settings.save"]);
  });

  it("uses the environment until something is saved, and again after a reset", async () => {
    await openMigrated();
    const env = environment({ BSM_SOURCE: "opsview-rest", BSM_SOURCE_SETTINGS: JSON.stringify({ baseUrl: "https://ov.example", username: "u", password: "env-pw" }) });
    const initial = await loadSourceSettings(database.prisma, env);
    expect(initial).toMatchObject({ origin: "environment", kind: "opsview-rest", pollIntervalSeconds: 1, secretFields: ["password"], token: "environment" });
    expect(JSON.stringify(initial.publicSettings)).not.toContain("env-pw");

    // A blank password keeps the one the environment gives.
    const draft = { kind: "opsview-rest", pollIntervalSeconds: "7", values: { baseUrl: "https://ov2.example", username: "u2", password: "" }, enabledGroups: [] };
    await expect(saveSourceSettings({ prisma: database.prisma, actor, access, draft, environment: env })).resolves.toBeUndefined();
    const saved = await loadSourceSettings(database.prisma, env);
    expect(saved).toMatchObject({ origin: "saved", kind: "opsview-rest", pollIntervalSeconds: 7, publicSettings: { baseUrl: "https://ov2.example" } });
    expect(saved.readSecrets()).toEqual({ password: "env-pw" });

    await resetSourceSettings(database.prisma, actor, access);
    await resetSourceSettings(database.prisma, actor, access);
    expect(await loadSourceSettings(database.prisma, env)).toMatchObject({ origin: "environment", kind: "opsview-rest", pollIntervalSeconds: 1 });
    expect((await database.prisma.auditEntry.findMany({ orderBy: { id: "asc" } })).map((entry) => entry.action)).toEqual([
      "source-settings.save",
      "source-settings.reset",
    ]);
  });

  it("switches the poller to newly saved settings (saved through another connection), reports unusable ones and keeps the last states", async () => {
    await openMigrated();
    // On PostgreSQL the settings are saved through a second client, as another app instance would.
    other = runtime === "postgres" && database.target.kind === "postgres" ? openDatabase(database.target) : undefined;
    const saver = other?.prisma ?? database.prisma;
    restServer = await startOpsviewRestServer();
    const config = environment();
    poller = await startPolling(config, database, { settingsCheckMs: 200, log: () => {} });
    const pollerStatus = () => database.prisma.pollerStatus.findUnique({ where: { id: 1 } });

    await until(pollerStatus, (status) => status?.sourceKind === "simulated" && status.lastSuccessAt !== null, "the simulated source to be polled");
    expect(await database.prisma.host.count({ where: { removedAt: null } })).toBe(30);

    const restDraft = {
      kind: "opsview-rest",
      pollIntervalSeconds: "1",
      values: { baseUrl: restServer.url, username: restServer.username, password: restServer.password, acceptSelfSigned: false },
      enabledGroups: [],
    };
    await expect(saveSourceSettings({ prisma: saver, actor, access, draft: restDraft, environment: config })).resolves.toBeUndefined();
    const switched = await until(pollerStatus, (status) => status?.sourceKind === "opsview-rest" && status.lastError === null, "the REST source");
    expect(switched?.sourceDescription).toContain(restServer.url);
    const restHosts = restServer.estate.hosts.map((host) => host.name).sort();
    await until(
      async () => (await database.prisma.host.findMany({ where: { removedAt: null }, select: { name: true } })).map((host) => host.name).sort(),
      (names) => JSON.stringify(names) === JSON.stringify(restHosts),
      "the REST hosts to replace the simulated ones",
    );
    const checksBefore = await database.prisma.serviceCheck.findMany({ orderBy: [{ id: "asc" }] });

    // Passwords sealed with a key this process does not have: reported, never thrown, states kept.
    await saver.sourceSettings.update({
      where: { id: 1 },
      data: { encryptedSecrets: "v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", version: { increment: 1 } },
    });
    const failing = await until(pollerStatus, (status) => status?.lastError?.includes("Saved passwords cannot be read") === true, "the unusable settings to be reported");
    expect(failing?.staleSince).not.toBeNull();
    expect(await database.prisma.sourceEvent.findFirst({ where: { kind: "error", message: { contains: "Source settings unusable" } } })).not.toBeNull();
    expect(await database.prisma.serviceCheck.findMany({ orderBy: [{ id: "asc" }] })).toEqual(checksBefore);

    await resetSourceSettings(saver, actor, access);
    await until(pollerStatus, (status) => status?.sourceKind === "simulated" && status.lastError === null, "the environment's simulated source again");
  });
});
