import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findFreePort } from "@/tests/support/free-port";
import { startMariaDbServer, type MariaDbServer } from "@/tests/support/mariadb-server";
import { openOpsviewFixture, type OpsviewEstate, type OpsviewFixture } from "@/tests/support/opsview-fixture";
import { changesSeenByPoller } from "@/tests/support/changes-seen-by-poller";
import { SourceUnavailableError, type MonitoringSource, type SourceServiceCheck } from "../types";
import { opsviewDatabaseSettingsSchema, type OpsviewConnectionSettingsInput } from "./settings";
import { createOpsviewDatabaseSource, type OpsviewDatabaseSourceOptions } from "./source";
import { testOpsviewConnection } from "./test-connection";

const READER = { user: "bsm_reader", password: "reader-pass-4411" };
// Whole seconds an hour ago: the database stores DATETIMEs to the second.
const T = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;

const estate: OpsviewEstate = {
  at: T,
  hostTemplates: [
    { name: "Web Server", serviceChecks: ["HTTP", "HTTPS", "Ping"] },
    { name: "Base", serviceChecks: ["Ping", "Disk"] },
    { name: "Database", serviceChecks: ["MySQL"] },
    { name: "Unused", serviceChecks: ["HTTP", "Custom"] },
  ],
  serviceGroups: [
    { name: "Web services", serviceChecks: ["HTTP", "HTTPS"] },
    { name: "Operating system", serviceChecks: ["Ping", "Disk"] },
  ],
  hosts: [
    {
      name: "web1",
      alias: "Web one",
      address: "10.0.0.1",
      hostGroups: ["Web", "London"],
      hostTemplates: [
        { name: "Web Server", priority: 1 },
        { name: "Base", priority: 2 },
      ],
      keywords: ["prod", "frontend"],
      services: [
        { name: "HTTP", state: 2, acknowledged: true, output: "CRITICAL - 503", lastStateChange: T - 3_600_000 },
        { name: "HTTPS", state: 0, output: "OK - 200" },
        { name: "Ping", state: 0, downtimeDepth: 1, output: "PING OK" },
        { name: "Disk", state: 1, stateType: 0, output: "WARNING - 85% used" },
        { name: "Custom", state: 3, output: "UNKNOWN - no data" },
        { name: "Retired", state: 2, active: false },
      ],
    },
    {
      name: "db1",
      alias: "Database one",
      address: "10.0.0.2",
      hostGroups: ["London"],
      hostTemplates: [
        { name: "Database", priority: 1 },
        { name: "Base", priority: 3 },
      ],
      keywords: ["prod"],
      services: [
        { name: "MySQL", state: 0, downtimeDepth: 2, output: "Uptime 5d", lastStateChange: null },
        { name: "Ping", state: 0, output: "PING OK" },
      ],
    },
    { name: "gone1", active: false, hostGroups: ["Web"], services: [{ name: "Ping", active: false }] },
    { name: "broken1", services: [{ name: "Bad", state: 7 }, { name: "Fine" }, { name: "Odd", stateType: 5 }] },
  ],
};

function check(host: string, name: string, fields: Partial<SourceServiceCheck>): SourceServiceCheck {
  return {
    host,
    name,
    state: "OK",
    stateType: "HARD",
    acknowledged: false,
    inDowntime: false,
    output: "",
    lastStateChange: T,
    hostTemplates: [],
    serviceGroups: [],
    ...fields,
  };
}

const web = { serviceGroups: ["Web services"] };
const os = { serviceGroups: ["Operating system"] };
const EXPECTED_CHECKS = [
  check("web1", "HTTP", { state: "CRITICAL", acknowledged: true, output: "CRITICAL - 503", lastStateChange: T - 3_600_000, hostTemplates: ["Web Server"], ...web }),
  check("web1", "HTTPS", { output: "OK - 200", hostTemplates: ["Web Server"], ...web }),
  check("web1", "Ping", { inDowntime: true, output: "PING OK", hostTemplates: ["Base", "Web Server"], ...os }),
  check("web1", "Disk", { state: "WARNING", stateType: "SOFT", output: "WARNING - 85% used", hostTemplates: ["Base"], ...os }),
  check("web1", "Custom", { state: "UNKNOWN", output: "UNKNOWN - no data" }),
  check("db1", "MySQL", { inDowntime: true, output: "Uptime 5d", lastStateChange: null, hostTemplates: ["Database"] }),
  check("db1", "Ping", { output: "PING OK", hostTemplates: ["Base"], ...os }),
  check("broken1", "Fine", {}),
];

