import { SourceCommandError, type SourceCheckState, type SourceCommand, type SourceServiceCheck } from "../types";
import type { SimulatedEstate } from "./estate";
import { BASE_TEMPLATE } from "./catalogue";
import { INCIDENT_KINDS, planIncident, type EstateShape, type IncidentKind, type TimelineEvent } from "./incidents";
import { createRandom, deriveSeed } from "./random";

const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** Incidents are drawn an hour at a time, each hour from its own random stream. */
const EPOCH_MS = HOUR;

const SEVERITY: Readonly<Record<SourceCheckState, number>> = { OK: 0, WARNING: 1, UNKNOWN: 2, CRITICAL: 3 };

interface Fault {
  readonly id: string;
  readonly state: Exclude<SourceCheckState, "OK">;
  readonly output: string;
}

interface CheckStatus {
  readonly state: SourceCheckState;
  readonly output: string;
  readonly acknowledged: boolean;
  readonly inDowntime: boolean;
}

/** What a reader sees; a check that failed and recovered between two reads differs in lastStateChange. */
interface ReadableStatus extends CheckStatus {
  readonly lastStateChange: number | null;
}

interface CheckRuntime extends ReadableStatus {
  readonly definition: SourceServiceCheck;
  faults: Fault[];
  downtimeDepth: number;
  /** Incident downtimes a user removed (remove-downtime): they no longer count, until they end. */
  suppressedDepth: number;
  /** Downtimes users scheduled (commands) in force now. */
  userDowntimeDepth: number;
  /** The acknowledgement survives state changes until the check recovers (a user's sticky acknowledgement). */
  stickyAck: boolean;
  /** The user acknowledgement in force, for its expiry; 0 for none. */
  ackId: number;
  /** When any part of the status last changed. */
  lastChangedAt: number;
}

type MutableCheckRuntime = { -readonly [K in keyof CheckRuntime]: CheckRuntime[K] };

/** What users' commands add to the timeline: their downtimes' start and end, their acknowledgements' expiry. */
type UserEvent =
  | { kind: "user-downtime-start" | "user-downtime-end"; at: number; order: TimelineEvent["order"]; downtimeId: number; checks: readonly number[] }
  | { kind: "user-ack-expire"; at: number; order: TimelineEvent["order"]; ackId: number; checks: readonly number[] };
type SimulationEvent = TimelineEvent | UserEvent;

export interface SimulationOptions {
  readonly estate: SimulatedEstate;
  readonly seed: number;
  readonly eventsPerHour: number;
  readonly startedAt: number;
}

/**
 * The estate's check states over time. Incidents are drawn per hour from the seed alone and
 * applied strictly in time order, so the state at a time never depends on when it was looked at.
 */
export class Simulation {
  private readonly checks: MutableCheckRuntime[];
  private readonly shape: EstateShape;
  private readonly meanGapMs: number;
  private pending: SimulationEvent[] = [];
  private commands = 0;
  private readonly checksByHost = new Map<string, number[]>();
  private epochsDrawn = 0;
  private currentTime: number;
  /** Status of each check that changed since the last mark(), as it was at the mark. */
  private readonly statusAtMark = new Map<number, ReadableStatus>();

  constructor(private readonly options: SimulationOptions) {
    this.checks = options.estate.serviceChecks.map((definition) => ({
      definition,
      state: definition.state,
      output: definition.output,
      acknowledged: definition.acknowledged,
      inDowntime: definition.inDowntime,
      faults: [],
      downtimeDepth: 0,
      suppressedDepth: 0,
      userDowntimeDepth: 0,
      stickyAck: false,
      ackId: 0,
      lastStateChange: definition.lastStateChange,
      lastChangedAt: Number.NEGATIVE_INFINITY,
    }));
    this.shape = shapeOf(options.estate);
    options.estate.serviceChecks.forEach((check, index) => {
      const list = this.checksByHost.get(check.host) ?? [];
      list.push(index);
      this.checksByHost.set(check.host, list);
    });
    this.meanGapMs = options.eventsPerHour > 0 ? HOUR / options.eventsPerHour : Number.POSITIVE_INFINITY;
    this.currentTime = Number.NEGATIVE_INFINITY;
    if (options.eventsPerHour > 0) this.schedule(this.initialIncidents());
    this.advanceTo(options.startedAt);
    this.mark();
  }

