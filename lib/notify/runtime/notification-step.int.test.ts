import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener, type FreshDatabase } from "@/tests/support/databases";
import type { StoredMethod } from "../profiles/profile-input";
import { NotificationDeliveryWorker, INTERRUPTED_DELIVERY_ERROR } from "./delivery-worker";
import { createNotificationStep } from "./notification-step";
import { createScriptedSource, createTestPoller, nextWholeMinute, seedTestEstate, type TestEstate } from "./test-estate";

const MINUTE = 60_000;
const NO_WAIT_RETRIES = { maxAttempts: 2, initialDelayMs: 0, backoffFactor: 1, maxDelayMs: 0 };

/** A real program: node writes its whole environment to the file named by its argument. */
function writeEnvironmentTo(file: string): Extract<StoredMethod, { kind: "command" }> {
  return {
    kind: "command",
    argv: [process.execPath, "-e", "require('fs').writeFileSync(process.argv[1], JSON.stringify(process.env))", file],
    timeoutSeconds: 30,
    settings: { PRIORITY: "high", "ROOM": "ops 1" },
    contactVariables: ["SLACK_CHANNEL", "PHONE"],
  };
}

/** Appends "TYPE NUMBER STATE" per notification, so a repeat would show as a duplicate line. */
function appendNotificationTo(file: string): StoredMethod {
  return {
    kind: "command",
    argv: [
      process.execPath,
      "-e",
      "const e = process.env; require('fs').appendFileSync(process.argv[1], `${e.OPSVIEW_NOTIFICATIONTYPE} ${e.OPSVIEW_NOTIFICATIONNUMBER} ${e.OPSVIEW_STATE}\\n`)",
      file,
    ],
    timeoutSeconds: 30,
    settings: {},
    contactVariables: [],
  };
}

async function createProfile(database: FreshDatabase, estate: TestEstate, overrides: Partial<Prisma.NotificationProfileUncheckedCreateInput> & { methods: StoredMethod[] }) {
  return database.prisma.notificationProfile.create({
    data: {
      name: "Shop on call",
      ownerId: estate.adminId,
      businessServiceIds: [estate.serviceId],
      componentIds: [],
      triggers: ["offline"],
      availabilityThreshold: 99,
      sendRecovery: true,
      renotifyMinutes: 0,
      alertFrom: 1,
      stopAlertAfter: 0,
      timePeriod: "24x7",
      includeNotes: true,
      ...overrides,
      methods: overrides.methods as unknown as Prisma.InputJsonValue,
    },
  });
}

