import { describe, expect, it } from "vitest";
import { DAY_MS, computeAvailability, type BsmConfig, type CheckHistoryEntry, type CheckState } from "../bsm";
import { componentRef } from "../status/bsm-object";
import { checkKey, type SourceServiceCheck } from "../sources/types";
import { AVAILABILITY_REFRESH_MS, AvailabilityKeeper, availabilityRowsOf, type AvailabilityRow } from "./availability-keeper";
import { emptyKnownEstate, type EstateDelta, type KnownEstate } from "./detect-changes";

const HOUR = 3_600_000;
const START = Date.parse("2026-12-01T00:00:00Z");
const config: BsmConfig = {
  components: [
    { id: "1", name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2, createdAt: START - 2 * DAY_MS },
    { id: "2", name: "Db", hostTemplate: "Db", hosts: ["db1"], requiredOnline: 1, createdAt: START + 3 * HOUR },
  ],
  businessServices: [{ id: "9", name: "Shop", components: ["1", "2"], createdAt: START - 2 * DAY_MS }],
};

function check(host: string, name: string, state: CheckState, extra: Partial<SourceServiceCheck> = {}): SourceServiceCheck {
  const templates = host.startsWith("db") ? ["Db"] : ["Web"];
  return { host, name, state, stateType: "HARD", acknowledged: false, inDowntime: false, output: "", lastStateChange: null, hostTemplates: templates, serviceGroups: [], ...extra };
}

/** The checks and the full history as the database would hold them, fed to the keeper cycle by cycle. */
class Estate {
  readonly known: KnownEstate = emptyKnownEstate();
  readonly history: CheckHistoryEntry[] = [];

  /** One cycle: `changes` are stored at `at` unless they say when (a source-dated state change). */
  cycle(keeper: AvailabilityKeeper, at: number, changes: { check: SourceServiceCheck; datedAt?: number; templatesOnly?: boolean }[], removed: SourceServiceCheck[] = []): void {
    const delta: EstateDelta = { hostsToWrite: [], removedHosts: [], checksToWrite: [], removedChecks: [], history: [], skipped: [] };
    for (const { check: current, datedAt, templatesOnly } of changes) {
      delta.checksToWrite.push(current);
      if (templatesOnly) continue;
      const { host, name, state, acknowledged, inDowntime } = current;
      delta.history.push({ host, name, state, acknowledged, inDowntime, at: datedAt ?? at });
    }
    delta.removedChecks.push(...removed.map(({ host, name }) => ({ host, name })));
    keeper.takeDelta(delta, this.known);
    for (const current of delta.checksToWrite) this.known.checks.set(checkKey(current.host, current.name), current);
    for (const gone of delta.removedChecks) this.known.checks.delete(checkKey(gone.host, gone.name));
    this.history.push(...delta.history);
  }

  /** What loadAvailability computes from the database for a window ending at `at`, as stored rows. */
  reference(estateConfig: BsmConfig, at: number): AvailabilityRow[] {
    return availabilityRowsOf(computeAvailability(estateConfig, this.known.checks.values(), this.history, { now: at, includeTimelines: true }));
  }
}

/** Every object's figures as the keeper has them, from the rows it returned over time. */
function accumulate(into: Map<string, AvailabilityRow>, rows: AvailabilityRow[]): Map<string, AvailabilityRow> {
  for (const row of rows) into.set(`${row.objectType}:${row.objectKey}`, row);
  return into;
}

function figuresOf(rows: Iterable<AvailabilityRow>) {
  return [...rows].map((row) => ({ ...row })).sort((a, b) => `${a.objectType}:${a.objectKey}`.localeCompare(`${b.objectType}:${b.objectKey}`));
}

function keeperFor(estate: Estate, estateConfig = config): AvailabilityKeeper {
  const keeper = new AvailabilityKeeper();
  keeper.hold(estateConfig, estate.history);
  return keeper;
}