  get time(): number {
    return this.currentTime;
  }

  get checkCount(): number {
    return this.checks.length;
  }

  /** Applies every event up to and including `time`; time never runs backwards. */
  advanceTo(time: number): void {
    const target = Math.floor(time);
    if (target <= this.currentTime) return;
    while (this.meanGapMs < Number.POSITIVE_INFINITY && this.epochStart(this.epochsDrawn) <= target) {
      this.schedule(this.drawEpoch(this.epochsDrawn));
      this.epochsDrawn++;
    }
    let applied = 0;
    while (applied < this.pending.length && this.pending[applied].at <= target) {
      this.apply(this.pending[applied]);
      applied++;
    }
    this.pending = this.pending.slice(applied);
    this.currentTime = target;
  }

  snapshot(index: number): SourceServiceCheck {
    const check = this.checks[index];
    return {
      ...check.definition,
      hostTemplates: [...check.definition.hostTemplates],
      serviceGroups: [...check.definition.serviceGroups],
      state: check.state,
      acknowledged: check.acknowledged,
      inDowntime: check.inDowntime,
      output: check.output,
      lastStateChange: check.lastStateChange,
    };
  }

  snapshotAll(): SourceServiceCheck[] {
    return this.checks.map((_, index) => this.snapshot(index));
  }

  /** Checks whose status differs from what it was at the last mark(). */
  changedSinceMark(): number[] {
    return [...this.statusAtMark]
      .filter(([index, before]) => !sameStatus(before, this.checks[index]) || before.lastStateChange !== this.checks[index].lastStateChange)
      .map(([index]) => index)
      .sort((a, b) => a - b);
  }

  /** Checks whose status changed after `time` (possibly back to what it was). */
  changedAfter(time: number): number[] {
    const indices: number[] = [];
    this.checks.forEach((check, index) => {
      if (check.lastChangedAt > time) indices.push(index);
    });
    return indices;
  }

  mark(): void {
    this.statusAtMark.clear();
  }

  private epochStart(epoch: number): number {
    return this.options.startedAt + epoch * EPOCH_MS;
  }

  private drawEpoch(epoch: number): TimelineEvent[] {
    const start = this.epochStart(epoch);
    const arrivals = createRandom(deriveSeed(this.options.seed, "arrivals", epoch));
    const events: TimelineEvent[] = [];
    let index = 0;
    for (let at = start + arrivals.exponential(this.meanGapMs); at < start + EPOCH_MS; at += arrivals.exponential(this.meanGapMs)) {
      const kind = arrivals.pickWeighted(INCIDENT_KINDS);
      events.push(...this.incident(kind, Math.floor(at), epoch, index++, 0));
    }
    return events;
  }

  /** One to three incidents already under way at start-up, so a fresh start is not all green. */
  private initialIncidents(): TimelineEvent[] {
    const random = createRandom(deriveSeed(this.options.seed, "initial"));
    const count = random.int(1, 3);
    const kinds: IncidentKind[] = ["check-critical", "several-critical", "host-down", "check-warning", "downtime"];
    const events: TimelineEvent[] = [];
    for (let index = 0; index < count; index++) {
      const start = this.options.startedAt - random.int(1, 10) * MINUTE;
      const stillRunningFor = random.int(1, 10) * MINUTE;
      const kind = index === 0 ? "check-critical" : random.pick(kinds);
      events.push(...this.incident(kind, start, -1, index, this.options.startedAt - start + stillRunningFor));
    }
    return events;
  }

  private incident(kind: IncidentKind, start: number, epoch: number, index: number, minimumDuration: number): TimelineEvent[] {
    const random = createRandom(deriveSeed(this.options.seed, "incident", epoch, index));
    return planIncident({ kind, start, epoch, index, minimumDuration }, this.shape, random);
  }

