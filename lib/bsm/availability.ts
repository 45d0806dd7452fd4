// Rules: docs/status-rules.md §6 (24-hour availability).
import { buildEstateIndex, type EstateIndex } from "./estate-index";
import {
  CRITICAL_IN_DOWNTIME,
  CRITICAL_UNACKNOWLEDGED,
  DOWNTIME,
  FAILED,
  NOT_CRITICAL,
  OPERATIONAL,
  STATE_MASK,
  checkContribution,
  checkKeyOf,
  componentStateCode,
  hostStatusCode,
  roundPercent,
  serviceStatusCode,
  stateOfCode,
} from "./rules";
import type {
  BsmConfig,
  BsmState,
  CheckHistoryEntry,
  ComponentState,
  EpochMs,
  HostState,
  ServiceCheckStatus,
  ServiceState,
} from "./types";

export const DAY_MS = 86_400_000;

export interface AvailabilityOptions {
  /** End of the window. */
  readonly now: EpochMs;
  /** Default 24 hours. */
  readonly windowMs?: number;
  /** Leave DOWNTIME out of the denominator (planned maintenance does not count against availability). */
  readonly excludeDowntime?: boolean;
  readonly includeTimelines?: boolean;
}

export interface StateSegment<S extends BsmState> {
  readonly from: EpochMs;
  readonly to: EpochMs;
  readonly state: S;
}

export interface AvailabilityFigures {
  /** Percent of the window OPERATIONAL, two decimals. */
  readonly availability: number;
  readonly operationalMs: number;
  readonly downtimeMs: number;
  /** Time FAILED (OFFLINE for a business service). */
  readonly failedMs: number;
}

export interface ComponentHostAvailability extends AvailabilityFigures {
  readonly componentId: string;
  readonly host: string;
  readonly timeline?: StateSegment<HostState>[];
}

export interface ComponentAvailability extends AvailabilityFigures {
  readonly id: string;
  readonly timeline?: StateSegment<ComponentState>[];
}

export interface BusinessServiceAvailability extends AvailabilityFigures {
  readonly id: string;
  readonly timeline?: StateSegment<ServiceState>[];
}

export interface AvailabilityReport {
  readonly from: EpochMs;
  readonly to: EpochMs;
  /** In configuration order, like the other lists. */
  readonly componentHosts: ComponentHostAvailability[];
  readonly components: ComponentAvailability[];
  readonly businessServices: BusinessServiceAvailability[];
}

/** State codes over the window: codes[k] holds from times[k] until times[k + 1] (or the window end). */
interface Timeline {
  readonly times: number[];
  readonly codes: number[];
}

/**
 * Availability of every component host, component and business service over
 * [now - window, now], exactly, by sweeping the change points of the check
 * history. Rules: an entry holds until the check's next entry; a check is OK
 * before its first entry; a check without entries had its current status all
 * along; time before an object's creation counts as OPERATIONAL.
 */
export function computeAvailability(
  config: BsmConfig,
  checks: Iterable<ServiceCheckStatus>,
  history: Iterable<CheckHistoryEntry>,
  options: AvailabilityOptions,
): AvailabilityReport {
  return computeAvailabilityOfHistoryByCheck(config, checks, groupHistory(history, options.now), options);
}

/**
 * computeAvailability for history already grouped per check (host → check name → entries in time order,
 * ties in the order stored), as a caller that keeps it so need not regroup it. Entries after `now` are ignored.
 */
export function computeAvailabilityOfHistoryByCheck(
  config: BsmConfig,
  checks: Iterable<ServiceCheckStatus>,
  historyByCheck: HistoryByCheck,
  options: AvailabilityOptions,
): AvailabilityReport {
  const to = options.now;
  const from = to - (options.windowMs ?? DAY_MS);
  const index = buildEstateIndex(config);
  const hostTimelines = computeHostTimelines(index, checks, historyByCheck, from, to);

  const components = index.config.components;
  const componentTimelines = components.map((component, componentIndex) => {
    const hosts = hostTimelines.slice(index.firstHostOf[componentIndex], index.firstHostOf[componentIndex + 1]);
    const hostsTotal = hosts.length;
    const timeline = sweepChildren(from, hosts, (failed, downtime) =>
      componentStateCode(hostsTotal, component.requiredOnline, failed, downtime),
    );
    return clipBeforeCreation(timeline, component.createdAt, to);
  });
  const serviceTimelines = index.config.businessServices.map((service, serviceIndex) => {
    const parts = index.componentsOfService[serviceIndex].map((component) => componentTimelines[component]);
    const timeline = sweepChildren(from, parts, (failed, downtime) => serviceStatusCode(failed, downtime, 0, 0) & STATE_MASK);
    return clipBeforeCreation(timeline, service.createdAt, to);
  });

  const describe = <S extends BsmState>(timeline: Timeline) => ({
    ...figuresOf(timeline, to, options.excludeDowntime ?? false),
    ...(options.includeTimelines ? { timeline: segmentsOf<S>(timeline, to) } : {}),
  });
  return {
    from,
    to,
    componentHosts: hostTimelines.map((timeline, componentHost) => ({
      componentId: components[index.componentOfHost[componentHost]].id,
      host: index.hostNameOf[componentHost],
      ...describe<HostState>(timeline),
    })),
    components: componentTimelines.map((timeline, component) => ({
      id: components[component].id,
      ...describe<ComponentState>(timeline),
    })),
    businessServices: serviceTimelines.map((timeline, service) => ({
      id: index.config.businessServices[service].id,
      ...describe<ServiceState>(timeline),
    })),
  };
}

