import type { SourceCheckState } from "../types";
import { criticalOutput, hostDownOutput, unknownOutput, warningOutput } from "./outputs";
import type { Random } from "./random";

export type ProblemState = Exclude<SourceCheckState, "OK">;

/** Where an event sits in the timeline when two share a time: incident, then step within it. */
export type EventOrder = readonly [epoch: number, incident: number, step: number];

export type TimelineEvent =
  | { kind: "fail"; at: number; order: EventOrder; faultId: string; checks: readonly { check: number; state: ProblemState; output: string }[] }
  | { kind: "recover" | "acknowledge"; at: number; order: EventOrder; faultId: string; checks: readonly number[] }
  | { kind: "downtime-start" | "downtime-end"; at: number; order: EventOrder; checks: readonly number[] };

/** What an incident may touch, by index into the simulation's check list. */
export interface EstateShape {
  readonly hosts: readonly { readonly address: string; readonly templateChecks: readonly number[]; readonly baseChecks: readonly number[] }[];
  /** Hosts of components that lose their quorum when N - R + 1 of them fail (kept to three or fewer). */
  readonly fragileComponents: readonly { readonly hosts: readonly number[]; readonly failuresToLoseQuorum: number }[];
  readonly checkNames: readonly string[];
}

export type IncidentKind =
  | "check-critical"
  | "check-warning"
  | "check-unknown"
  | "several-critical"
  | "host-down"
  | "quorum-loss"
  | "downtime"
  | "component-maintenance";

export const INCIDENT_KINDS: readonly { weight: number; value: IncidentKind }[] = [
  { weight: 42, value: "check-critical" },
  { weight: 14, value: "check-warning" },
  { weight: 4, value: "check-unknown" },
  { weight: 12, value: "several-critical" },
  { weight: 8, value: "host-down" },
  { weight: 3, value: "quorum-loss" },
  { weight: 10, value: "downtime" },
  { weight: 3, value: "component-maintenance" },
];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
export const MAX_FAILURE_MS = 15 * MINUTE;

export interface IncidentPlan {
  readonly kind: IncidentKind;
  readonly start: number;
  readonly epoch: number;
  readonly index: number;
  /** Every part of the incident lasts at least this long (so incidents already running at start-up are still running). */
  readonly minimumDuration: number;
}

/** Turns one incident into its timeline events; all choices come from the incident's own random stream. */
export function planIncident(plan: IncidentPlan, shape: EstateShape, random: Random): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let step = 0;
  let faults = 0;
  const order = (): EventOrder => [plan.epoch, plan.index, step++];
  const failureDuration = () => Math.max(random.int(60, 900) * SECOND, plan.minimumDuration);

  const fault = (
    start: number,
    duration: number,
    checks: readonly { check: number; state: ProblemState; output: string }[],
    acknowledgeable: boolean,
  ) => {
    const faultId = `${plan.epoch}:${plan.index}:${faults++}`;
    events.push({ kind: "fail", at: start, order: order(), faultId, checks });
    const acknowledgeAfter = random.int(2 * 60, 6 * 60) * SECOND;
    if (acknowledgeable && random.chance(0.5) && acknowledgeAfter < duration) {
      events.push({ kind: "acknowledge", at: start + acknowledgeAfter, order: order(), faultId, checks: checks.map(({ check }) => check) });
    }
    events.push({ kind: "recover", at: start + duration, order: order(), faultId, checks: checks.map(({ check }) => check) });
  };

  const pickCheck = (host: EstateShape["hosts"][number]) =>
    random.chance(0.7) && host.templateChecks.length > 0 ? random.pick(host.templateChecks) : random.pick(host.baseChecks);
  const critical = (check: number) => ({ check, state: "CRITICAL" as const, output: criticalOutput(shape.checkNames[check], random) });
  const hostDown = (hostIndex: number) => {
    const host = shape.hosts[hostIndex];
    const output = hostDownOutput(host.address);
    return [...host.templateChecks, ...host.baseChecks].map((check) => ({ check, state: "CRITICAL" as const, output }));
  };

  const hostIndex = random.int(0, shape.hosts.length - 1);
  const host = shape.hosts[hostIndex];
  switch (plan.kind) {
    case "check-critical":
      fault(plan.start, failureDuration(), [critical(pickCheck(host))], true);
      break;
    case "check-warning": {
      const check = pickCheck(host);
      fault(plan.start, failureDuration(), [{ check, state: "WARNING", output: warningOutput(shape.checkNames[check], random) }], false);
      break;
    }
    case "check-unknown":
      fault(plan.start, failureDuration(), [{ check: pickCheck(host), state: "UNKNOWN", output: unknownOutput(random) }], false);
      break;
    case "several-critical": {
      const all = [...host.templateChecks, ...host.baseChecks];
      const chosen = random.shuffle(all).slice(0, random.int(2, Math.min(4, all.length)));
      fault(plan.start, failureDuration(), chosen.sort((a, b) => a - b).map(critical), true);
      break;
    }
    case "host-down":
      fault(plan.start, failureDuration(), hostDown(hostIndex), true);
      break;
    case "quorum-loss": {
      if (shape.fragileComponents.length === 0) {
        fault(plan.start, failureDuration(), hostDown(hostIndex), true);
        break;
      }
      const component = random.pick(shape.fragileComponents);
      const victims = random.shuffle(component.hosts).slice(0, component.failuresToLoseQuorum);
      const duration = failureDuration();
      for (const victim of victims) {
        const delay = random.int(0, 60) * SECOND;
        fault(plan.start + delay, Math.max(duration + random.int(0, 120) * SECOND - delay, plan.minimumDuration), hostDown(victim), true);
      }
      break;
    }
    case "downtime":
    case "component-maintenance": {
      const length = Math.max(random.int(10, 40) * MINUTE, plan.minimumDuration);
      const maintainsComponent = plan.kind === "component-maintenance" && shape.fragileComponents.length > 0;
      const component = maintainsComponent ? random.pick(shape.fragileComponents) : undefined;
      const hosts = component ? random.shuffle(component.hosts).slice(0, component.failuresToLoseQuorum) : [hostIndex];
      for (const target of hosts) {
        const checks = [...shape.hosts[target].templateChecks, ...shape.hosts[target].baseChecks];
        events.push({ kind: "downtime-start", at: plan.start, order: order(), checks });
        events.push({ kind: "downtime-end", at: plan.start + length, order: order(), checks });
      }
      // Maintenance often breaks something for a while (always, when it takes a component below quorum); it is over before the downtime ends.
      for (const target of hosts) {
        if (!component && !random.chance(0.4)) continue;
        const failAt = plan.start + random.int(30, Math.floor(length / 3 / SECOND)) * SECOND;
        const lastsUntil = random.int(failAt + MINUTE, plan.start + length - 30 * SECOND);
        const broken = component || random.chance(0.5) ? hostDown(target) : [critical(pickCheck(shape.hosts[target]))];
        fault(failAt, lastsUntil - failAt, broken, false);
      }
      break;
    }
  }
  return events;
}
