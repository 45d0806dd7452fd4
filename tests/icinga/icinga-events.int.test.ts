import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesSeenByPoller } from "@/tests/support/changes-seen-by-poller";
import { startBreakableTcpProxy } from "@/tests/support/breakable-tcp-proxy";
import { freshDatabaseOpener } from "@/tests/support/databases";
import { startIcingaTestbed, type IcingaEstate, type IcingaTestbed } from "@/tests/support/icinga-testbed";
import { singleProcessLeadership } from "@/lib/poller/leadership";
import { runPoller } from "@/lib/poller/run-poller";
import { createIcingaApiSource, type IcingaApiSettingsInput, type IcingaApiSourceOptions } from "@/lib/sources/icinga-api";
import type { SourceEvent } from "@/lib/sources/types";

/**
 * The Icinga 2 API source listening to a real Icinga 2's event stream (docs/sources.md §2.5): changes
 * reach the database without waiting for a poll (the poll interval is minutes here), only the services
 * the stream named are read, and after the stream broke the poll still catches what it missed.
 */

const estate: IcingaEstate = {
  hostTemplates: [{ name: "web-server" }, { name: "db-server" }],
  hostGroups: [],
  hosts: [
    { name: "web1", templates: ["web-server"], services: ["HTTP", "Load"] },
    { name: "db1", templates: ["db-server"], services: ["MySQL"] },
  ],
};

/** Long enough that no test here sees a poll, a change-filter sweep or a full resync it did not cause. */
const NEVER_MS = 60 * 60_000;
/** A change must arrive well within this; Icinga 2.13 alone may hold an event for 5 s. */
const ARRIVAL_LIMIT_MS = 20_000;

let testbed: IcingaTestbed;
const freshDatabase = freshDatabaseOpener("pglite");

function apiSettings(overrides: Partial<IcingaApiSettingsInput> = {}): IcingaApiSettingsInput {
  return { baseUrl: testbed.apiUrl, username: testbed.apiUser, password: testbed.apiPassword, caFile: testbed.caFile, tlsServerName: testbed.certificateName, ...overrides };
}

const quietSource = (settings: IcingaApiSettingsInput, options: IcingaApiSourceOptions = {}) =>
  createIcingaApiSource(settings, { fullResyncEveryMs: NEVER_MS, sweepEveryMs: NEVER_MS, ...options });

async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = ARRIVAL_LIMIT_MS): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  testbed = await startIcingaTestbed(estate);
  for (const host of estate.hosts) for (const service of host.services) await testbed.setServiceState(host.name, service, 0, `${service} OK`);
}, 240_000);

afterAll(async () => {
  await testbed?.stop();
}, 60_000);

/** Polls every minutes with the source given, and reads back what the database holds for db1's MySQL. */
async function startPolling(source: ReturnType<typeof createIcingaApiSource>, pollIntervalMs = NEVER_MS) {
  const database = await freshDatabase();
  const running = runPoller({ database, source, pollIntervalMs, leadership: singleProcessLeadership(), log: () => {} });
  const storedOutput = async () =>
    (await database.prisma.serviceCheck.findFirst({ where: { name: "MySQL", host: { name: "db1" } }, select: { output: true } }))?.output ?? null;
  await waitFor("the first poll", async () => (await database.prisma.pollerStatus.findUnique({ where: { id: 1 } }))?.lastSuccessAt);
  return { running, storedOutput };
}

