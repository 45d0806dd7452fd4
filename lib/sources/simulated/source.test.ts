import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBsmEngine } from "../../bsm";
import type { SourceServiceCheck } from "../types";
import { SIMULATED_SOURCE_LABEL, createSimulatedSource, type SimulatedSourceOptions } from "./source";

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function clockedSource(options: Omit<SimulatedSourceOptions, "now"> = {}) {
  const clock = { time: T0 };
  const source = createSimulatedSource({ ...options, now: () => clock.time });
  return { clock, source };
}

const keyOf = (check: { host: string; name: string }) => `${check.host}/${check.name}`;
const isProblem = (check: SourceServiceCheck) => check.state !== "OK" || check.inDowntime;
const byKey = (checks: readonly SourceServiceCheck[]) => new Map(checks.map((check) => [keyOf(check), check]));

/** What a poller sees when it reads changes every `stepMs` for `durationMs`, applied to a full first read. */
async function watch(
  options: Omit<SimulatedSourceOptions, "now">,
  durationMs: number,
  stepMs: number,
  onRead: (read: { at: number; previousAt: number; changed: SourceServiceCheck[]; state: Map<string, SourceServiceCheck> }) => void,
) {
  const { clock, source } = clockedSource(options);
  const full = await source.readFull();
  const state = byKey(full.serviceChecks);
  let cursor = full.cursor;
  for (let elapsed = stepMs; elapsed <= durationMs; elapsed += stepMs) {
    const previousAt = clock.time;
    clock.time = T0 + elapsed;
    const changes = await source.readChanges(cursor);
    cursor = changes.cursor;
    for (const check of changes.serviceChecks) state.set(keyOf(check), check);
    onRead({ at: clock.time, previousAt, changed: changes.serviceChecks, state });
  }
  return { source, initial: full.serviceChecks };
}

