import type { PrismaClient } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import type { BsmState } from "../bsm";
import { businessServiceRef, componentHostRef, componentRef, type BsmObjectRef } from "../status/bsm-object";
import { availabilityRowsOf } from "../poller/availability-keeper";
import { createRandom } from "../sources/simulated/random";
import { loadAvailability, loadHistory } from "../status/availability";
import { DAY_MS, HOUR_MS } from "../time/calendar";
import { pruneHistory, rollUpHistory, writeCheckpoint, type PruneStatement } from "./job";
import { availabilityOver, bucketedAvailability, problemPeriodsOver, treeStateAt } from "./read";
import { referenceAvailabilityOver, referenceBucketedAvailability, referenceProblemPeriods, referenceTreeStateAt } from "./reference";

// The history job and the fast reads against a real database (PGlite and PostgreSQL): on a generated
// history, the reads from roll-ups, segments and checkpoints equal the reference reads from the raw history.

const T0 = Date.UTC(2026, 10, 1, 0, 17);
const SPAN = 6 * DAY_MS;
const NOW = T0 + SPAN + 3 * HOUR_MS + 123_456;

const CHECK_STATES = ["OK", "OK", "WARNING", "CRITICAL", "CRITICAL", "UNKNOWN"] as const;
const OBJECT_STATES: BsmState[] = ["OPERATIONAL", "DOWNTIME", "FAILED"];

/** Web servers (web1..3, 2 required, created a day in) and Database (db1); Shop uses both, Blog only Web servers. */
async function seed(prisma: PrismaClient, seedNumber: number) {
  const randomness = createRandom(seedNumber);
  const next = () => randomness.next();
  const [web, dbTemplate] = await Promise.all([prisma.hostTemplate.create({ data: { name: "Web" } }), prisma.hostTemplate.create({ data: { name: "DB" } })]);
  const hosts = [];
  for (const name of ["web1", "web2", "web3", "db1"]) hosts.push(await prisma.host.create({ data: { name } }));
  const webServers = await prisma.component.create({
    data: { name: "Web servers", hostTemplateId: web.id, requiredOnline: 2, createdAt: new Date(T0 + DAY_MS + 5_000), hosts: { create: hosts.slice(0, 3).map((host, position) => ({ hostId: host.id, position })) } },
  });
  const database = await prisma.component.create({ data: { name: "Database", hostTemplateId: dbTemplate.id, requiredOnline: 1, createdAt: new Date(T0 - DAY_MS), hosts: { create: [{ hostId: hosts[3]!.id, position: 0 }] } } });
  const shop = await prisma.businessService.create({ data: { name: "Shop", createdAt: new Date(T0 - DAY_MS), components: { create: [{ componentId: webServers.id, position: 0 }, { componentId: database.id, position: 1 }] } } });
  const blog = await prisma.businessService.create({ data: { name: "Blog", createdAt: new Date(T0 + 2 * DAY_MS), components: { create: [{ componentId: webServers.id, position: 0 }] } } });
  const checks: { host: string; name: string; template: string; hostId: number; firstSeen: number }[] = [];
  hosts.forEach((host, index) => {
    const template = index < 3 ? "Web" : "DB";
    checks.push({ host: host.name, name: "HTTP", template, hostId: host.id, firstSeen: T0 });
    // First seen two days in: before it, it did not exist (OK), whatever its status now.
    checks.push({ host: host.name, name: "Disk", template, hostId: host.id, firstSeen: index === 1 ? T0 + 2 * DAY_MS + 777 : T0 });
  });
  const history = [];
  for (const check of checks) {
    let at = check.firstSeen;
    while (at < NOW) {
      history.push({ host: check.host, check: check.name, at: new Date(at), state: CHECK_STATES[Math.floor(next() * CHECK_STATES.length)]!, acknowledged: next() < 0.3, inDowntime: next() < 0.2 });
      at += Math.floor(next() * 10 * HOUR_MS) + 1;
    }
  }
  await prisma.checkStateChange.createMany({ data: history });
  for (const check of checks) {
    const last = history.filter((h) => h.host === check.host && h.check === check.name).at(-1)!;
    await prisma.serviceCheck.create({ data: { hostId: check.hostId, name: check.name, state: last.state, acknowledged: last.acknowledged, inDowntime: last.inDowntime, contributingTemplates: [check.template] } });
  }
  const refs: BsmObjectRef[] = [
    businessServiceRef(shop.id),
    businessServiceRef(blog.id),
    componentRef(webServers.id),
    componentRef(database.id),
    ...hosts.slice(0, 3).map((host) => componentHostRef(webServers.id, host.name)),
    componentHostRef(database.id, "db1"),
    businessServiceRef(9999),
  ];
  // Transitions: a chain per object, plus its current status.
  const transitions = [];
  for (const ref of refs.slice(0, -1)) {
    let state: BsmState = "OPERATIONAL";
    let acknowledged = false;
    let impacted = false;
    let at = T0 + Math.floor(next() * DAY_MS);
    while (at < NOW) {
      const toState = OBJECT_STATES[Math.floor(next() * OBJECT_STATES.length)]!;
      const toAcknowledged = next() < 0.3;
      const toImpacted = next() < 0.3;
      transitions.push({ ...ref, at: new Date(at), fromState: state, toState, fromAcknowledged: acknowledged, toAcknowledged, fromImpacted: impacted, toImpacted });
      [state, acknowledged, impacted] = [toState, toAcknowledged, toImpacted];
      at += Math.floor(next() * 14 * HOUR_MS) + 1;
    }
    await prisma.bsmObjectStatus.create({ data: { ...ref, state, acknowledged, impacted, changedAt: new Date(NOW) } });
  }
  await prisma.bsmTransition.createMany({ data: transitions });
  return { refs, next, checks };
}