describe("the Icinga 2 event stream", () => {
  it("lets a change read fetch only the services the stream named", async () => {
    // In downtime, web1's Load is in every change-filter read; a read by the stream's names leaves it out.
    await testbed.scheduleDowntime("web1", "Load", 30);
    const source = quietSource(apiSettings(), { eventStreams: { streams: 1 } });
    let signals = 0;
    const stopWatching = source.watch!(() => (signals += 1));
    try {
      await waitFor("the stream to open", () => signals > 0);
      const reads = changesSeenByPoller(source);
      const full = await reads.readFull();
      const before = signals;
      await testbed.setServiceState("db1", "MySQL", 2, "down");
      await waitFor("the stream to announce the change", () => signals > before);
      const changed = await reads.readChanges(full.cursor);
      expect(changed.read.kind).toBe("incremental");
      expect(changed.read.serviceChecks.map((check) => [check.host, check.name, check.state, check.output])).toEqual([["db1", "MySQL", "CRITICAL", "down"]]);
    } finally {
      stopWatching();
      await source.close();
      await testbed.removeDowntime("web1", "Load");
      await testbed.setServiceState("db1", "MySQL", 0, "MySQL OK");
    }
  });

  it("brings a change to the database without waiting for a poll", async () => {
    const source = quietSource(apiSettings());
    const { running, storedOutput } = await startPolling(source);
    try {
      const latencies: number[] = [];
      for (let round = 1; round <= 5; round += 1) {
        const output = `pushed ${round}`;
        const changedAt = Date.now();
        await testbed.setServiceState("db1", "MySQL", round % 2 === 1 ? 2 : 0, output);
        await waitFor(`"${output}" in the database`, async () => (await storedOutput()) === output);
        latencies.push(Date.now() - changedAt);
        await new Promise((resolve) => setTimeout(resolve, 300 + 700 * Math.random()));
      }
      latencies.sort((a, b) => a - b);
      console.log(`change → database through the event stream: median ${latencies[2]} ms (${latencies.join(", ")} ms)`);
    } finally {
      await running.stop();
    }
  });

  it("after the stream broke and came back, the poll catches the change made meanwhile", async () => {
    const proxy = await startBreakableTcpProxy(Number(new URL(testbed.apiUrl).port));
    const events: SourceEvent[] = [];
    const source = quietSource(apiSettings({ baseUrl: `https://127.0.0.1:${proxy.port}` }), {
      eventStreams: { streams: 1, reconnectDelayMs: { first: 200, last: 1_000 } },
      onEvent: (event) => events.push(event),
    });
    const { running, storedOutput } = await startPolling(source);
    try {
      await testbed.setServiceState("db1", "MySQL", 1, "before the outage");
      await waitFor("the stream to deliver a change", async () => (await storedOutput()) === "before the outage");

      proxy.cut();
      await waitFor("the stream to notice", () => events.some((event) => event.message.includes("event stream closed")));
      await testbed.setServiceState("db1", "MySQL", 2, "during the outage");
      // Several reconnect attempts fail meanwhile; the outage is reported once.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await storedOutput()).toBe("before the outage");

      proxy.mend();
      await waitFor("the change made during the outage", async () => (await storedOutput()) === "during the outage");
      expect(events.map((event) => [event.kind, event.message.replace(/\(.*\)/, "(…)")])).toEqual([
        ["info", "Icinga 2 event stream closed (…); reconnecting, polling meanwhile"],
        ["info", "Icinga 2 event stream open again"],
      ]);
    } finally {
      await running.stop();
      await proxy.close();
    }
  });

  it("keeps polling, saying so once, when the user may not open an event stream", async () => {
    const events: SourceEvent[] = [];
    const source = quietSource(apiSettings({ username: testbed.queryOnlyUser.name, password: testbed.queryOnlyUser.password }), {
      eventStreams: { streams: 1, reconnectDelayMs: { first: 100, last: 200 } },
      onEvent: (event) => events.push(event),
    });
    const { running, storedOutput } = await startPolling(source, 500);
    try {
      await testbed.setServiceState("db1", "MySQL", 2, "polled");
      await waitFor("the poll to read the change", async () => (await storedOutput()) === "polled");
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(events).toEqual([
        { at: expect.any(Number), kind: "info", message: expect.stringMatching(/^Icinga 2 event stream closed \(HTTP 40[34] \(does user "bsm-query-only" have permission events\/\*\?\).*; reconnecting, polling meanwhile$/) },
      ]);
      expect(events[0].message).not.toContain(testbed.apiPassword);
    } finally {
      await running.stop();
    }
  });
});