  /**
   * A user's command, at the simulation's current time (advance first): acknowledgements and
   * downtime act like Icinga's. Throws SourceCommandError, as a source refuses, for unknown targets
   * or nothing to acknowledge.
   */
  command(command: SourceCommand): string {
    const at = this.currentTime;
    const id = ++this.commands;
    const order: TimelineEvent["order"] = [Number.MAX_SAFE_INTEGER, id, 0];
    const checks = this.resolve(command);
    switch (command.kind) {
      case "acknowledge": {
        const failing = checks.filter((index) => this.checks[index].state !== "OK");
        if (failing.length === 0) throw new SourceCommandError("nothing to acknowledge: no failing check among the targets");
        for (const index of failing) {
          const check = this.checks[index];
          check.stickyAck = command.sticky;
          check.ackId = id;
          this.update(index, at, { ...statusOf(check), acknowledged: true });
        }
        if (command.expiresAt !== null) this.schedule([{ kind: "user-ack-expire", at: Math.max(command.expiresAt, at + 1), order, ackId: id, checks: failing }]);
        return `Acknowledged ${failing.length} failing check${failing.length === 1 ? "" : "s"}.`;
      }
      case "remove-acknowledgement":
        for (const index of checks) this.clearAcknowledgement(index, at);
        return `Removed the acknowledgement of ${checks.length} check${checks.length === 1 ? "" : "s"}.`;
      case "downtime": {
        const start = command.startAt ?? at;
        const end = command.endAt ?? at;
        if (end <= at) throw new SourceCommandError("the downtime has already ended");
        const begin: UserEvent = { kind: "user-downtime-start", at: Math.max(start, at), order, downtimeId: id, checks };
        if (start <= at) this.apply(begin);
        this.schedule([...(start <= at ? [] : [begin]), { kind: "user-downtime-end", at: end, order: [Number.MAX_SAFE_INTEGER, id, 1], downtimeId: id, checks }]);
        return `Scheduled downtime for ${checks.length} check${checks.length === 1 ? "" : "s"}.`;
      }
      case "remove-downtime": {
        const removed = new Set(checks);
        // Downtimes not started yet lose these checks; those in force end for them now.
        this.pending = this.pending.map((event) =>
          event.kind === "user-downtime-start" || event.kind === "user-downtime-end" ? { ...event, checks: event.checks.filter((index) => !removed.has(index)) } : event,
        );
        for (const index of checks) {
          const check = this.checks[index];
          check.userDowntimeDepth = 0;
          check.suppressedDepth = check.downtimeDepth;
          this.refresh(index, at);
        }
        return `Removed the downtime of ${checks.length} check${checks.length === 1 ? "" : "s"}.`;
      }
    }
  }

  private resolve(command: SourceCommand): number[] {
    const indices = new Set<number>();
    for (const target of command.targets) {
      const onHost = this.checksByHost.get(target.host);
      if (onHost === undefined) throw new SourceCommandError(`unknown host ${target.host}`);
      const chosen = target.check === undefined ? onHost : onHost.filter((index) => this.checks[index].definition.name === target.check);
      if (chosen.length === 0) throw new SourceCommandError(`unknown check ${target.check} on ${target.host}`);
      for (const index of chosen) indices.add(index);
    }
    return [...indices].sort((a, b) => a - b);
  }

  private clearAcknowledgement(index: number, at: number): void {
    const check = this.checks[index];
    check.stickyAck = false;
    check.ackId = 0;
    this.update(index, at, { ...statusOf(check), acknowledged: false });
  }

  private schedule(events: readonly SimulationEvent[]): void {
    this.pending = [...this.pending, ...events].sort(compareEvents);
  }