describe("createSimulatedSource", () => {
  it("is a source of kind simulated, labelled as demo data", () => {
    const { source } = clockedSource();
    expect(source.kind).toBe("simulated");
    expect(source.label).toBe(SIMULATED_SOURCE_LABEL);
    expect(SIMULATED_SOURCE_LABEL).toMatch(/simulated/i);
    expect(source.describe()).toBe("simulated estate: 240 hosts, 10 business services, seed 42, 12 incidents an hour");
  });

  it("reads the whole estate with the simulated time as cursor", async () => {
    const { source } = clockedSource({ hosts: 60, businessServices: 6 });
    const full = await source.readFull();
    expect(full.hosts).toHaveLength(60);
    expect(full.skipped).toEqual([]);
    expect(full.cursor).toBe(String(T0));
    expect(new Set(full.serviceChecks.map((check) => check.host))).toEqual(new Set(full.hosts.map((host) => host.name)));
    expect(source.configuration.businessServices).toHaveLength(6);
  });

  it("defaults to 0.05 incidents per host and hour: 12 an hour for 240 hosts", () => {
    expect(clockedSource().source.settings.eventsPerHour).toBe(12);
    expect(clockedSource({ hosts: 1000 }).source.settings.eventsPerHour).toBe(50);
    expect(clockedSource({ eventsPerHour: 3 }).source.settings.eventsPerHour).toBe(3);
  });

  it("rejects bad settings with a one-line message", () => {
    expect(() => createSimulatedSource({ now: () => T0, eventsPerHour: -1 })).toThrow(
      "Invalid simulated source settings: eventsPerHour must be between 0 and 10000",
    );
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8, 42])("starts with one to three incidents already under way (seed %i)", async (seed) => {
    const { source } = clockedSource({ seed });
    const problems = (await source.readFull()).serviceChecks.filter(isProblem);
    const hosts = new Set(problems.map((check) => check.host));
    expect(hosts.size).toBeGreaterThanOrEqual(1);
    expect(hosts.size).toBeLessThanOrEqual(3);
    expect(problems.some((check) => check.state === "CRITICAL")).toBe(true);
    for (const check of problems.filter((candidate) => candidate.state !== "OK")) {
      expect(check.lastStateChange).toBeGreaterThanOrEqual(T0 - 10 * MINUTE);
      expect(check.lastStateChange).toBeLessThanOrEqual(T0);
    }
  });

  it("starts all green and stays so when the rate is zero", async () => {
    let changes = 0;
    const { initial } = await watch({ eventsPerHour: 0 }, 6 * HOUR, 10 * MINUTE, ({ changed }) => (changes += changed.length));
    expect(initial.filter(isProblem)).toEqual([]);
    expect(changes).toBe(0);
  });

  it("over six hours read every 10 s shows failures, recoveries, acknowledgements, downtimes and a lost quorum", async () => {
    const seen = new Set<string>();
    const badTimestamps: string[] = [];
    const badOutputs: string[] = [];
    const { source } = clockedSource();
    const configuration = {
      components: source.configuration.components.map((component) => ({ id: component.name, ...component })),
      businessServices: source.configuration.businessServices.map((service) => ({ id: service.name, ...service })),
    };
    let engine: ReturnType<typeof createBsmEngine> | undefined;
    await watch({}, 6 * HOUR, 10 * SECOND, ({ at, previousAt, changed, state }) => {
      engine ??= createBsmEngine(configuration, state.values());
      engine.applyCheckChanges(changed);
      for (const check of changed) {
        seen.add(`${check.state}${check.acknowledged ? " acknowledged" : ""}${check.inDowntime ? " in downtime" : ""}`);
        if (check.acknowledged && check.state === "OK") badOutputs.push(`${keyOf(check)} acknowledged while OK`);
        if (!check.output.includes(check.state)) badOutputs.push(`${keyOf(check)} ${check.state}: ${check.output}`);
        const lastStateChange = check.lastStateChange ?? Number.NEGATIVE_INFINITY;
        if (lastStateChange > at) badTimestamps.push(`${keyOf(check)} changed in the future`);
      }
      const freshlyChanged = changed.filter((check) => check.lastStateChange !== null && check.lastStateChange > previousAt);
      if (freshlyChanged.some((check) => (check.lastStateChange ?? 0) > at)) badTimestamps.push(`at ${at}`);
      if (engine.listBusinessServices().some((service) => service.state === "OFFLINE")) seen.add("business service OFFLINE");
      if (engine.listComponents().some((component) => component.state === "DOWNTIME")) seen.add("component DOWNTIME");
    });
    expect(badOutputs).toEqual([]);
    expect(badTimestamps).toEqual([]);
    expect([...seen]).toEqual(
      expect.arrayContaining([
        "CRITICAL",
        "CRITICAL acknowledged",
        "WARNING",
        "UNKNOWN",
        "OK",
        "OK in downtime",
        "CRITICAL in downtime",
        "business service OFFLINE",
        "component DOWNTIME",
      ]),
    );
  });

  it("lets every problem recover within the hour and stamps each state change with its simulated time", async () => {
    const openSince = new Map<string, number>();
    const episodes: number[] = [];
    const misplaced: string[] = [];
    const { initial } = await watch({ seed: 3 }, 6 * HOUR, 10 * SECOND, ({ at, previousAt, changed }) => {
      for (const check of changed) {
        const key = keyOf(check);
        const stateChanged = check.lastStateChange !== null && check.lastStateChange > previousAt;
        if (stateChanged && (check.lastStateChange ?? 0) > at) misplaced.push(key);
        if (check.state !== "OK" && !openSince.has(key)) openSince.set(key, check.lastStateChange ?? at);
        if (check.state === "OK" && openSince.has(key)) {
          episodes.push((check.lastStateChange ?? at) - (openSince.get(key) ?? at));
          openSince.delete(key);
        }
      }
    });
    expect(misplaced).toEqual([]);
    expect(episodes.length).toBeGreaterThan(20);
    expect(Math.min(...episodes)).toBeGreaterThanOrEqual(MINUTE);
    expect(Math.max(...episodes)).toBeLessThanOrEqual(HOUR);
    const initiallyFailing = initial.filter((check) => check.state !== "OK").map(keyOf);
    expect(initiallyFailing.length).toBeGreaterThan(0);
    for (const [key, since] of openSince) {
      expect(initiallyFailing, `${key} still failing`).not.toContain(key);
      expect(since, `${key} failing since ${new Date(since).toISOString()}`).toBeGreaterThan(T0 + 5 * HOUR);
    }
  });

  it("usually shows one to four hosts with problems at the default rate", async () => {
    let samples = 0;
    let oneToFour = 0;
    await watch({ seed: 11 }, 24 * HOUR, MINUTE, ({ state }) => {
      const hosts = new Set([...state.values()].filter(isProblem).map((check) => check.host));
      samples++;
      if (hosts.size >= 1 && hosts.size <= 4) oneToFour++;
    });
    expect(oneToFour / samples).toBeGreaterThan(0.6);
  });

  it("changes more often at a higher rate", async () => {
    const count = async (eventsPerHour: number) => {
      let changes = 0;
      await watch({ eventsPerHour }, 2 * HOUR, MINUTE, ({ changed }) => (changes += changed.length));
      return changes;
    };
    expect(await count(200)).toBeGreaterThan(3 * (await count(12)));
  });
});

// fast-check replays 20-25 random read sequences per property; under 0.9 s here (load 2-4).
const PROPERTY_BUDGET_MS = 30_000;