/**
 * The checks that existed by `to`: a check whose every history entry comes after `to` was not seen yet, so
 * it is left out of a window ending there (OK before its first entry) instead of counting with its current
 * status; a window's figures are then the same whether computed alone or cut from a longer window.
 */
export function checksSeenBy<T extends { readonly host: string; readonly name: string }>(
  checks: Iterable<T>,
  history: Iterable<{ readonly host: string; readonly name: string; readonly at: EpochMs }>,
  to: EpochMs,
): T[] {
  const seen = new Set<string>();
  const onlyLater = new Set<string>();
  for (const entry of history) (entry.at <= to ? seen : onlyLater).add(checkKeyOf(entry));
  return [...checks].filter((check) => seen.has(checkKeyOf(check)) || !onlyLater.has(checkKeyOf(check)));
}

/** host → check name → entries in time order. */
export type HistoryByCheck = ReadonlyMap<string, ReadonlyMap<string, readonly CheckHistoryEntry[]>>;

function groupHistory(history: Iterable<CheckHistoryEntry>, to: number): HistoryByCheck {
  const byHost = new Map<string, Map<string, CheckHistoryEntry[]>>();
  for (const entry of history) {
    if (entry.at > to) continue;
    let byName = byHost.get(entry.host);
    if (byName === undefined) byHost.set(entry.host, (byName = new Map()));
    const entries = byName.get(entry.name);
    if (entries) entries.push(entry);
    else byName.set(entry.name, [entry]);
  }
  for (const byName of byHost.values()) {
    for (const entries of byName.values()) {
      if (!isSortedByTime(entries)) entries.sort((a, b) => a.at - b.at);
    }
  }
  return byHost;
}

function isSortedByTime(entries: readonly CheckHistoryEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (entries[i].at < entries[i - 1].at) return false;
  return true;
}

function computeHostTimelines(
  index: EstateIndex,
  checks: Iterable<ServiceCheckStatus>,
  historyByCheck: HistoryByCheck,
  from: number,
  to: number,
): Timeline[] {
  const hostCount = index.hostNameOf.length;
  const critical = new Int32Array(hostCount);
  const inDowntime = new Int32Array(hostCount);
  const unacknowledged = new Int32Array(hostCount);
  // Per component host, flattened triples (time, previous contribution, next contribution).
  const events: (number[] | undefined)[] = new Array<number[] | undefined>(hostCount);
  const targets: number[] = [];

  const count = (componentHost: number, contribution: number, sign: number) => {
    if (contribution === NOT_CRITICAL) return;
    critical[componentHost] += sign;
    if (contribution === CRITICAL_IN_DOWNTIME) inDowntime[componentHost] += sign;
    else if (contribution === CRITICAL_UNACKNOWLEDGED) unacknowledged[componentHost] += sign;
  };

  for (const check of checks) {
    const componentHosts = index.componentHostsByHost.get(check.host);
    if (componentHosts === undefined) continue;
    const held = historyByCheck.get(check.host)?.get(check.name);
    // A check whose entries all come after the window has none in it: it counts with its current status.
    const entries = held !== undefined && held.length > 0 && held[0].at <= to ? held : undefined;
    if (entries === undefined && checkContribution(check) === NOT_CRITICAL) continue;
    targets.length = 0;
    for (const componentHost of componentHosts) {
      if (check.hostTemplates.includes(index.hostTemplateOf[componentHost])) targets.push(componentHost);
    }
    if (targets.length === 0) continue;

    let initial: number = checkContribution(check);
    if (entries !== undefined) {
      initial = NOT_CRITICAL;
      let current = initial;
      for (const entry of entries) {
        const next = checkContribution(entry);
        if (entry.at <= from) {
          initial = current = next;
          continue;
        }
        if (next === current || entry.at >= to) continue;
        for (const componentHost of targets) {
          let list = events[componentHost];
          if (list === undefined) events[componentHost] = list = [];
          list.push(entry.at, current, next);
        }
        current = next;
      }
    }
    for (const componentHost of targets) count(componentHost, initial, 1);
  }

  const timelines: Timeline[] = new Array<Timeline>(hostCount);
  for (let componentHost = 0; componentHost < hostCount; componentHost++) {
    const stateNow = () =>
      hostStatusCode(critical[componentHost], inDowntime[componentHost], unacknowledged[componentHost]) & STATE_MASK;
    const timeline = sweep(from, stateNow(), events[componentHost], (previous, next) => {
      count(componentHost, previous, -1);
      count(componentHost, next, 1);
    }, stateNow);
    const createdAt = index.config.components[index.componentOfHost[componentHost]].createdAt;
    timelines[componentHost] = clipBeforeCreation(timeline, createdAt, to);
  }
  return timelines;
}