const EXPECTED_SKIPPED = [
  { key: "broken1/Bad", reason: "current_state 7 is not 0, 1, 2 or 3" },
  { key: "broken1/Odd", reason: "state_type 5 is not 0 (soft) or 1 (hard)" },
];

const byKey = <T extends { host: string; name: string }>(items: T[]) =>
  [...items].sort((a, b) => `${a.host}/${a.name}`.localeCompare(`${b.host}/${b.name}`));

let server: MariaDbServer;
let fixture: OpsviewFixture;
const sources: MonitoringSource[] = [];

beforeAll(async () => {
  server = await startMariaDbServer();
  fixture = await openOpsviewFixture(server);
  await fixture.createReader(READER);
});

afterAll(async () => {
  await fixture?.close();
  await server?.stop();
});

beforeEach(async () => {
  await fixture.load(estate);
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((source) => source.close()));
});

function connection(overrides: Partial<OpsviewConnectionSettingsInput> = {}): OpsviewConnectionSettingsInput {
  return { host: server.host, port: server.port, ...READER, ...overrides };
}

function openSource(overrides: Partial<OpsviewConnectionSettingsInput> = {}, options: OpsviewDatabaseSourceOptions = {}, tablePrefix?: string) {
  const source = createOpsviewDatabaseSource(opsviewDatabaseSettingsSchema.parse({ main: connection(overrides), tablePrefix }), {
    connectTimeoutMs: 2_000,
    ...options,
  });
  sources.push(source);
  return source;
}

