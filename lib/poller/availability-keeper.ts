// Rules: docs/status-rules.md §6 (24-hour availability), computed here once a minute for every object.
import type { PrismaClient } from "@prisma/client";
import {
  DAY_MS,
  computeAvailabilityOfHistoryByCheck,
  type AvailabilityFigures,
  type AvailabilityReport,
  type BsmConfig,
  type BsmState,
  type CheckHistoryEntry,
  type ServiceCheckStatus,
  type StateSegment,
} from "../bsm";
import { loadHistory } from "../status/availability";
import { businessServiceRef, componentHostRef, componentRef, objectRefKey, type BsmObjectRef } from "../status/bsm-object";
import { checkKey } from "../sources/types";
import { sameList, type EstateDelta, type KnownEstate } from "./detect-changes";
import { storedTimelineOf, type StoredTimeline } from "../status/stored-timeline";

/** Stored availability is for a window ending on a whole minute, the one notifications evaluate. */
export const AVAILABILITY_REFRESH_MS = 60_000;

export interface AvailabilityRow extends BsmObjectRef, AvailabilityFigures {
  timeline: StoredTimeline;
}

export interface AvailabilityRefresh {
  /** The window's end: figures are for [at − 24 h, at]. */
  at: number;
  /** Only the objects whose figures or timeline differ from the last refresh's. */
  rows: AvailabilityRow[];
}

/** The availability the poller keeps, as of `at`, for a step after the poll (notifications). */
export interface KeptAvailability {
  readonly at: number | null;
  availabilityOf(ref: BsmObjectRef): number | undefined;
}

interface WrittenFigures {
  availability: number;
  operationalMs: number;
  failedMs: number;
  downtimeMs: number;
  timeline: string;
}

function rowOf(ref: BsmObjectRef, figures: AvailabilityFigures & { timeline?: readonly StateSegment<BsmState>[] }): AvailabilityRow {
  return {
    ...ref,
    availability: figures.availability,
    operationalMs: figures.operationalMs,
    failedMs: figures.failedMs,
    downtimeMs: figures.downtimeMs,
    timeline: storedTimelineOf(figures.timeline ?? []),
  };
}

/** Every object's figures as stored, from a report computed with timelines. */
export function availabilityRowsOf(report: AvailabilityReport): AvailabilityRow[] {
  return [
    ...report.componentHosts.map((host) => rowOf(componentHostRef(host.componentId, host.host), host)),
    ...report.components.map((component) => rowOf(componentRef(component.id), component)),
    ...report.businessServices.map((service) => rowOf(businessServiceRef(service.id), service)),
  ];
}

/**
 * Keeps what 24-hour availability needs in memory — the check history of hosts in components since
 * the window's start, plus each check's last entry before it — and computes every object's figures
 * from it exactly as loadAvailability does from the database (same function, same inputs).
 */
export class AvailabilityKeeper implements KeptAvailability {
  /** host → check name → entries in time order, ties in the order they were stored (as the database orders them). */
  private history = new Map<string, Map<string, CheckHistoryEntry[]>>();
  private componentHosts = new Set<string>();
  private loadedFor: BsmConfig | null = null;
  private written = new Map<string, WrittenFigures>();
  private keptAt: number | null = null;
  /** The figures as of keptAt no longer hold: history or checks changed before it. */
  private stale = false;

  /** The window's end of the last refresh; null before the first and after a failed store. */
  get at(): number | null {
    return this.keptAt;
  }

  /** Whether the history held is for another configuration (its component hosts may differ). */
  needsLoad(config: BsmConfig): boolean {
    return config !== this.loadedFor;
  }

  /** Loads the history of the configuration's component hosts that are not held yet (all of them at first). */
  async load(prisma: PrismaClient, config: BsmConfig, now: number): Promise<void> {
    const added = [...new Set(config.components.flatMap((component) => component.hosts))].filter((host) => !this.componentHosts.has(host));
    this.hold(config, added.length === 0 ? [] : await loadHistory(prisma, added, windowEndOf(now) - DAY_MS));
  }

  /**
   * Takes a configuration: drops the history of hosts no longer in a component and takes, from `entries`
   * (per check in time order, ties in the order stored), that of hosts it adds.
   */
  hold(config: BsmConfig, entries: Iterable<CheckHistoryEntry>): void {
    const hosts = new Set(config.components.flatMap((component) => component.hosts));
    for (const host of this.history.keys()) if (!hosts.has(host)) this.history.delete(host);
    const held = this.componentHosts;
    this.componentHosts = hosts;
    for (const entry of entries) if (hosts.has(entry.host) && !held.has(entry.host)) this.append(entry);
    this.loadedFor = config;
    this.stale = true;
  }