/** A parent's timeline from its children's, given its state as a function of the FAILED and DOWNTIME children counts. */
function sweepChildren(
  from: number,
  children: readonly Timeline[],
  stateOf: (failed: number, downtime: number) => number,
): Timeline {
  let failed = 0;
  let downtime = 0;
  const count = (code: number, sign: number) => {
    if (code === FAILED) failed += sign;
    else if (code === DOWNTIME) downtime += sign;
  };
  let events: number[] | undefined;
  for (const child of children) {
    count(child.codes[0], 1);
    for (let k = 1; k < child.codes.length; k++) {
      events ??= [];
      events.push(child.times[k], child.codes[k - 1], child.codes[k]);
    }
  }
  const stateNow = () => stateOf(failed, downtime);
  return sweep(from, stateNow(), events, (previous, next) => {
    count(previous, -1);
    count(next, 1);
  }, stateNow);
}

/** Applies flattened (time, previous, next) events in time order; a state is recorded once all changes at one instant are in. */
function sweep(
  from: number,
  initialCode: number,
  events: readonly number[] | undefined,
  apply: (previous: number, next: number) => void,
  stateNow: () => number,
): Timeline {
  const timeline: Timeline = { times: [from], codes: [initialCode] };
  if (events === undefined) return timeline;
  const offsets: number[] = [];
  let sorted = true;
  for (let offset = 0; offset < events.length; offset += 3) {
    if (offset > 0 && events[offset] < events[offset - 3]) sorted = false;
    offsets.push(offset);
  }
  if (!sorted) offsets.sort((a, b) => events[a] - events[b] || a - b);
  for (let k = 0; k < offsets.length; k++) {
    const offset = offsets[k];
    apply(events[offset + 1], events[offset + 2]);
    const time = events[offset];
    if (k + 1 < offsets.length && events[offsets[k + 1]] === time) continue;
    append(timeline, time, stateNow());
  }
  return timeline;
}

function append(timeline: Timeline, time: number, code: number): void {
  if (timeline.codes[timeline.codes.length - 1] !== code) {
    timeline.times.push(time);
    timeline.codes.push(code);
  }
}

/** Before the object existed it counts as OPERATIONAL. */
function clipBeforeCreation(timeline: Timeline, createdAt: number | undefined, to: number): Timeline {
  const from = timeline.times[0];
  if (createdAt === undefined || createdAt <= from) return timeline;
  const clipped: Timeline = { times: [from], codes: [OPERATIONAL] };
  if (createdAt >= to) return clipped;
  let k = 0;
  while (k + 1 < timeline.times.length && timeline.times[k + 1] <= createdAt) k++;
  append(clipped, createdAt, timeline.codes[k]);
  for (k++; k < timeline.times.length; k++) append(clipped, timeline.times[k], timeline.codes[k]);
  return clipped;
}

function figuresOf(timeline: Timeline, to: number, excludeDowntime: boolean): AvailabilityFigures {
  let operationalMs = 0;
  let downtimeMs = 0;
  let failedMs = 0;
  const { times, codes } = timeline;
  for (let k = 0; k < times.length; k++) {
    const duration = (k + 1 < times.length ? times[k + 1] : to) - times[k];
    if (codes[k] === OPERATIONAL) operationalMs += duration;
    else if (codes[k] === DOWNTIME) downtimeMs += duration;
    else failedMs += duration;
  }
  const windowMs = to - times[0];
  return {
    availability: roundPercent(operationalMs, excludeDowntime ? windowMs - downtimeMs : windowMs),
    operationalMs,
    downtimeMs,
    failedMs,
  };
}

function segmentsOf<S extends BsmState>(timeline: Timeline, to: number): StateSegment<S>[] {
  return timeline.times.map((time, k) => ({
    from: time,
    to: k + 1 < timeline.times.length ? timeline.times[k + 1] : to,
    state: stateOfCode<S>(timeline.codes[k]),
  }));
}