describe("readChanges", () => {
  it("returns exactly the checks that differ between two full reads at the same times", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(fc.integer({ min: 1, max: 20 * 60 }), { minLength: 1, maxLength: 60 }), async (seed, gaps) => {
        const incremental = clockedSource({ seed, hosts: 80, eventsPerHour: 40 });
        const reference = clockedSource({ seed, hosts: 80, eventsPerHour: 40 });
        let cursor = (await incremental.source.readFull()).cursor;
        let before = byKey((await reference.source.readFull()).serviceChecks);
        for (const gap of gaps) {
          incremental.clock.time += gap * SECOND;
          reference.clock.time += gap * SECOND;
          const changes = await incremental.source.readChanges(cursor);
          const after = byKey((await reference.source.readFull()).serviceChecks);
          const differing = [...after.values()].filter((check) => JSON.stringify(check) !== JSON.stringify(before.get(keyOf(check))));
          expect(changes.serviceChecks).toEqual(differing);
          expect(changes).toMatchObject({ hosts: [], removedHosts: [], removedServiceChecks: [], skipped: [] });
          expect(changes.cursor).toBe(String(incremental.clock.time));
          cursor = changes.cursor;
          before = after;
        }
      }),
      { numRuns: 20 },
    );
  }, PROPERTY_BUDGET_MS);

  it("keeps each check's service group in incremental reads", async () => {
    const changedGroups: [string, string[]][] = [];
    const { initial } = await watch({ hosts: 60, businessServices: 6 }, 6 * 3_600_000, 60_000, ({ changed }) => {
      for (const check of changed) changedGroups.push([keyOf(check), check.serviceGroups]);
    });
    const initialGroups = new Map(initial.map((check) => [keyOf(check), check.serviceGroups]));
    expect(changedGroups.length).toBeGreaterThan(0);
    expect(changedGroups.filter(([key, groups]) => JSON.stringify(groups) !== JSON.stringify(initialGroups.get(key)))).toEqual([]);
  });

  it("returns nothing when read again at the same time", async () => {
    const { source } = clockedSource();
    const full = await source.readFull();
    expect((await source.readChanges(full.cursor)).serviceChecks).toEqual([]);
  });

  it("sends every host and check for a cursor it did not issue", async () => {
    const { source } = clockedSource({ hosts: 40 });
    const full = await source.readFull();
    for (const cursor of ["", "yesterday", String(T0 + HOUR)]) {
      const changes = await source.readChanges(cursor);
      expect(changes.hosts).toEqual(full.hosts);
      expect(changes.serviceChecks).toEqual(full.serviceChecks);
    }
  });

  it("covers every change since an older cursor", async () => {
    const { clock, source } = clockedSource({ eventsPerHour: 60 });
    const start = await source.readFull();
    clock.time += 30 * MINUTE;
    await source.readChanges(start.cursor);
    clock.time += 30 * MINUTE;
    const sinceStart = await source.readChanges(start.cursor);
    const now = await source.readFull();
    const before = byKey(start.serviceChecks);
    const differing = now.serviceChecks.filter((check) => JSON.stringify(check) !== JSON.stringify(before.get(keyOf(check))));
    expect(differing.length).toBeGreaterThan(0);
    expect(sinceStart.serviceChecks).toEqual(expect.arrayContaining(differing));
  });

  it("does not run time backwards when the clock does", async () => {
    const { clock, source } = clockedSource();
    clock.time += HOUR;
    const later = await source.readFull();
    clock.time -= 30 * MINUTE;
    const changes = await source.readChanges(later.cursor);
    expect(changes.serviceChecks).toEqual([]);
    expect(changes.cursor).toBe(later.cursor);
  });
});

describe("determinism", () => {
  it("gives the same reads for the same seed and the same clock", async () => {
    const run = async () => {
      const { clock, source } = clockedSource({ seed: 5 });
      const reads: unknown[] = [await source.readFull()];
      for (let step = 1; step <= 120; step++) {
        clock.time += 37 * SECOND;
        reads.push(await source.readChanges((reads[reads.length - 1] as { cursor: string }).cursor));
      }
      return reads;
    };
    expect(await run()).toEqual(await run());
  });

  it("gives different histories for different seeds", async () => {
    const at = async (seed: number) => {
      const { clock, source } = clockedSource({ seed });
      clock.time += 2 * HOUR;
      return (await source.readFull()).serviceChecks.filter(isProblem);
    };
    expect(await at(1)).not.toEqual(await at(2));
  });

  it("reaches the same state at a time however often it was read on the way", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.record({ gap: fc.integer({ min: 1, max: 45 * 60 }), full: fc.boolean() }), { maxLength: 40 }),
        async (seed, reads) => {
          const often = clockedSource({ seed, eventsPerHour: 30 });
          const once = clockedSource({ seed, eventsPerHour: 30 });
          let cursor = (await often.source.readFull()).cursor;
          for (const { gap, full } of reads) {
            often.clock.time += gap * SECOND;
            cursor = (full ? await often.source.readFull() : await often.source.readChanges(cursor)).cursor;
          }
          once.clock.time = often.clock.time;
          expect((await often.source.readFull()).serviceChecks).toEqual((await once.source.readFull()).serviceChecks);
        },
      ),
      { numRuns: 25 },
    );
  }, PROPERTY_BUDGET_MS);

  it("replays the history before startedAt when asked to start in the past", async () => {
    const fromPast = createSimulatedSource({ seed: 8, startedAt: T0 - 3 * HOUR, now: () => T0 });
    const clock = { time: T0 - 3 * HOUR };
    const live = createSimulatedSource({ seed: 8, now: () => clock.time });
    clock.time = T0;
    expect((await fromPast.readFull()).serviceChecks).toEqual((await live.readFull()).serviceChecks);
  });
});
