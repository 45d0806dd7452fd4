import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesSeenByPoller } from "@/tests/support/changes-seen-by-poller";
import { openFreshDatabase } from "@/tests/support/databases";
import { liveProcessesInGroup } from "@/tests/support/free-port";
import { MARKER_HOST, startIcingaTestbed, type IcingaEstate, type IcingaTestbed } from "@/tests/support/icinga-testbed";
import { singleProcessLeadership } from "@/lib/poller/leadership";
import { runPoller, type RunningPoller } from "@/lib/poller/run-poller";
import { seedConfigurationIfEmpty } from "@/lib/poller/seed-configuration";
import { createIcingaApiSource, testIcingaApiConnection, type IcingaApiSettingsInput } from "@/lib/sources/icinga-api";
import { createIcingaIdoSource, parseIcingaIdoSettings, testIcingaIdoConnection } from "@/lib/sources/ido";
import type { CompleteRead, MonitoringSource, SourceServiceCheck } from "@/lib/sources/types";

/**
 * End to end against a real Icinga 2 and its IDO (docs/sources.md §5.2): both doors read
 * the same estate, and pollers on each make the BSM states follow states set through the Icinga 2 API.
 * One testbed for the whole file, as starting Icinga 2 and loading its IDO takes most of the time.
 */

const estate: IcingaEstate = {
  // The variable stands in for templates in the IDO's custom-variable mode (a string, and an array stored as JSON).
  hostTemplates: [
    { name: "web-server", vars: { bsm_host_templates: "web-server" } },
    { name: "db-server", vars: { bsm_host_templates: ["db-server"] } },
  ],
  hostGroups: ["template-web-server", "template-db-server", "site-london"],
  serviceGroups: [
    { name: "Web", services: ["HTTP"] },
    { name: "Customer facing", services: ["HTTP"] },
    { name: "Operating system", services: ["Load"] },
  ],
  hosts: [
    { name: "web1", displayName: "Web one", address: "10.0.0.1", templates: ["web-server"], groups: ["template-web-server", "site-london"], services: ["HTTP", "Load"] },
    { name: "web2", displayName: "Web two", address: "10.0.0.2", templates: ["web-server"], groups: ["template-web-server"], services: ["HTTP", "Load"] },
    { name: "db1", displayName: "Database one", address: "10.0.0.3", templates: ["db-server"], groups: ["template-db-server"], services: ["MySQL"] },
  ],
};

const POLL_INTERVAL_MS = 1_000;
/** "Within one poll interval plus a few seconds": the IDO writer adds a second or two, a loaded CI machine more. */
const FOLLOW_SLACK_MS = 8_000;

let testbed: IcingaTestbed;

function apiSettings(overrides: Partial<IcingaApiSettingsInput> = {}): IcingaApiSettingsInput {
  return {
    baseUrl: testbed.apiUrl,
    username: testbed.apiUser,
    password: testbed.apiPassword,
    caFile: testbed.caFile,
    tlsServerName: testbed.certificateName,
    ...overrides,
  };
}

function idoSettings(templates: "host-group" | "custom-variable" = "host-group") {
  const parsed = parseIcingaIdoSettings({
    main: { host: testbed.ido.host, port: testbed.ido.port, user: testbed.ido.user, password: testbed.ido.password, database: testbed.ido.database },
    hostTemplateSource: templates,
    hostGroupPattern: "^template-(.+)$",
    customVariable: "bsm_host_templates",
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.settings;
}

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));
const byKey = (checks: SourceServiceCheck[]) => [...checks].sort((a, b) => `${a.host}/${a.name}`.localeCompare(`${b.host}/${b.name}`));
const withoutMarker = (read: CompleteRead) => ({
  hosts: byName(read.hosts.filter((host) => host.name !== MARKER_HOST)),
  checks: byKey(read.serviceChecks.filter((check) => check.host !== MARKER_HOST)),
});

beforeAll(async () => {
  testbed = await startIcingaTestbed(estate);
  for (const host of estate.hosts) for (const service of host.services) await testbed.setServiceState(host.name, service, 0, `${service} OK`);
  await testbed.waitForIdo();
}, 240_000);

afterAll(async () => {
  await testbed?.stop();
}, 60_000);

