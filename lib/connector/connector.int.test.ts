import { beforeEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import { createAccess, NO_GRANTS, type Access, type Grants } from "../auth/access";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors/app-error";
import { Poller } from "../poller/poller";
import type { EstateDelta } from "../poller/detect-changes";
import { upsertHosts } from "../poller/estate-store";
import type { ReflectionMode } from "../reflect";
import { createSimulatedSource } from "../sources/simulated";
import type { ConnectorContext } from "./context";
import {
  createReflectAfterPollStep,
  getHostElement,
  listExportSettings,
  listOverview,
  reflectAllHosts,
  reflectChangedHostsAfterPoll,
  reflectOneHost,
  setHostExport,
  setHostTypeExportState,
  setReflectionMode,
  NO_HOST_TYPE,
} from "./index";

const START = Date.parse("2026-11-29T08:00:00Z");
const EMPTY_ESTATE = { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() };

function accessWith(grants: Partial<Grants>): Access {
  return createAccess({ ...NO_GRANTS, bsmAccess: true, viewAll: true, ...grants }, EMPTY_ESTATE);
}

/** A poll's delta that writes `write` (host name → type; "" for a host without templates) and removes `removed`. */
function pollDelta(write: Record<string, string>, removed: string[] = []): EstateDelta {
  return {
    hostsToWrite: Object.entries(write).map(([name, type]) => ({
      name,
      alias: name,
      address: "10.0.0.1",
      hostGroups: [],
      keywords: [],
      hostTemplates: type === "" ? [] : [{ name: type, priority: 1 }, { name: "Base OS", priority: 2 }],
    })),
    removedHosts: removed,
    checksToWrite: [],
    removedChecks: [],
    history: [],
    skipped: [],
  };
}

describe.each(RUNTIMES)("host reflection persisted on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let database: FreshDatabase;
  let admin: ConnectorContext;
  let configurer: ConnectorContext;
  let viewer: ConnectorContext;
  let clock: number;

  const poll = (write: Record<string, string>, removed: string[] = []) => {
    clock += 1000;
    return reflectChangedHostsAfterPoll({ database, delta: pollDelta(write, removed), now: clock });
  };
  const record = (host: string) => database.prisma.reflectedHost.findUniqueOrThrow({ where: { host }, include: { element: true } });
  const auditActions = async () => (await database.prisma.auditEntry.findMany({ orderBy: { id: "asc" } })).map((entry) => `${entry.action} ${entry.target}`);

  beforeEach(async () => {
    database = await freshDatabase();
    clock = START;
    const user = async (email: string) => ({ id: (await database.prisma.user.create({ data: { email, name: email, passwordHash: "x" } })).id, email });
    admin = { prisma: database.prisma, user: await user("admin@test"), access: accessWith({ isAdmin: true }) };
    configurer = { prisma: database.prisma, user: await user("configurer@test"), access: accessWith({ configureBsmComponents: true }) };
    viewer = { prisma: database.prisma, user: await user("viewer@test"), access: accessWith({}) };
  });

  it("lets a configurer without VIEWALL toggle, Reflect and open the hosts the Overview shows them, though the hosts are in no component", async () => {
    const delta = pollDelta({ "web-01": "Web", "web-02": "Web", "db-01": "Database" });
    const grouped = delta.hostsToWrite.map((host) => ({ ...host, hostGroups: [host.name.startsWith("web-") ? "Web" : "Db"] }));
    await database.withConnection((connection) => connection.transaction((tx) => upsertHosts(tx, grouped, clock)));
    await poll({ "web-01": "Web", "web-02": "Web", "db-01": "Database" });
    // The estate access knows holds no host: none of them is in a component.
    const webConfigurer: ConnectorContext = {
      ...configurer,
      access: createAccess({ ...NO_GRANTS, bsmAccess: true, configureBsmComponents: true, hostGroups: ["Web"] }, EMPTY_ESTATE),
    };

    const overview = await listOverview(database.prisma, webConfigurer.access, { q: "", sort: "host", dir: "asc", page: 1 });
    expect(overview.rows.map((row) => row.host)).toEqual(["web-01", "web-02"]);

    expect(await setHostExport(webConfigurer, { host: "web-01", exportEnabled: true }, clock)).toMatchObject({ changed: true });
    expect(await reflectOneHost(webConfigurer, { host: "web-01" }, clock)).toMatchObject({ hostsChanged: 1, created: 1 });
    expect(await getHostElement(database.prisma, webConfigurer.access, "web-01")).toMatchObject({ host: "web-01", elementType: "Web" });

    await setHostExport(admin, { host: "web-02", exportEnabled: true }, clock);
    await setHostExport(admin, { host: "db-01", exportEnabled: true }, clock);
    expect(await reflectAllHosts(webConfigurer, clock)).toMatchObject({ hostsChanged: 1, created: 1 });
    expect(await record("web-02")).toMatchObject({ pending: false, element: { hostType: "Web" } });
    expect(await record("db-01")).toMatchObject({ pending: true, element: null });

    // A host outside the role stays as hidden as before: not found, never changed.
    await expect(setHostExport(webConfigurer, { host: "db-01", exportEnabled: false }, clock)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reflectOneHost(webConfigurer, { host: "db-01" }, clock)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getHostElement(database.prisma, webConfigurer.access, "db-01")).toBeNull();
    expect(await record("db-01")).toMatchObject({ exportEnabled: true, pending: true });
  });

  it("records every new host with export off, and a toggle then Reflect makes its element once however often it is clicked", async () => {
    await poll({ "web-01": "Web", "mq-01": "Queue", "sw-01": "Cisco", "bare-01": "" });
    expect(await record("web-01")).toMatchObject({ hostType: "Web", status: "Ok", exportEnabled: false, pending: false, element: null });
    expect(await record("mq-01")).toMatchObject({ status: "Ok", pending: false });
    // Every template the source reports is a supported type; only a host without one is Detected.
    expect(await record("sw-01")).toMatchObject({ hostType: "Cisco", status: "Ok", pending: false });
    expect(await record("bare-01")).toMatchObject({ hostType: NO_HOST_TYPE, status: "Detected", pending: false });

    expect(await setHostExport(configurer, { host: "web-01", exportEnabled: true }, clock)).toMatchObject({ changed: true });
    expect(await record("web-01")).toMatchObject({ exportEnabled: true, pending: true, element: null });

    const results = await Promise.all([reflectOneHost(configurer, { host: "web-01" }), reflectOneHost(configurer, { host: "web-01" })]);
    expect(results.map((result) => result.created).sort()).toEqual([0, 1]);
    expect(await database.prisma.hostElement.count()).toBe(1);
    expect(await record("web-01")).toMatchObject({ pending: false, status: "Ok", element: { hostType: "Web" } });
    expect(await auditActions()).toEqual(["host.export host:web-01", "reflect.host host:web-01"]);
    const history = await database.prisma.hostReflectEvent.findMany({ where: { host: "web-01" }, orderBy: { id: "asc" } });
    expect(history.map((event) => `${event.kind} ${event.cause} ${event.userEmail}`)).toEqual([
      "export.on user configurer@test",
      "element.create reflect configurer@test",
    ]);

    // NA host types never get an element, however the flag is set.
    await setHostExport(configurer, { host: "mq-01", exportEnabled: true });
    expect(await record("mq-01")).toMatchObject({ pending: false });
  });

  it.each<[ReflectionMode, { changedKeepsOldElement: boolean; removedKeepsElement: boolean }]>([
    ["MANUAL", { changedKeepsOldElement: true, removedKeepsElement: true }],
    ["SEMI_AUTOMATIC", { changedKeepsOldElement: false, removedKeepsElement: true }],
    ["AUTOMATIC", { changedKeepsOldElement: false, removedKeepsElement: false }],
  ])("across polls in %s mode: new hosts, a type change the settings forbid, a removed host", async (mode, expected) => {
    await setReflectionMode(admin, { mode });
    await poll({ "web-01": "Web", "web-02": "Web", "db-01": "Database" }, []);
    for (const host of ["web-01", "web-02", "db-01"]) await setHostExport(configurer, { host, exportEnabled: true });
    await reflectAllHosts(configurer);
    expect(await database.prisma.hostElement.count()).toBe(3);

    // A new host whose flag is off gets no element; a new host never pending.
    await poll({ "web-03": "Web" });
    expect(await record("web-03")).toMatchObject({ status: "Ok", pending: false, element: null });

    // web-01 becomes a Cache host after Web was turned OFF: deleting the old element is not allowed in Manual.
    await setHostTypeExportState(configurer, { hostType: "Web", state: "OFF" });
    expect(await record("web-02")).toMatchObject({ pending: true, status: "Ok" });
    await poll({ "web-01": "Cache" });
    const changed = await record("web-01");
    expect(changed.status).toBe("Changed");
    expect(changed.element?.hostType).toBe(expected.changedKeepsOldElement ? "Web" : "Cache");
    expect(changed.pending).toBe(expected.changedKeepsOldElement);

    // db-01 leaves the source.
    await poll({}, ["db-01"]);
    const removed = await record("db-01");
    expect(removed).toMatchObject({ status: "Removed", removed: true });
    expect(removed.element !== null).toBe(expected.removedKeepsElement);
    expect(removed.pending).toBe(expected.removedKeepsElement);

    // An unchanged host is never touched by a poll: web-02 stays pending with its element.
    await poll({ "web-02": "Web" });
    expect(await record("web-02")).toMatchObject({ pending: true, element: { hostType: "Web" } });

    // Reflect All settles every pending host: web-02's element goes, db-01's too, web-01 gets a Cache element.
    await reflectAllHosts(configurer);
    expect(await database.prisma.reflectedHost.count({ where: { pending: true } })).toBe(0);
    const elements = await database.prisma.hostElement.findMany({ orderBy: { host: "asc" } });
    expect(elements.map((element) => `${element.host}:${element.hostType}`)).toEqual(["web-01:Cache"]);

    // Clicking Reflect All again changes nothing and is not audited again.
    const auditCount = await database.prisma.auditEntry.count();
    expect(await reflectAllHosts(configurer)).toMatchObject({ hostsChanged: 0, created: 0, deleted: 0 });
    expect(await database.prisma.auditEntry.count()).toBe(auditCount);
  });

  it("a host that comes back with its old type and export on gets its element again", async () => {
    await poll({ "web-01": "Web" });
    await setHostExport(configurer, { host: "web-01", exportEnabled: true });
    await reflectOneHost(configurer, { host: "web-01" });
    await setReflectionMode(admin, { mode: "AUTOMATIC" });
    await poll({}, ["web-01"]);
    expect(await record("web-01")).toMatchObject({ status: "Removed", element: null, pending: false });
    await poll({ "web-01": "Web" });
    expect(await record("web-01")).toMatchObject({ status: "Ok", removed: false, exportEnabled: true, element: { hostType: "Web" } });
  });

  it("an element the database refuses to store shows Error with the reason and the host stays pending", async () => {
    await poll({ "web-01": "Web", "web-02": "Web" });
    await database.withConnection((connection) =>
      connection.exec(`
        CREATE FUNCTION refuse_web_02() RETURNS trigger AS $$ BEGIN
          IF NEW.host = 'web-02' THEN RETURN NULL; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER refuse_web_02 BEFORE INSERT ON "HostElement" FOR EACH ROW EXECUTE FUNCTION refuse_web_02();`),
    );
    for (const host of ["web-01", "web-02"]) await setHostExport(configurer, { host, exportEnabled: true });
    const result = await reflectAllHosts(configurer);
    expect(result).toMatchObject({ created: 1, failed: [{ host: "web-02" }] });
    expect(await record("web-01")).toMatchObject({ status: "Ok", pending: false });
    const failed = await record("web-02");
    expect(failed).toMatchObject({ status: "Error", pending: true, element: null });
    expect(failed.message).toContain("could not create the host element");
    // The error stays through polls that do not touch the host.
    await poll({ "web-01": "Web" });
    expect(await record("web-02")).toMatchObject({ status: "Error", pending: true });
  });

  it("applies nothing when the database fails part-way through Reflect All", async () => {
    await poll({ "web-01": "Web", "web-02": "Web", "web-03": "Web" });
    for (const host of ["web-01", "web-02", "web-03"]) await setHostExport(configurer, { host, exportEnabled: true });
    await database.withConnection((connection) =>
      connection.exec(`
        CREATE FUNCTION fail_web_02() RETURNS trigger AS $$ BEGIN
          IF NEW.host = 'web-02' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER fail_web_02 BEFORE INSERT ON "HostElement" FOR EACH ROW EXECUTE FUNCTION fail_web_02();`),
    );
    const auditsBefore = await database.prisma.auditEntry.count();
    const historyBefore = await database.prisma.hostReflectEvent.count();
    // PostgreSQL names the cause; the PGlite adapter loses the message on the way.
    await expect(reflectAllHosts(configurer)).rejects.toThrow(runtime === "postgres" ? /disk full/ : /Raw query failed/);
    expect(await database.prisma.hostElement.count()).toBe(0);
    expect(await database.prisma.reflectedHost.count({ where: { pending: true } })).toBe(3);
    expect(await database.prisma.auditEntry.count()).toBe(auditsBefore);
    expect(await database.prisma.hostReflectEvent.count()).toBe(historyBefore);
  });

  it("checks permissions and input before changing anything", async () => {
    await poll({ "web-01": "Web", "mq-01": "Queue" });
    await expect(setHostExport(viewer, { host: "web-01", exportEnabled: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reflectOneHost(viewer, { host: "web-01" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reflectAllHosts(viewer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setHostTypeExportState(viewer, { hostType: "Web", state: "OFF" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setReflectionMode(configurer, { mode: "AUTOMATIC" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setHostExport(configurer, { host: "web-01", exportEnabled: "yes" })).rejects.toBeInstanceOf(ValidationError);
    await expect(setHostTypeExportState(configurer, { hostType: "Queue", state: "ON" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setHostTypeExportState(configurer, { hostType: "Web", state: "NA" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setHostTypeExportState(admin, { hostType: "Web", state: "SOMETIMES" })).rejects.toBeInstanceOf(ValidationError);
    await expect(setHostTypeExportState(configurer, { hostType: "Cisco", state: "ON" })).rejects.toThrow(/not supported/);
    await expect(setReflectionMode(admin, { mode: "SOMETIMES" })).rejects.toBeInstanceOf(ValidationError);
    await expect(reflectOneHost(configurer, { host: "nope" })).rejects.toThrow(/no host called nope/);
    expect(await database.prisma.auditEntry.count()).toBe(0);
    expect(await record("web-01")).toMatchObject({ exportEnabled: false, pending: false });
  });

  it("lists every host type the source reports, a later one at ON, and lets only administrators set or undo NA", async () => {
    const first = { "web-01": "Web", "mq-01": "Queue" };
    await database.withConnection((connection) => connection.transaction((tx) => upsertHosts(tx, pollDelta(first).hostsToWrite, clock)));
    await poll(first);
    const states = async () => Object.fromEntries((await listExportSettings(database.prisma)).map((row) => [row.hostType, `${row.state} ${row.hosts}/${row.elements}`]));
    // "Queue" keeps the NA the fixed list gave it (a stored choice since the migration); "Base OS" is no host's primary type.
    expect(await states()).toEqual({ "Base OS": "ON 0/0", Queue: "NA 1/0", Web: "ON 1/0" });

    // A poll's new type counts before its templates are stored.
    await poll({ "sw-01": "Cisco switch" });
    expect((await states())["Cisco switch"]).toBe("ON 1/0");

    await setHostExport(configurer, { host: "sw-01", exportEnabled: true });
    await reflectAllHosts(configurer);
    expect(await record("sw-01")).toMatchObject({ pending: false, element: { hostType: "Cisco switch" } });
    expect(await setHostTypeExportState(admin, { hostType: "Cisco switch", state: "NA" })).toEqual({ changed: true, pendingHosts: 1 });
    expect((await states())["Cisco switch"]).toBe("NA 1/1");
    await reflectAllHosts(configurer);
    expect(await record("sw-01")).toMatchObject({ pending: false, element: null });

    await expect(setHostTypeExportState(configurer, { hostType: "Cisco switch", state: "ON" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await setHostTypeExportState(admin, { hostType: "Cisco switch", state: "OFF" })).toMatchObject({ changed: true });
    expect(await setHostTypeExportState(configurer, { hostType: "Cisco switch", state: "ON" })).toEqual({ changed: true, pendingHosts: 1 });
    const audit = await database.prisma.auditEntry.findMany({ where: { action: "export-settings.update" }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.target, entry.detail])).toEqual([
      ["host-type:Cisco switch", { from: "ON", to: "NA" }],
      ["host-type:Cisco switch", { from: "NA", to: "OFF" }],
      ["host-type:Cisco switch", { from: "OFF", to: "ON" }],
    ]);
  });

  it("reflects after every poll of the simulated estate and lists the Overview page by page", async () => {
    const source = createSimulatedSource({ seed: 7, hosts: 60, businessServices: 6, eventsPerHour: 600, now: () => clock, startedAt: START });
    const logged: string[] = [];
    const poller = new Poller({ database, source, pollIntervalMs: 10_000, now: () => clock, afterPoll: [createReflectAfterPollStep()], log: (line) => logged.push(line) });
    expect(await poller.runCycle()).toMatchObject({ ok: true, read: "full" });
    const hosts = (await source.readFull()).hosts;
    expect(await database.prisma.reflectedHost.count()).toBe(hosts.length);
    clock += 10_000;
    expect(await poller.runCycle()).toMatchObject({ ok: true, read: "changes" });
    expect(logged.filter((line) => line.includes("step after the poll"))).toEqual([]);

    const first = await listOverview(database.prisma, configurer.access, { q: "", sort: "host", dir: "asc", page: 1 });
    expect(first.total).toBe(hosts.length);
    expect(first.rows.map((row) => row.host)).toEqual(hosts.map((host) => host.name).sort().slice(0, 50));
    const webOnly = await listOverview(database.prisma, configurer.access, { q: "web-", sort: "type", dir: "desc", page: 1 });
    expect(webOnly.rows.every((row) => row.host.startsWith("web-"))).toBe(true);
    const noAccess = createAccess({ ...NO_GRANTS, bsmAccess: true, hostGroups: ["nothing"] }, EMPTY_ESTATE);
    expect((await listOverview(database.prisma, noAccess, { q: "", sort: "host", dir: "asc", page: 1 })).total).toBe(0);
  });
});