describe("Opsview runtime database source on MariaDB", () => {
  it("reads every active host and check, normalised, as a read-only user", async () => {
    const source = openSource();
    const read = await source.readFull();

    expect(read.hosts).toEqual([
      {
        name: "web1",
        alias: "Web one",
        address: "10.0.0.1",
        hostGroups: ["London", "Web"],
        hostTemplates: [
          { name: "Web Server", priority: 1 },
          { name: "Base", priority: 2 },
        ],
        keywords: ["frontend", "prod"],
      },
      {
        name: "db1",
        alias: "Database one",
        address: "10.0.0.2",
        hostGroups: ["London"],
        hostTemplates: [
          { name: "Database", priority: 1 },
          { name: "Base", priority: 3 },
        ],
        keywords: ["prod"],
      },
      { name: "broken1", alias: "broken1", address: "", hostGroups: [], hostTemplates: [], keywords: [] },
    ]);
    expect(byKey(read.serviceChecks)).toEqual(byKey(EXPECTED_CHECKS));
    expect(read.skipped).toEqual(EXPECTED_SKIPPED);
    expect(source.kind).toBe("opsview-db");
    expect(source.describe()).toBe(`main database 127.0.0.1:${server.port}`);
  });

  it("returns only the checks that changed, including two updates written in the same second", async () => {
    const source = changesSeenByPoller(openSource());
    const full = await source.readFull();

    const unchanged = await source.readChanges(full.cursor);
    expect(unchanged).toMatchObject({ hosts: [], removedHosts: [], serviceChecks: [], removedServiceChecks: [], skipped: [] });

    const second = T + 100_000;
    await fixture.setServiceStatus("web1", "HTTPS", { state: 2, output: "CRITICAL - certificate expired", at: second });
    const first = await source.readChanges(unchanged.cursor);
    expect(first.serviceChecks).toEqual([
      check("web1", "HTTPS", { state: "CRITICAL", output: "CRITICAL - certificate expired", lastStateChange: second, hostTemplates: ["Web Server"], ...web }),
    ]);

    await fixture.setServiceStatus("web1", "Disk", { state: 0, stateType: 1, output: "OK - 40% used", at: second + 300 });
    const sameSecond = await source.readChanges(first.cursor);
    expect(sameSecond.serviceChecks).toEqual([
      check("web1", "Disk", { output: "OK - 40% used", lastStateChange: second, hostTemplates: ["Base"], ...os }),
    ]);

    await fixture.setServiceStatus("web1", "HTTPS", { acknowledged: true, at: second + 600 });
    const acknowledged = await source.readChanges(sameSecond.cursor);
    expect(acknowledged.serviceChecks).toEqual([
      check("web1", "HTTPS", { state: "CRITICAL", acknowledged: true, output: "CRITICAL - certificate expired", lastStateChange: second, hostTemplates: ["Web Server"], ...web }),
    ]);

    await fixture.setServiceStatus("db1", "Ping", { state: 0, output: "PING OK", at: second + 1_000 });
    await fixture.setServiceStatus("db1", "MySQL", { downtimeDepth: 0, at: second + 1_000 });
    const recheck = await source.readChanges(acknowledged.cursor);
    expect(recheck.serviceChecks).toEqual([
      check("db1", "MySQL", { output: "Uptime 5d", lastStateChange: null, hostTemplates: ["Database"] }),
    ]);
    expect(recheck.hosts).toEqual([]);
  });

  it("picks up a host that appears between resyncs with its first check", async () => {
    const source = changesSeenByPoller(openSource());
    const full = await source.readFull();
    await fixture.setObjectActive("gone1", null, true);
    await fixture.setObjectActive("gone1", "Ping", true);
    await fixture.setServiceStatus("gone1", "Ping", { state: 1, output: "PING WARNING", at: T + 200_000 });

    const changes = await source.readChanges(full.cursor);
    expect(changes.hosts).toEqual([{ name: "gone1", alias: "gone1", address: "", hostGroups: ["Web"], hostTemplates: [], keywords: [] }]);
    expect(changes.serviceChecks).toEqual([check("gone1", "Ping", { state: "WARNING", output: "PING WARNING", lastStateChange: T + 200_000, ...os })]);
  });

  it("resyncs fully when the period has passed, with removals and changes the incremental reads could not see", async () => {
    let now = 1_000_000;
    const source = changesSeenByPoller(openSource({}, { now: () => now, fullResyncEveryMs: 60_000 }));
    const full = await source.readFull();

    await fixture.setObjectActive("db1", null, false);
    await fixture.setObjectActive("db1", "MySQL", false);
    await fixture.setObjectActive("db1", "Ping", false);
    await fixture.setObjectActive("web1", "HTTPS", false);
    // Written with a time older than the incremental window, as a late writer might.
    await fixture.setServiceStatus("web1", "Custom", { state: 0, output: "OK - back", at: T - 60_000 });

    now += 59_999;
    const incremental = await source.readChanges(full.cursor);
    expect(incremental).toMatchObject({ hosts: [], removedHosts: [], serviceChecks: [], removedServiceChecks: [] });

    now += 1;
    const resync = await source.readChanges(incremental.cursor);
    expect(resync.read.hosts.map((host) => host.name)).toEqual(["web1", "broken1"]);
    expect(resync.removedHosts).toEqual(["db1"]);
    expect(byKey(resync.removedServiceChecks)).toEqual(byKey([
      { host: "web1", name: "HTTPS" },
      { host: "db1", name: "MySQL" },
      { host: "db1", name: "Ping" },
    ]));
    expect(resync.read.serviceChecks).toContainEqual(check("web1", "Custom", { output: "OK - back", lastStateChange: T - 60_000 }));
    expect(resync.read.serviceChecks).toHaveLength(EXPECTED_CHECKS.length - 3);
    expect(resync.skipped).toEqual(EXPECTED_SKIPPED);

    const after = await source.readChanges(resync.cursor);
    expect(after).toMatchObject({ hosts: [], serviceChecks: [], removedHosts: [], removedServiceChecks: [], skipped: [] });
  });

  it("treats a cursor it did not issue as a reason to read everything", async () => {
    const source = changesSeenByPoller(openSource());
    const read = await source.readChanges("not-a-cursor");
    expect(byKey(read.serviceChecks)).toEqual(byKey(EXPECTED_CHECKS));
    expect(read.hosts).toHaveLength(3);
    expect(read.removedHosts).toEqual([]);
  });

  it("reads Icinga-style NDO tables through another table prefix and database names", async () => {
    const ido = await openOpsviewFixture(server, { runtimeDatabase: "ido_runtime", configDatabase: "ido_config", tablePrefix: "icinga_" });
    try {
      await ido.load({
        at: T,
        hostTemplates: [{ name: "Linux", serviceChecks: ["Load"] }],
        hosts: [{ name: "icinga-host", hostTemplates: [{ name: "Linux", priority: 1 }], services: [{ name: "Load", state: 1, output: "load high" }] }],
      });
      await ido.createReader(READER);
      const source = openSource({ runtimeDatabase: "ido_runtime", configDatabase: "ido_config" }, {}, "icinga_");
      const read = await source.readFull();
      expect(read.hosts.map((host) => host.name)).toEqual(["icinga-host"]);
      expect(read.serviceChecks).toEqual([check("icinga-host", "Load", { state: "WARNING", output: "load high", hostTemplates: ["Linux"] })]);
    } finally {
      await ido.connection.query("DROP DATABASE ido_runtime");
      await ido.connection.query("DROP DATABASE ido_config");
      await ido.close();
    }
  });
});