describe("reading a real Icinga 2", () => {
  it("the API and the IDO (templates from host groups or a custom variable) give the same hosts, templates and checks", async () => {
    const api = createIcingaApiSource(apiSettings());
    const ido = createIcingaIdoSource(idoSettings());
    try {
      const [fromApi, fromIdo] = [withoutMarker(await api.readFull()), withoutMarker(await ido.readFull())];
      expect(fromApi.hosts.find((host) => host.name === "web1")).toEqual({
        name: "web1",
        alias: "Web one",
        address: "10.0.0.1",
        hostGroups: ["site-london", "template-web-server"],
        hostTemplates: [{ name: "web-server", priority: 1 }],
        keywords: [],
      });
      expect(fromApi.checks.find((check) => check.host === "web1" && check.name === "HTTP")).toMatchObject({
        state: "OK",
        stateType: "HARD",
        acknowledged: false,
        inDowntime: false,
        output: "HTTP OK",
        hostTemplates: ["web-server"],
        serviceGroups: ["Customer facing", "Web"],
      });
      expect(fromApi.checks.map((check) => [check.host, check.name, check.serviceGroups])).toEqual([
        ["db1", "MySQL", []],
        ["web1", "HTTP", ["Customer facing", "Web"]],
        ["web1", "Load", ["Operating system"]],
        ["web2", "HTTP", ["Customer facing", "Web"]],
        ["web2", "Load", ["Operating system"]],
      ]);
      expect(fromIdo.hosts).toEqual(fromApi.hosts);
      // Icinga's API and its IDO round last_state_change differently (float vs DATETIME seconds).
      const comparable = (checks: SourceServiceCheck[]) => checks.map((check) => ({ ...check, lastStateChange: Math.floor((check.lastStateChange ?? 0) / 1000) }));
      expect(comparable(fromIdo.checks)).toEqual(comparable(fromApi.checks));

      const byVariable = createIcingaIdoSource(idoSettings("custom-variable"));
      try {
        const fromVariable = withoutMarker(await byVariable.readFull());
        expect(fromVariable.hosts).toEqual(fromApi.hosts);
        expect(comparable(fromVariable.checks)).toEqual(comparable(fromApi.checks));
      } finally {
        await byVariable.close();
      }
    } finally {
      await Promise.all([api.close(), ido.close()]);
    }
  });

  it("an incremental API read returns just the changed check, and a downtime's end", async () => {
    const source = createIcingaApiSource(apiSettings());
    const api = changesSeenByPoller(source);
    try {
      const full = await api.readFull();
      await testbed.setServiceState("db1", "MySQL", 1, "slow queries");
      const changed = await api.readChanges(full.cursor);
      expect(changed.serviceChecks.map((check) => [check.host, check.name, check.state, check.output])).toEqual([["db1", "MySQL", "WARNING", "slow queries"]]);
      expect(changed.hosts).toEqual([]);

      await testbed.scheduleDowntime("db1", "MySQL", 10);
      const inDowntime = await api.readChanges(changed.cursor);
      expect(inDowntime.serviceChecks.map((check) => [check.name, check.inDowntime])).toEqual([["MySQL", true]]);
      await testbed.removeDowntime("db1", "MySQL");
      const downtimeOver = await api.readChanges(inDowntime.cursor);
      expect(downtimeOver.serviceChecks.map((check) => [check.name, check.inDowntime])).toEqual([["MySQL", false]]);
      const quiet = await api.readChanges(downtimeOver.cursor);
      expect(quiet.serviceChecks).toEqual([]);

      // A cursor this instance did not issue last means a full resync.
      expect((await api.readChanges(full.cursor)).read.serviceChecks.length).toBe(full.serviceChecks.length);
    } finally {
      await testbed.setServiceState("db1", "MySQL", 0, "MySQL OK");
      await source.close();
    }
  });

  it("Test connection reports what it found, for either door", async () => {
    const api = await testIcingaApiConnection(apiSettings());
    expect(api).toEqual({ ok: true, message: expect.stringMatching(/^Connected to Icinga 2 API at https:\/\/127\.0\.0\.1:\d+ \(Icinga 2 r?2\.\d+.*\) as "bsm": 4 hosts, 6 service checks, 2 host templates in use$/) });
    const ido = await testIcingaIdoConnection(idoSettings().main);
    expect(ido).toEqual({ ok: true, message: expect.stringMatching(/: database icinga readable, 6 active service checks$/) });
  });

  it("refuses an untrusted or misnamed certificate unless told otherwise, and a wrong password, in one line without the password", async () => {
    const untrusted = await testIcingaApiConnection(apiSettings({ caFile: null, tlsServerName: null }));
    expect(untrusted).toEqual({ ok: false, message: expect.stringContaining("the certificate is not trusted (set a CA file, or accept self-signed certificates)") });
    const misnamed = await testIcingaApiConnection(apiSettings({ tlsServerName: null }));
    expect(misnamed).toEqual({ ok: false, message: expect.stringContaining("set the TLS server name to the name in the certificate") });
    expect((await testIcingaApiConnection(apiSettings({ caFile: null, tlsServerName: null, acceptSelfSigned: true }))).ok).toBe(true);

    const password = "not-the-password-4711";
    const refused = await testIcingaApiConnection(apiSettings({ password }));
    expect(refused).toEqual({ ok: false, message: 'Icinga 2 API: login rejected for user "bsm" (HTTP 401); check the user name and password' });
    const missingCa = await testIcingaApiConnection(apiSettings({ caFile: "/nonexistent/ca.crt" }));
    expect(missingCa).toEqual({ ok: false, message: "Icinga 2 API: cannot read the CA file /nonexistent/ca.crt (ENOENT)" });
    const wrongIdoPassword = await testIcingaIdoConnection({ ...idoSettings().main, password });
    expect(wrongIdoPassword.ok).toBe(false);
    expect(wrongIdoPassword.message).toContain("access denied");
    for (const result of [untrusted, misnamed, refused, wrongIdoPassword]) {
      expect(result.message).not.toContain(password);
      expect(result.message).not.toContain(testbed.apiPassword);
      expect(result.message).not.toContain("\n");
    }
  });
});