  /**
   * Takes one cycle's delta, before it is remembered (`known` still holds the previous checks). Marks the
   * figures stale when the delta changes the past they describe: an entry dated at or before their window's
   * end, the first entry of a check (before it the check counted with its current status), a removed check,
   * or a check that now counts for other hosts (its templates changed).
   */
  takeDelta(delta: EstateDelta, known: KnownEstate): void {
    for (const entry of delta.history) {
      if (!this.componentHosts.has(entry.host)) continue;
      const hadEntryBefore = this.hasEntryAtOrBefore(entry.host, entry.name, this.keptAt);
      this.append(entry);
      if (this.keptAt !== null && (entry.at <= this.keptAt || !hadEntryBefore)) this.stale = true;
    }
    if (delta.removedChecks.some((check) => this.componentHosts.has(check.host))) this.stale = true;
    for (const check of delta.checksToWrite) {
      if (!this.componentHosts.has(check.host)) continue;
      const previous = known.checks.get(checkKey(check.host, check.name));
      if (previous && !sameList(previous.hostTemplates, check.hostTemplates)) this.stale = true;
    }
  }

  /** A new minute, or figures that no longer hold. */
  isDue(now: number): boolean {
    return this.keptAt === null || this.stale || windowEndOf(now) !== this.keptAt;
  }

  /**
   * Computes every object's figures for the window ending at the last whole minute and returns those that
   * changed since the last refresh. `checks`: the current checks by checkKey (those of other hosts are ignored).
   */
  refresh(config: BsmConfig, checks: ReadonlyMap<string, ServiceCheckStatus>, now: number): AvailabilityRefresh {
    const at = windowEndOf(now);
    const from = at - DAY_MS;
    this.prune(from);
    const report = computeAvailabilityOfHistoryByCheck(config, checks.values(), this.history, { now: at, includeTimelines: true });
    const previous = this.written;
    this.written = new Map();
    const rows: AvailabilityRow[] = [];
    for (const row of availabilityRowsOf(report)) {
      const key = objectRefKey(row);
      const written: WrittenFigures = { ...row, timeline: JSON.stringify(row.timeline) };
      if (!sameFigures(previous.get(key), written)) rows.push(row);
      this.written.set(key, written);
    }
    this.keptAt = at;
    this.stale = false;
    return { at, rows };
  }

  /** After the refresh could not be stored: the next one computes and writes everything again. */
  forget(): void {
    this.written = new Map();
    this.keptAt = null;
  }

  availabilityOf(ref: BsmObjectRef): number | undefined {
    return this.written.get(objectRefKey(ref))?.availability;
  }

  /** How many history entries are held (for tests and the benchmark). */
  get entryCount(): number {
    let count = 0;
    for (const byName of this.history.values()) for (const entries of byName.values()) count += entries.length;
    return count;
  }

  private append(entry: CheckHistoryEntry): void {
    let byName = this.history.get(entry.host);
    if (byName === undefined) this.history.set(entry.host, (byName = new Map()));
    const entries = byName.get(entry.name);
    if (entries === undefined) {
      byName.set(entry.name, [entry]);
      return;
    }
    // A source-dated entry can be older than one dated by an earlier poll: insert it after every entry not later.
    let position = entries.length;
    while (position > 0 && entries[position - 1].at > entry.at) position--;
    entries.splice(position, 0, entry);
  }

  private hasEntryAtOrBefore(host: string, name: string, at: number | null): boolean {
    const first = this.history.get(host)?.get(name)?.[0];
    return first !== undefined && at !== null && first.at <= at;
  }

  /** Drops what no window from `from` on needs: of the entries at or before it, only the last still holds. */
  private prune(from: number): void {
    for (const byName of this.history.values()) {
      for (const entries of byName.values()) {
        let last = -1;
        while (last + 1 < entries.length && entries[last + 1].at <= from) last++;
        if (last > 0) entries.splice(0, last);
      }
    }
  }
}

function windowEndOf(now: number): number {
  return Math.floor(now / AVAILABILITY_REFRESH_MS) * AVAILABILITY_REFRESH_MS;
}

function sameFigures(a: WrittenFigures | undefined, b: WrittenFigures): boolean {
  return (
    a !== undefined &&
    a.availability === b.availability &&
    a.operationalMs === b.operationalMs &&
    a.failedMs === b.failedMs &&
    a.downtimeMs === b.downtimeMs &&
    a.timeline === b.timeline
  );
}