describe.each(RUNTIMES)("notifications from the poller on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);
  let database: FreshDatabase;
  let directory: string;

  afterEach(async () => {
    rmSync(directory, { recursive: true, force: true });
  });

  async function setUp() {
    database = await freshDatabase();
    directory = mkdtempSync(join(tmpdir(), "notify-step-"));
    const estate = await seedTestEstate(database);
    return { estate, source: createScriptedSource(), clock: { now: nextWholeMinute() } };
  }

  function startServer(clock: { now: number }, source: ReturnType<typeof createScriptedSource>) {
    const worker = new NotificationDeliveryWorker(database, { now: () => clock.now, retryPolicy: NO_WAIT_RETRIES });
    const poller = createTestPoller(database, source, clock, [createNotificationStep(database, { worker, timeZone: "UTC" })]);
    return { worker, poller };
  }

  it("runs a real script method from a poll with every OPSVIEW_* variable set as specified", async () => {
    const { estate, source, clock } = await setUp();
    const file = join(directory, "environment.json");
    const nagiosFile = join(directory, "nagios.json");
    const viaNagios = writeEnvironmentTo(nagiosFile);
    await createProfile(database, estate, {
      methods: [writeEnvironmentTo(file), { ...viaNagios, argv: ["notify_via_nagios", ...viaNagios.argv] }],
    });
    await database.prisma.notificationContact.create({
      data: { userId: estate.adminId, pager: "+44 7700 900123", variables: { SLACK_CHANNEL: "#shop-ops", UNUSED: "x" } },
    });
    await database.prisma.businessService.update({ where: { id: estate.serviceId }, data: { notes: "Call the shop team <on call> & check the runbook\nPager 42" } });
    const { worker, poller } = startServer(clock, source);

    expect(await poller.runCycle()).toMatchObject({ ok: true });
    await worker.idle();
    expect(await database.prisma.notificationEvent.count()).toBe(0);

    clock.now += 90_000;
    source.setCheck("web-2", "CRITICAL");
    expect(await poller.runCycle()).toMatchObject({ ok: true });
    await worker.idle();

    const deliveries = await database.prisma.notificationDelivery.findMany({ orderBy: { methodIndex: "asc" } });
    expect(deliveries).toMatchObject([0, 1].map(() => ({ status: "SENT", attempts: 1, exitCode: 0, methodKind: "command", recipientName: "Ops Admin" })));
    const minute = Math.floor(clock.now / MINUTE) * MINUTE;
    const at = new Date(minute);
    const environment = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    const opsview = Object.fromEntries(Object.entries(environment).filter(([name]) => name.startsWith("OPSVIEW_")));
    const two = (value: number) => String(value).padStart(2, "0");
    const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const time = `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:00`;
    // The outage began 30 s into the evaluated minute: availability over the window ending then is 100%.
    expect(opsview).toEqual({
      OPSVIEW_OBJECTTYPE: "BSMService",
      OPSVIEW_NAME: "Shop",
      OPSVIEW_ID: String(estate.serviceId),
      OPSVIEW_NOTES: "Call the shop team <on call> & check the runbook\nPager 42",
      OPSVIEW_TIMET: String(minute / 1000),
      OPSVIEW_SHORTDATETIME: `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}T${time}`,
      OPSVIEW_LONGDATETIME: `${days[at.getUTCDay()]} ${months[at.getUTCMonth()]} ${String(at.getUTCDate()).padStart(2, " ")} ${time} UTC ${at.getUTCFullYear()}`,
      OPSVIEW_NOTIFICATIONTYPE: "PROBLEM",
      OPSVIEW_AVAILABILITY: "100",
      OPSVIEW_AVAILABILITY_THRESHOLD: "99",
      OPSVIEW_STATE: "OFFLINE",
      OPSVIEW_STATETEXT: "offline",
      OPSVIEW_NOTIFICATIONNUMBER: "1",
      OPSVIEW_OUTPUT: "PROBLEM: 1 of 1 components failed: BSMService Shop is offline, 100% availability",
      OPSVIEW_DETAIL: "Web servers: FAILED",
      OPSVIEW_CONTACTNAME: "Ops Admin",
      OPSVIEW_CONTACTEMAIL: "ops@example.test",
      OPSVIEW_CONTACTPAGER: "+44 7700 900123",
      OPSVIEW_CONTACT_SLACK_CHANNEL: "#shop-ops",
      OPSVIEW_CONTACT_PHONE: "",
      OPSVIEW_NM_PRIORITY: "high",
      OPSVIEW_NM_ROOM: "ops 1",
    });
    // The Nagios wrapper adds the NAGIOS_* names for existing scripts.
    const nagios = JSON.parse(readFileSync(nagiosFile, "utf8")) as Record<string, string>;
    expect(nagios).toMatchObject({
      ...opsview,
      NAGIOS_NOTIFICATIONTYPE: "PROBLEM",
      NAGIOS_SERVICESTATE: "CRITICAL",
      NAGIOS_SERVICESTATEID: "2",
      NAGIOS_HOSTNAME: "Shop",
      NAGIOS_SERVICEDESC: "BSMService",
      NAGIOS_SERVICEOUTPUT: opsview.OPSVIEW_OUTPUT,
      NAGIOS_NOTIFICATIONNUMBER: "1",
      NAGIOS_CONTACTPAGER: "+44 7700 900123",
      NAGIOS__CONTACTSLACK_CHANNEL: "#shop-ops",
    });
    // Only a safe part of the server's environment is passed on.
    expect(Object.keys(environment).filter((name) => !name.startsWith("OPSVIEW_")).every((name) => ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER", "LOGNAME", "SHELL", "PWD"].includes(name))).toBe(true);
  });

  it("leaves OPSVIEW_NOTES empty when the profile does not include notes, whatever the object's notes", async () => {
    const { estate, source, clock } = await setUp();
    const file = join(directory, "environment.json");
    await createProfile(database, estate, { includeNotes: false, methods: [writeEnvironmentTo(file)] });
    await database.prisma.businessService.update({ where: { id: estate.serviceId }, data: { notes: "Call the shop team" } });
    const { worker, poller } = startServer(clock, source);
    await poller.runCycle();
    clock.now += 90_000;
    source.setCheck("web-2", "CRITICAL");
    await poller.runCycle();
    await worker.idle();
    const environment = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    expect(environment).toMatchObject({ OPSVIEW_NAME: "Shop", OPSVIEW_NOTIFICATIONTYPE: "PROBLEM", OPSVIEW_NOTES: "" });
  });

  it("continues re-notification numbers across a restart in the middle of an outage, losing and repeating nothing", async () => {
    const { estate, source, clock } = await setUp();
    const file = join(directory, "sent.txt");
    const profile = await createProfile(database, estate, { renotifyMinutes: 2, methods: [appendNotificationTo(file)] });
    const start = clock.now;
    const at = (minute: number) => start + minute * MINUTE;

    let server = startServer(clock, source);
    await server.poller.runCycle();
    source.setCheck("web-1", "CRITICAL");
    for (let minute = 1; minute <= 5; minute += 1) {
      clock.now = at(minute) + 5_000;
      await server.poller.runCycle();
      await server.worker.idle();
    }
    expect(readFileSync(file, "utf8")).toBe("PROBLEM 1 OFFLINE\nPROBLEM 2 OFFLINE\nPROBLEM 3 OFFLINE\n");

    // The server is down for minutes 6 to 8, then a new process (no memory) picks up from the database.
    server = startServer(clock, source);
    for (const minute of [9, 10, 11]) {
      clock.now = at(minute) + 5_000;
      await server.poller.runCycle();
      await server.worker.idle();
    }
    source.setCheck("web-1", "OK");
    clock.now = at(12) + 5_000;
    await server.poller.runCycle();
    await server.worker.idle();

    expect(readFileSync(file, "utf8")).toBe(
      "PROBLEM 1 OFFLINE\nPROBLEM 2 OFFLINE\nPROBLEM 3 OFFLINE\nPROBLEM 5 OFFLINE\nPROBLEM 6 OFFLINE\nRECOVERY 1 OPERATIONAL\n",
    );
    const events = await database.prisma.notificationEvent.findMany({ where: { profileId: profile.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [Math.round((event.at.getTime() - start) / MINUTE), event.type, event.number, event.send ? "sent" : event.skipReason])).toEqual([
      [1, "PROBLEM", 1, "sent"],
      [3, "PROBLEM", 2, "sent"],
      [5, "PROBLEM", 3, "sent"],
      [7, "PROBLEM", 4, "missed"],
      [9, "PROBLEM", 5, "sent"],
      [11, "PROBLEM", 6, "sent"],
      [12, "RECOVERY", 1, "sent"],
    ]);
    expect(await database.prisma.notificationDelivery.count({ where: { status: "SENT" } })).toBe(6);
  });

  it("checks availability every minute from the stored history and sends a breach when it drops below the threshold", async () => {
    const { estate, source, clock } = await setUp();
    const file = join(directory, "sent.txt");
    const methods: StoredMethod[] = [
      {
        ...appendNotificationTo(file),
        argv: [process.execPath, "-e", "require('fs').appendFileSync(process.argv[1], `${process.env.OPSVIEW_NOTIFICATIONTYPE} ${process.env.OPSVIEW_AVAILABILITY}\\n`)", file],
      } as StoredMethod,
    ];
    await createProfile(database, estate, { triggers: ["availability"], availabilityThreshold: 99.95, methods });
    const start = clock.now;
    const server = startServer(clock, source);
    await server.poller.runCycle();
    source.setCheck("web-1", "CRITICAL");
    for (const seconds of [30, 60, 90, 120]) {
      clock.now = start + seconds * 1000;
      await server.poller.runCycle();
      await server.worker.idle();
    }
    // Down from 0:30: 30 s of 24 h at minute 1 (99.97%), 90 s at minute 2 (99.9%, below 99.95).
    expect(readFileSync(file, "utf8")).toBe("AVAILABILITY_BREACH 99.9\n");
    const events = await database.prisma.notificationEvent.findMany();
    expect(events).toMatchObject([{ type: "AVAILABILITY_BREACH", state: "OFFLINE", number: 1, availability: 99.9, send: true }]);
  });

  it("sends BUDGET_BURN when an hour spends 2 % of the SLA's monthly budget and BUDGET_RECOVERY once no window is over; objects without an SLA never burn", async () => {
    const { estate, source, clock } = await setUp();
    const file = join(directory, "sent.txt");
    const profile = await createProfile(database, estate, { triggers: ["burn"], componentIds: [estate.componentId], methods: [appendNotificationTo(file)] });
    // 99.8 % of a 28–31-day month: 80.6–89.3 minutes of budget; 2 % of it is at most 107 s, 5 % at least 242 s.
    await database.prisma.slaTarget.create({ data: { objectType: "BUSINESS_SERVICE", objectKey: String(estate.serviceId), targetPercent: 99.8 } });
    const start = clock.now;
    const server = startServer(clock, source);
    const pollAt = async (seconds: number) => {
      clock.now = start + seconds * 1000;
      await server.poller.runCycle();
      await server.worker.idle();
    };
    await server.poller.runCycle();
    source.setCheck("web-1", "CRITICAL");
    // Down from 0:30 to 3:30: 30, 90, then 150 s in the last hour at minutes 1, 2, 3.
    for (const seconds of [30, 60, 120]) await pollAt(seconds);
    expect(await database.prisma.notificationEvent.count()).toBe(0);
    await pollAt(180);
    source.setCheck("web-1", "OK");
    await pollAt(210);
    // At minute 61 the hour still holds 150 s of the outage; at minute 62 only 90 s.
    await pollAt(61 * 60 + 5);
    await pollAt(62 * 60 + 5);

    expect(readFileSync(file, "utf8")).toBe("BUDGET_BURN 1 OFFLINE\nBUDGET_RECOVERY 1 OPERATIONAL\n");
    const events = await database.prisma.notificationEvent.findMany({ where: { profileId: profile.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.objectType, Math.round((event.at.getTime() - start) / MINUTE), event.type, event.send])).toEqual([
      ["BUSINESS_SERVICE", 3, "BUDGET_BURN", true],
      ["BUSINESS_SERVICE", 62, "BUDGET_RECOVERY", true],
    ]);
  });

  it("fails a delivery interrupted by a restart instead of sending it twice, and retries a failing method a bounded number of times", async () => {
    const { estate, source, clock } = await setUp();
    const marker = join(directory, "ran");
    await createProfile(database, estate, {
      methods: [
        { kind: "command", argv: [process.execPath, "-e", "process.stderr.write('no pager gateway'); process.exit(3)"], timeoutSeconds: 30, settings: {}, contactVariables: [] },
        { kind: "command", argv: [process.execPath, "-e", "require('fs').writeFileSync(process.argv[1], 'x')", marker], timeoutSeconds: 30, settings: {}, contactVariables: [] },
      ],
    });
    const first = startServer(clock, source);
    await first.poller.runCycle();
    source.setCheck("web-1", "CRITICAL");
    clock.now += MINUTE;
    // Queue the deliveries, then mark the second as if the process died while it ran.
    const noWorker = new NotificationDeliveryWorker(database, { now: () => clock.now });
    noWorker.kick = () => {};
    await createTestPoller(database, source, clock, [createNotificationStep(database, { worker: noWorker, timeZone: "UTC" })]).runCycle();
    const queued = await database.prisma.notificationDelivery.findMany({ orderBy: { methodIndex: "asc" } });
    expect(queued.map((row) => row.status)).toEqual(["QUEUED", "QUEUED"]);
    await database.prisma.notificationDelivery.update({ where: { id: queued[1].id }, data: { status: "SENDING", attempts: 1 } });

    const restarted = startServer(clock, source);
    clock.now += 10_000;
    await restarted.poller.runCycle();
    await restarted.worker.idle();

    const [failing, interrupted] = await database.prisma.notificationDelivery.findMany({ orderBy: { methodIndex: "asc" } });
    expect(failing).toMatchObject({ status: "FAILED", attempts: 2, exitCode: 3, errorOutput: "no pager gateway" });
    expect(interrupted).toMatchObject({ status: "FAILED", attempts: 1, error: INTERRUPTED_DELIVERY_ERROR });
    expect(existsSync(marker)).toBe(false);
  });

  it("withholds a notification from a recipient who may no longer see the object", async () => {
    const { estate, source, clock } = await setUp();
    const role = await database.prisma.role.create({ data: { name: "Databases only", bsmAccess: true, hostGroups: ["Databases"] } });
    const viewer = await database.prisma.user.create({ data: { email: "dba@example.test", name: "DBA", passwordHash: "unused", roleId: role.id } });
    // The webhook's loopback address is allowed explicitly, so only visibility withholds it.
    await database.prisma.outboundPolicySettings.create({ data: { allow: ["127.0.0.1/32"], deny: [], updatedByEmail: "ops@example.test" } });
    await createProfile(database, estate, {
      ownerId: viewer.id,
      methods: [{ kind: "webhook", url: "http://127.0.0.1:9/never", headers: {}, timeoutSeconds: 1 }],
    });
    const { worker, poller } = startServer(clock, source);
    await poller.runCycle();
    source.setCheck("web-1", "CRITICAL");
    clock.now += MINUTE;
    await poller.runCycle();
    await worker.idle();
    const delivery = await database.prisma.notificationDelivery.findFirstOrThrow();
    expect(delivery).toMatchObject({ status: "WITHHELD", recipientName: "DBA", attempts: 0, error: "DBA may not see this business service" });
    expect(delivery.payload).toEqual({});
  });

  it("fails a webhook to a refused address for good without a request, and delivers once an administrator allows it", async () => {
    const { estate, source, clock } = await setUp();
    let received = 0;
    const receiver = createServer((request, response) => {
      received++;
      request.resume();
      response.writeHead(200).end("internal reply");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = receiver.address() as AddressInfo;
      await createProfile(database, estate, { methods: [{ kind: "webhook", url: `http://127.0.0.1:${port}/hook`, headers: {}, timeoutSeconds: 5 }] });
      const { worker, poller } = startServer(clock, source);
      await poller.runCycle();
      source.setCheck("web-1", "CRITICAL");
      clock.now += MINUTE;
      await poller.runCycle();
      await worker.idle();
      const refused = await database.prisma.notificationDelivery.findFirstOrThrow();
      expect(refused).toMatchObject({ status: "FAILED", attempts: 1, output: "", error: "refused by the outbound policy: 127.0.0.1 is loopback" });
      expect(received).toBe(0);

      await database.prisma.outboundPolicySettings.create({ data: { allow: ["127.0.0.1/32"], deny: [], updatedByEmail: "ops@example.test" } });
      source.setCheck("web-1", "OK");
      clock.now += MINUTE;
      await poller.runCycle();
      await worker.idle();
      const recovery = await database.prisma.notificationDelivery.findFirstOrThrow({ where: { id: { not: refused.id } } });
      expect(recovery).toMatchObject({ status: "SENT", attempts: 1, output: "internal reply", error: null });
      expect(received).toBe(1);
    } finally {
      receiver.closeAllConnections();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