describe("BSM states follow a real Icinga 2 through both doors", () => {
  type Door = { name: string; database: Awaited<ReturnType<typeof openFreshDatabase>>; poller: RunningPoller | null; serviceId: number };
  const doors: Door[] = [];

  async function openDoor(name: string, runtime: "pglite" | "postgres", source: MonitoringSource): Promise<Door> {
    const database = await openFreshDatabase(runtime);
    await database.migrate();
    const hosts = (await source.readFull()).hosts;
    await seedConfigurationIfEmpty(
      database,
      {
        hosts,
        components: [
          { name: "Web pool", hostTemplate: "web-server", hosts: ["web1", "web2"], requiredOnline: 2 },
          { name: "Database", hostTemplate: "db-server", hosts: ["db1"], requiredOnline: 1 },
        ],
        businessServices: [{ name: "Shop", components: ["Web pool", "Database"] }],
      },
      Date.now(),
    );
    const service = await database.prisma.businessService.findUniqueOrThrow({ where: { name: "Shop" } });
    const poller = runPoller({ database, source, pollIntervalMs: POLL_INTERVAL_MS, leadership: singleProcessLeadership(), log: () => {} });
    return { name, database, poller, serviceId: service.id };
  }

  async function shopStatus(door: Door) {
    const row = await door.database.prisma.bsmObjectStatus.findUnique({
      where: { objectType_objectKey: { objectType: "BUSINESS_SERVICE", objectKey: String(door.serviceId) } },
    });
    return row ? { state: row.state, acknowledged: row.acknowledged } : null;
  }

  /** Waits until every door shows the expected status; fails naming the door and what it showed instead. */
  async function expectShopToFollow(expected: { state: string; acknowledged: boolean }, changedAt: number) {
    const deadline = changedAt + POLL_INTERVAL_MS + FOLLOW_SLACK_MS;
    for (const door of doors) {
      let seen = await shopStatus(door);
      while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        seen = await shopStatus(door);
      }
      expect({ door: door.name, status: seen }).toEqual({ door: door.name, status: expected });
    }
  }

  beforeAll(async () => {
    doors.push(await openDoor("Icinga 2 API on PGlite", "pglite", createIcingaApiSource(apiSettings())));
    doors.push(await openDoor("Icinga IDO on PostgreSQL", "postgres", createIcingaIdoSource(idoSettings())));
  }, 120_000);

  afterAll(async () => {
    for (const door of doors) {
      await door.poller?.stop();
      await door.database.dropDatabase();
    }
  }, 60_000);

  it("critical, acknowledged, in downtime, downtime over, recovered", async () => {
    await expectShopToFollow({ state: "OPERATIONAL", acknowledged: false }, Date.now());

    let changedAt = Date.now();
    await testbed.setServiceState("web1", "HTTP", 2, "connection refused");
    await expectShopToFollow({ state: "OFFLINE", acknowledged: false }, changedAt);

    changedAt = Date.now();
    await testbed.acknowledge("web1", "HTTP");
    await expectShopToFollow({ state: "OFFLINE", acknowledged: true }, changedAt);

    changedAt = Date.now();
    await testbed.removeAcknowledgement("web1", "HTTP");
    await testbed.scheduleDowntime("web1", "HTTP", 30);
    await expectShopToFollow({ state: "DOWNTIME", acknowledged: false }, changedAt);

    changedAt = Date.now();
    await testbed.removeDowntime("web1", "HTTP");
    await expectShopToFollow({ state: "OFFLINE", acknowledged: false }, changedAt);

    changedAt = Date.now();
    await testbed.setServiceState("web1", "HTTP", 0, "HTTP OK");
    await expectShopToFollow({ state: "OPERATIONAL", acknowledged: false }, changedAt);

    // The database component alone: a WARNING never fails a host, a CRITICAL does.
    changedAt = Date.now();
    await testbed.setServiceState("db1", "MySQL", 1, "slow");
    await testbed.setServiceState("db1", "MySQL", 2, "down");
    await expectShopToFollow({ state: "OFFLINE", acknowledged: false }, changedAt);
    for (const door of doors) {
      const component = await door.database.prisma.component.findUniqueOrThrow({ where: { name: "Database" } });
      const row = await door.database.prisma.bsmObjectStatus.findUnique({
        where: { objectType_objectKey: { objectType: "COMPONENT", objectKey: String(component.id) } },
      });
      expect({ door: door.name, state: row?.state }).toEqual({ door: door.name, state: "FAILED" });
    }
  });
});

describe("the testbed", () => {
  it("stops Icinga 2 (umbrella process and worker) and MariaDB and removes their directories", async () => {
    const group = testbed.processGroup;
    expect(group).toBeGreaterThan(0);
    await testbed.stop();
    expect(liveProcessesInGroup(group)).toEqual([]);
    expect(testbed.mariadb.isRunning()).toBe(false);
    expect(existsSync(testbed.baseDir)).toBe(false);
  });
});