  private apply(event: SimulationEvent): void {
    switch (event.kind) {
      case "user-downtime-start":
      case "user-downtime-end":
        for (const check of event.checks) {
          const runtime = this.checks[check];
          runtime.userDowntimeDepth = Math.max(0, runtime.userDowntimeDepth + (event.kind === "user-downtime-start" ? 1 : -1));
          this.refresh(check, event.at);
        }
        break;
      case "user-ack-expire":
        for (const check of event.checks) {
          if (this.checks[check].ackId === event.ackId) this.clearAcknowledgement(check, event.at);
        }
        break;
      case "fail":
        for (const { check, state, output } of event.checks) {
          this.checks[check].faults.push({ id: event.faultId, state, output });
          this.refresh(check, event.at);
        }
        break;
      case "recover":
        for (const check of event.checks) {
          this.checks[check].faults = this.checks[check].faults.filter((fault) => fault.id !== event.faultId);
          this.refresh(check, event.at);
        }
        break;
      case "acknowledge":
        for (const check of event.checks) {
          const runtime = this.checks[check];
          if (runtime.state === "OK" || !runtime.faults.some((fault) => fault.id === event.faultId)) continue;
          this.update(check, event.at, { ...runtime, acknowledged: true });
        }
        break;
      case "downtime-start":
      case "downtime-end":
        for (const check of event.checks) {
          const runtime = this.checks[check];
          runtime.downtimeDepth += event.kind === "downtime-start" ? 1 : -1;
          runtime.suppressedDepth = Math.min(runtime.suppressedDepth, runtime.downtimeDepth);
          this.refresh(check, event.at);
        }
        break;
    }
  }

  private refresh(index: number, at: number): void {
    const check = this.checks[index];
    let worst: Fault | undefined;
    for (const fault of check.faults) {
      if (!worst || SEVERITY[fault.state] >= SEVERITY[worst.state]) worst = fault;
    }
    const state = worst?.state ?? "OK";
    // Like a Nagios acknowledgement: any state change removes it, a sticky one only recovery.
    const acknowledged = check.acknowledged && (state === check.state || (check.stickyAck && state !== "OK"));
    if (!acknowledged) {
      check.stickyAck = false;
      check.ackId = 0;
    }
    this.update(index, at, {
      state,
      output: worst?.output ?? check.definition.output,
      acknowledged,
      inDowntime: check.downtimeDepth - check.suppressedDepth > 0 || check.userDowntimeDepth > 0,
    });
  }

  private update(index: number, at: number, next: CheckStatus): void {
    const check = this.checks[index];
    if (sameStatus(check, next)) return;
    if (!this.statusAtMark.has(index)) this.statusAtMark.set(index, statusOf(check));
    if (next.state !== check.state) check.lastStateChange = at;
    check.state = next.state;
    check.output = next.output;
    check.acknowledged = next.acknowledged;
    check.inDowntime = next.inDowntime;
    check.lastChangedAt = at;
  }
}

function statusOf(check: ReadableStatus): ReadableStatus {
  return {
    state: check.state,
    output: check.output,
    acknowledged: check.acknowledged,
    inDowntime: check.inDowntime,
    lastStateChange: check.lastStateChange,
  };
}

function sameStatus(a: CheckStatus, b: CheckStatus): boolean {
  return a.state === b.state && a.output === b.output && a.acknowledged === b.acknowledged && a.inDowntime === b.inDowntime;
}

function compareEvents(a: SimulationEvent, b: SimulationEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  for (let i = 0; i < a.order.length; i++) {
    if (a.order[i] !== b.order[i]) return a.order[i] - b.order[i];
  }
  return 0;
}

function shapeOf(estate: SimulatedEstate): EstateShape {
  const hostIndex = new Map(estate.hosts.map((host, index) => [host.name, index]));
  const hosts = estate.hosts.map((host) => ({ address: host.address, templateChecks: [] as number[], baseChecks: [] as number[] }));
  estate.serviceChecks.forEach((check, index) => {
    const host = hosts[hostIndex.get(check.host) ?? -1];
    if (!host) throw new RangeError(`check ${check.name} on unknown host ${check.host}`);
    (check.hostTemplates.includes(BASE_TEMPLATE) ? host.baseChecks : host.templateChecks).push(index);
  });
  const fragileComponents = estate.components
    .map((component) => ({
      hosts: component.hosts.map((name) => hostIndex.get(name) ?? -1),
      failuresToLoseQuorum: component.hosts.length - component.requiredOnline + 1,
    }))
    .filter((component) => component.failuresToLoseQuorum <= 3 && component.hosts.every((index) => index >= 0));
  return { hosts, fragileComponents, checkNames: estate.serviceChecks.map((check) => check.name) };
}