describe("AvailabilityKeeper", () => {
  it("keeps every object's figures equal to the full computation as the window slides past a day, changes coming and going", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    const stored = new Map<string, AvailabilityRow>();
    let now = START;
    const states: CheckState[] = ["OK", "CRITICAL", "WARNING", "OK", "UNKNOWN", "OK"];
    const hosts = ["web1", "web2", "web3", "db1", "other1"];
    for (let step = 0; step < 40; step++) {
      now += 47 * 60_000 + 13_000;
      const host = hosts[step % hosts.length];
      const name = step % 3 === 0 ? "Disk" : "HTTP";
      const extra = step % 7 === 0 ? { acknowledged: true } : step % 11 === 0 ? { inDowntime: true } : {};
      estate.cycle(keeper, now, [{ check: check(host, name, states[step % states.length], extra) }]);
      expect(keeper.isDue(now)).toBe(true);
      accumulate(stored, keeper.refresh(config, estate.known.checks, now).rows);
      const at = keeper.at!;
      expect(at).toBe(Math.floor(now / AVAILABILITY_REFRESH_MS) * AVAILABILITY_REFRESH_MS);
      expect(figuresOf(stored.values())).toEqual(figuresOf(estate.reference(config, at)));
    }
    // Nothing changes for more than a day: every object ends up with a constant state and no change points.
    now += DAY_MS + HOUR;
    accumulate(stored, keeper.refresh(config, estate.known.checks, now).rows);
    expect(figuresOf(stored.values())).toEqual(figuresOf(estate.reference(config, keeper.at!)));
    expect([...stored.values()].every((row) => row.timeline.changes.length === 0)).toBe(true);
  });

  it("prunes history the window no longer needs, keeping each check's last entry before it", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    let now = START;
    for (let step = 0; step < 10; step++) {
      now += HOUR;
      estate.cycle(keeper, now, [{ check: check("web1", "HTTP", step % 2 === 0 ? "CRITICAL" : "OK") }]);
    }
    estate.cycle(keeper, now, [{ check: check("other1", "HTTP", "CRITICAL") }]);
    expect(keeper.entryCount).toBe(10);
    keeper.refresh(config, estate.known.checks, now + DAY_MS - 5 * HOUR + 30 * 60_000);
    // Window start between the 5th and 6th entries: the 5th still holds, the 6th..10th are inside.
    expect(keeper.entryCount).toBe(6);
    keeper.refresh(config, estate.known.checks, now + 2 * DAY_MS);
    expect(keeper.entryCount).toBe(1);
    expect(keeper.refresh(config, estate.known.checks, now + 2 * DAY_MS).rows).toEqual([]);
  });

  it("writes only the objects whose figures or timeline changed, and an unchanged object keeps the same timeline", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    const first = keeper.refresh(config, estate.known.checks, START);
    expect(first.rows).toHaveLength(4 + 2 + 1);
    expect(keeper.isDue(START + 30_000)).toBe(false);
    expect(keeper.refresh(config, estate.known.checks, START + 30_000).rows).toEqual([]);

    estate.cycle(keeper, START + 90_000, [{ check: check("web1", "HTTP", "CRITICAL") }]);
    expect(keeper.isDue(START + 120_000)).toBe(true);
    const failed = keeper.refresh(config, estate.known.checks, START + 120_000);
    expect(failed.rows.map((row) => `${row.objectType}:${row.objectKey}`)).toEqual(["COMPONENT_HOST:1:web1"]);
    expect(failed.rows[0]).toMatchObject({ failedMs: 30_000, timeline: { initial: "OPERATIONAL", changes: [[START + 90_000, "FAILED"]] } });
    // The window slides: web1's figures move, its component's (still OPERATIONAL, no change points) do not.
    const later = keeper.refresh(config, estate.known.checks, START + 10 * 60_000);
    expect(later.rows.map((row) => row.objectKey)).toEqual(["1:web1"]);
    expect(later.rows[0]).toMatchObject({ failedMs: 510_000, timeline: { initial: "OPERATIONAL", changes: [[START + 90_000, "FAILED"]] } });
  });

  it("refreshes the minute already stored when a change is dated before it by the source", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    const now = START + 5 * 60_000 + 20_000;
    estate.cycle(keeper, START, [{ check: check("web2", "Disk", "OK") }]);
    keeper.refresh(config, estate.known.checks, now);
    expect(keeper.isDue(now + 1000)).toBe(false);

    // The source says the state changed 2 minutes ago, before the stored window's end.
    estate.cycle(keeper, now + 1000, [{ check: check("web2", "Disk", "CRITICAL", { lastStateChange: now - 120_000 }), datedAt: now - 120_000 }]);
    expect(keeper.isDue(now + 1000)).toBe(true);
    const refresh = keeper.refresh(config, estate.known.checks, now + 1000);
    expect(refresh.at).toBe(START + 5 * 60_000);
    expect(refresh.rows).toEqual(estate.reference(config, refresh.at).filter((row) => row.objectKey === "1:web2"));
    expect(refresh.rows[0].failedMs).toBe(100_000);
  });

  it("refreshes the stored minute when a check gets its first entry, is removed, or counts for other hosts", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    const stored = new Map<string, AvailabilityRow>();
    const now = START + 60_000 + 30_000;
    accumulate(stored, keeper.refresh(config, estate.known.checks, now).rows);
    // Before its first entry a new check counts with its current status over the whole window.
    estate.cycle(keeper, now + 1000, [{ check: check("web1", "HTTP", "CRITICAL") }]);
    expect(keeper.isDue(now + 1000)).toBe(true);
    accumulate(stored, keeper.refresh(config, estate.known.checks, now + 1000).rows);
    expect(stored.get("COMPONENT_HOST:1:web1")).toMatchObject({ availability: 0 });
    expect(figuresOf(stored.values())).toEqual(figuresOf(estate.reference(config, keeper.at!)));

    estate.cycle(keeper, now + 2000, [{ check: check("web1", "HTTP", "CRITICAL", { hostTemplates: ["Other"] }), templatesOnly: true }]);
    expect(keeper.isDue(now + 2000)).toBe(true);
    accumulate(stored, keeper.refresh(config, estate.known.checks, now + 2000).rows);
    expect(figuresOf(stored.values())).toEqual(figuresOf(estate.reference(config, keeper.at!)));

    estate.cycle(keeper, now + 3000, [{ check: check("web1", "HTTP", "CRITICAL"), templatesOnly: true }]);
    accumulate(stored, keeper.refresh(config, estate.known.checks, now + 3000).rows);
    estate.cycle(keeper, now + 4000, [], [check("web1", "HTTP", "CRITICAL")]);
    expect(keeper.isDue(now + 4000)).toBe(true);
    accumulate(stored, keeper.refresh(config, estate.known.checks, now + 4000).rows);
    expect(stored.get("COMPONENT_HOST:1:web1")).toMatchObject({ availability: 100 });
    expect(figuresOf(stored.values())).toEqual(figuresOf(estate.reference(config, keeper.at!)));
  });

  it("counts a check whose only entry is before the window with that entry, even when its current status says otherwise", () => {
    const estate = new Estate();
    const entry = (host: string, state: CheckState): CheckHistoryEntry => ({ host, name: "HTTP", at: START - 2 * DAY_MS, state, acknowledged: false, inDowntime: false });
    estate.history.push(entry("web1", "CRITICAL"), entry("web2", "OK"), entry("web3", "CRITICAL"));
    estate.known.checks.set(checkKey("web1", "HTTP"), check("web1", "HTTP", "OK"));
    estate.known.checks.set(checkKey("web2", "HTTP"), check("web2", "HTTP", "CRITICAL"));
    estate.known.checks.set(checkKey("web3", "HTTP"), check("web3", "HTTP", "CRITICAL"));
    const keeper = keeperFor(estate);
    const rows = keeper.refresh(config, estate.known.checks, START).rows;
    expect(figuresOf(rows)).toEqual(figuresOf(estate.reference(config, START)));
    expect(rows.filter((row) => row.objectType === "COMPONENT_HOST" && row.availability === 0).map((row) => row.objectKey)).toEqual(["1:web1", "1:web3"]);
  });

  it("takes a new configuration with the history of hosts it adds", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    keeper.refresh(config, estate.known.checks, START + HOUR);
    estate.cycle(keeper, START + HOUR + 1000, [{ check: check("web1", "HTTP", "CRITICAL") }]);
    // A host outside every component: the keeper does not hold its history.
    estate.cycle(keeper, START + HOUR + 1000, [{ check: check("web4", "HTTP", "CRITICAL") }]);
    expect(keeper.entryCount).toBe(1);

    const wider: BsmConfig = { ...config, components: [{ ...config.components[0], hosts: ["web1", "web2", "web3", "web4"] }, config.components[1]] };
    expect(keeper.needsLoad(wider)).toBe(true);
    // Given the whole history, it takes that of the host added, keeping what it holds of the others.
    keeper.hold(wider, estate.history);
    expect(keeper.needsLoad(wider)).toBe(false);
    expect(keeper.entryCount).toBe(2);
    const refresh = keeper.refresh(wider, estate.known.checks, START + HOUR + 2 * 60_000);
    expect(refresh.rows.map((row) => row.objectKey)).toEqual(["1:web1", "1:web4"]);
    expect(figuresOf(refresh.rows)).toEqual(figuresOf(estate.reference(wider, refresh.at).filter((row) => ["1:web1", "1:web4"].includes(row.objectKey))));

    // Without web1, its history goes; all three hosts now required, web4 fails the component.
    const narrower: BsmConfig = { ...config, components: [{ ...config.components[0], hosts: ["web2", "web3", "web4"], requiredOnline: 3 }, config.components[1]] };
    keeper.hold(narrower, estate.history);
    expect(keeper.entryCount).toBe(1);
    const after = accumulate(new Map(), keeper.refresh(narrower, estate.known.checks, START + HOUR + 3 * 60_000).rows);
    expect(after.get("COMPONENT:1")).toEqual(estate.reference(narrower, keeper.at!).find((row) => row.objectKey === "1"));
    expect(after.get("COMPONENT:1")?.failedMs).toBeGreaterThan(0);
  });

  it("tells a step after the poll each object's availability, and nothing once a refresh could not be stored", () => {
    const estate = new Estate();
    const keeper = keeperFor(estate);
    estate.cycle(keeper, START - HOUR, [{ check: check("db1", "HTTP", "CRITICAL") }]);
    keeper.refresh(config, estate.known.checks, START + 6 * HOUR);
    expect(keeper.at).toBe(START + 6 * HOUR);
    // db1 failed all along, but component 2 was created 3 hours into the window's 24.
    expect(keeper.availabilityOf(componentRef("2"))).toBe(87.5);
    keeper.forget();
    expect(keeper.at).toBeNull();
    expect(keeper.availabilityOf(componentRef("2"))).toBeUndefined();
    expect(keeper.isDue(START + 6 * HOUR)).toBe(true);
  });
});