async function runJob(prisma: PrismaClient, now: number, maxChunks = Number.POSITIVE_INFINITY) {
  for (let chunks = 0; chunks < maxChunks && (await rollUpHistory(prisma, now)); chunks++);
  while (await writeCheckpoint(prisma, now));
}

function randomWindow(next: () => number) {
  const a = T0 - DAY_MS + Math.floor(next() * (SPAN + 2 * DAY_MS));
  const b = T0 - DAY_MS + Math.floor(next() * (SPAN + 2 * DAY_MS));
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

describe.each(RUNTIMES)("history job and fast reads on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime);

  it.each([
    ["rolled up to the settle horizon", Number.POSITIVE_INFINITY],
    ["rolled up part of the way", 3],
  ])("equal the reference reads, %s", async (_name, maxChunks) => {
    const { prisma } = await freshDatabase();
    const { refs, next } = await seed(prisma, 18);
    await prisma.excludedPeriod.create({ data: { ...refs[0]!, from: new Date(T0 + 2 * DAY_MS + 100), to: new Date(T0 + 3 * DAY_MS + 7 * HOUR_MS), reason: "monitoring fault" } });
    await runJob(prisma, NOW, maxChunks);
    const settings = await prisma.historySettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings.rolledUpTo).not.toBeNull();
    expect(await prisma.bsmRollup.count({ where: { bucket: "DAY" } })).toBeGreaterThan(0);
    for (let round = 0; round < 12; round++) {
      const window = randomWindow(next);
      const query = { ...window, now: NOW, excludeDowntime: round % 2 === 0, applyExcludedPeriods: round % 3 !== 0 };
      expect(await availabilityOver(prisma, refs, query)).toEqual(await referenceAvailabilityOver(prisma, refs, query));
      expect(await problemPeriodsOver(prisma, refs, { ...window, now: NOW })).toEqual(await referenceProblemPeriods(prisma, refs, { ...window, now: NOW }));
      const buckets = Array.from({ length: 8 }, (_, k) => ({ from: window.from + k * 6 * HOUR_MS, to: window.from + (k + 1) * 6 * HOUR_MS }));
      for (const ref of [refs[0]!, refs[4]!]) {
        expect(await bucketedAvailability(prisma, ref, buckets, { now: NOW })).toEqual(await referenceBucketedAvailability(prisma, ref, buckets, { now: NOW }));
      }
    }
    const whole = { from: T0 - DAY_MS, to: NOW, now: NOW };
    expect(await availabilityOver(prisma, refs, whole)).toEqual(await referenceAvailabilityOver(prisma, refs, whole));
  });

  it("reads the not-yet-rolled-up tail from the poller's stored 24-hour timelines when they cover it", async () => {
    const { prisma } = await freshDatabase();
    const { refs, next } = await seed(prisma, 99);
    await runJob(prisma, NOW);
    const report = await loadAvailability(prisma, { now: NOW, includeTimelines: true });
    for (const row of availabilityRowsOf(report)) {
      await prisma.bsmObjectStatus.update({ where: { objectType_objectKey: { objectType: row.objectType, objectKey: row.objectKey } }, data: { timeline: row.timeline as object } });
    }
    await prisma.pollerStatus.create({ data: { sourceKind: "simulated", sourceDescription: "test", availabilityAt: new Date(NOW) } });
    for (let round = 0; round < 6; round++) {
      const window = randomWindow(next);
      const query = { ...window, now: NOW, excludeDowntime: round % 2 === 0 };
      expect(await availabilityOver(prisma, refs, query)).toEqual(await referenceAvailabilityOver(prisma, refs, query));
    }
    // The stored timelines are what is read: change one and the figure follows.
    const shop = refs[0]!;
    await prisma.bsmObjectStatus.update({ where: { objectType_objectKey: { objectType: shop.objectType, objectKey: shop.objectKey } }, data: { timeline: { initial: "OFFLINE", changes: [] } } });
    const rolledUpTo = (await prisma.historySettings.findUniqueOrThrow({ where: { id: 1 } })).rolledUpTo!.getTime();
    const tail = { from: rolledUpTo, to: NOW, now: NOW };
    expect((await availabilityOver(prisma, [shop], tail)).get(`BUSINESS_SERVICE:${shop.objectKey}`)?.failedMs).toBe(NOW - rolledUpTo);

    // Stored as of 100 s ago: objects whose hosts' history changed since are computed from the raw history.
    const earlier = NOW - 100_000;
    await prisma.checkStateChange.create({ data: { host: "db1", check: "HTTP", at: new Date(NOW - 40_000), state: "CRITICAL", acknowledged: false, inDowntime: false } });
    for (const row of availabilityRowsOf(await loadAvailability(prisma, { now: earlier, includeTimelines: true }))) {
      await prisma.bsmObjectStatus.update({ where: { objectType_objectKey: { objectType: row.objectType, objectKey: row.objectKey } }, data: { timeline: row.timeline as object } });
    }
    await prisma.pollerStatus.update({ where: { id: 1 }, data: { availabilityAt: new Date(earlier) } });
    for (const from of [NOW - 3 * HOUR_MS, NOW - 20 * HOUR_MS]) {
      const query = { from, to: NOW, now: NOW };
      expect(await availabilityOver(prisma, refs, query)).toEqual(await referenceAvailabilityOver(prisma, refs, query));
    }

    // With the last history row the timelines saw: history stored after them is new whatever its time, and
    // history dated after their end changes an object only from there on.
    const lastSeen = await prisma.checkStateChange.aggregate({ _max: { id: true } });
    await prisma.pollerStatus.update({ where: { id: 1 }, data: { availabilityHistoryId: lastSeen._max.id } });
    await prisma.checkStateChange.create({ data: { host: "web2", check: "HTTP", at: new Date(NOW - 30_000), state: "CRITICAL", acknowledged: true, inDowntime: false } });
    for (const from of [NOW - 3 * HOUR_MS, NOW - 20 * HOUR_MS]) {
      const query = { from, to: NOW, now: NOW, excludeDowntime: from === NOW - 3 * HOUR_MS };
      expect(await availabilityOver(prisma, refs, query)).toEqual(await referenceAvailabilityOver(prisma, refs, query));
      expect(await problemPeriodsOver(prisma, refs, query)).toEqual(await referenceProblemPeriods(prisma, refs, query));
    }
    await prisma.checkStateChange.create({ data: { host: "web1", check: "Disk", at: new Date(earlier - 20_000), state: "CRITICAL", acknowledged: false, inDowntime: true } });
    for (const from of [NOW - 3 * HOUR_MS, NOW - 20 * HOUR_MS]) {
      const query = { from, to: NOW, now: NOW };
      expect(await availabilityOver(prisma, refs, query)).toEqual(await referenceAvailabilityOver(prisma, refs, query));
      expect(await problemPeriodsOver(prisma, refs, query)).toEqual(await referenceProblemPeriods(prisma, refs, query));
    }
  });

  it("loadHistory gives the changes in the window and, for each current check that changed after its start, the last change before it", async () => {
    const { prisma } = await freshDatabase();
    const { checks } = await seed(prisma, 5);
    const hosts = [...new Set(checks.map((check) => check.host))];
    const current = new Set(checks.map((check) => `${check.host}/${check.name}`));
    const all = await prisma.checkStateChange.findMany({ orderBy: [{ at: "asc" }, { id: "asc" }] });
    for (const from of [T0 - HOUR_MS, T0 + 2 * DAY_MS + 555, NOW - HOUR_MS]) {
      const expected: { host: string; name: string; at: number }[] = [];
      const lastBefore = new Map<string, { host: string; name: string; at: number }>();
      for (const row of all) {
        const entry = { host: row.host, name: row.check, at: row.at.getTime() };
        if (entry.at <= from) {
          if (current.has(`${entry.host}/${entry.name}`)) lastBefore.set(`${entry.host}/${entry.name}`, entry);
        } else if (entry.at <= NOW) expected.push(entry);
      }
      const changedLater = new Set(all.filter((row) => row.at.getTime() > from).map((row) => `${row.host}/${row.check}`));
      expected.push(...[...lastBefore.entries()].filter(([key]) => changedLater.has(key)).map(([, entry]) => entry));
      const sort = (entries: { host: string; name: string; at: number }[]) =>
        entries.map(({ host, name, at }) => ({ host, name, at })).sort((a, b) => a.host.localeCompare(b.host) || a.name.localeCompare(b.name) || a.at - b.at);
      expect(sort(await loadHistory(prisma, hosts, from, NOW))).toEqual(sort(expected));
    }
  });

  it("tree state at a moment from checkpoints equals the replay of every transition", async () => {
    const { prisma } = await freshDatabase();
    const { next } = await seed(prisma, 7);
    await runJob(prisma, NOW);
    expect(await prisma.bsmCheckpoint.count()).toBeGreaterThan(0);
    const midnight = T0 - (T0 % DAY_MS);
    // Early in a day (from that midnight's checkpoint on) and late in one (back from the next midnight's).
    const nearCheckpoints = [1, 2, 3, 4].flatMap((day) => [midnight + day * DAY_MS + 3 * HOUR_MS + 17, midnight + day * DAY_MS + 21 * HOUR_MS - 5]);
    const moments = [T0 - HOUR_MS, T0, T0 + DAY_MS - (T0 % DAY_MS), T0 + 3 * DAY_MS - (T0 % DAY_MS), NOW, ...nearCheckpoints, ...Array.from({ length: 10 }, () => T0 + Math.floor(next() * SPAN))];
    for (const at of moments) expect(await treeStateAt(prisma, at)).toEqual(await referenceTreeStateAt(prisma, at));
  });

  it("pruning keeps each check's last entry before the cutoff, and availability after the cutoff does not change", async () => {
    const { prisma } = await freshDatabase();
    const { refs, checks } = await seed(prisma, 42);
    await runJob(prisma, NOW);
    await prisma.historySettings.update({ where: { id: 1 }, data: { retentionDays: 3 } });
    const cutoff = NOW - 3 * DAY_MS;
    const windows = [{ from: cutoff, to: NOW }, { from: cutoff + 5 * HOUR_MS + 17, to: NOW - 2 * HOUR_MS }];
    const before = await Promise.all(windows.map((window) => referenceAvailabilityOver(prisma, refs, { ...window, now: NOW })));
    const checksBefore = await prisma.checkStateChange.groupBy({ by: ["host", "check"], where: { at: { lt: new Date(cutoff) } } });
    const expired = await prisma.checkStateChange.findMany({ where: { at: { lt: new Date(cutoff) } }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    const latestOfEachCheck = new Map(expired.map((row) => [`${row.host}/${row.check}`, row.id]));
    const transitionsBefore = await prisma.bsmTransition.count({ where: { at: { lt: new Date(cutoff) } } });

    // A budget of nothing: a batch a call, each call finding what is left.
    let calls = 1;
    const statements: PruneStatement[] = [];
    const onStatement = (statement: PruneStatement) => statements.push(statement);
    while (await pruneHistory(prisma, NOW, { batchRows: 3, budgetMs: 0, onStatement })) calls++;
    expect(calls).toBeGreaterThan(2);
    const rowsOf = (table: string, kind: PruneStatement["kind"]) => statements.filter((s) => s.table === table && s.kind === kind).reduce((sum, s) => sum + s.rows, 0);
    expect(rowsOf("CheckStateChange", "delete")).toBe(expired.length - latestOfEachCheck.size);
    expect(rowsOf("BsmTransition", "delete")).toBe(transitionsBefore);
    expect(new Set(statements.filter((s) => s.kind === "read").map((s) => s.table))).toEqual(new Set(["CheckStateChange"]));
    expect(statements.every((s) => s.ms >= 0)).toBe(true);

    const kept = await prisma.checkStateChange.findMany({ where: { at: { lt: new Date(cutoff) } } });
    expect(kept).toHaveLength(checksBefore.length);
    expect(kept.map((row) => row.id).sort()).toEqual([...latestOfEachCheck.values()].sort());
    expect(checksBefore.length).toBe(checks.filter((check) => check.firstSeen < cutoff).length);
    expect(await prisma.bsmTransition.count({ where: { at: { lt: new Date(cutoff) } } })).toBe(0);
    expect(await prisma.bsmStateSegment.count({ where: { to: { lt: new Date(cutoff) } } })).toBe(0);
    expect(await prisma.bsmCheckpoint.count({ where: { at: { lt: new Date(cutoff) } } })).toBe(0);
    for (const [k, window] of windows.entries()) {
      expect(await referenceAvailabilityOver(prisma, refs, { ...window, now: NOW })).toEqual(before[k]);
      expect(await availabilityOver(prisma, refs, { ...window, now: NOW })).toEqual(before[k]);
    }
    expect((await prisma.historySettings.findUniqueOrThrow({ where: { id: 1 } })).prunedAt?.getTime()).toBe(NOW);
    // At most once an hour.
    await prisma.checkStateChange.create({ data: { host: "web1", check: "HTTP", at: new Date(cutoff - 10 * DAY_MS), state: "OK", acknowledged: false, inDowntime: false } });
    await pruneHistory(prisma, NOW + 30 * 60_000);
    expect(await prisma.checkStateChange.count({ where: { at: { lt: new Date(cutoff - 9 * DAY_MS) } } })).toBe(1);
  });
});