describe("when the database cannot be used", () => {
  it("a wrong password raises SourceUnavailableError without the password", async () => {
    const password = "wrong-pass-9876";
    const error = await openSource({ password }).readFull().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`^Opsview database unavailable: main database 127.0.0.1:${server.port}: access denied: check the user name and password`));
    expect((error as Error).message).not.toContain(password);
    expect((error as Error).message).not.toContain("\n");
  });

  it("a server that is not there raises SourceUnavailableError quickly", async () => {
    const port = await findFreePort();
    const started = Date.now();
    const error = await openSource({ port }).readChanges("").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toContain(`main database 127.0.0.1:${port}: connection refused`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("Test connection succeeds with the right settings and counts the checks", async () => {
    expect(await testOpsviewConnection(connection())).toEqual({
      ok: true,
      message: expect.stringMatching(/^Connected to 127\.0\.0\.1:\d+ \(.*MariaDB.*\): databases runtime and opsview readable, 10 active service checks$/),
    });
  });

  it("Test connection explains a wrong password without showing it", async () => {
    const password = "not-the-password-1";
    const result = await testOpsviewConnection(connection({ password }));
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`Could not use 127.0.0.1:${server.port} while connecting: access denied: check the user name and password`);
    expect(result.message).not.toContain(password);
  });

  it("Test connection names a missing table or database", async () => {
    const missingDatabase = await testOpsviewConnection(connection({ configDatabase: "no_such_db" }));
    expect(missingDatabase).toEqual({ ok: false, message: expect.stringContaining("but table no_such_db.hosttemplates ") });

    await fixture.connection.query("DROP TABLE runtime.opsview_viewports");
    const missingTable = await testOpsviewConnection(connection());
    expect(missingTable).toEqual({ ok: false, message: `Connected to 127.0.0.1:${server.port}, but table runtime.opsview_viewports is missing` });
  });

  it("Test connection reports invalid settings and an unreachable server without throwing", async () => {
    expect(await testOpsviewConnection({ host: "", user: "x" })).toEqual({ ok: false, message: expect.stringContaining("host is required") });
    const port = await findFreePort();
    const result = await testOpsviewConnection(connection({ port }), { timeoutMs: 2_000 });
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`Could not use 127.0.0.1:${port} while connecting: connection refused`) });
  });
});
