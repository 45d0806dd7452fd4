import {
  createBsmEngine,
  type BsmConfig,
  type BsmEvaluation,
  type BsmState,
  type ComponentState,
  type HostState,
  type ServiceCheckStatus,
  type ServiceState,
  type StatusFlags,
} from "../bsm";
import { ValidationError, type FieldErrors } from "../errors/app-error";
import type { WhatIfChange, WhatIfTarget } from "./changes";

// The what-if evaluation (docs/what-if.md): the same engine runs on the current checks and on a copy
// changed as the scenario says. Pure: config and checks in, before and after out; nothing is stored.

/**
 * The check a host-wide change adds, so that the host fails (or goes into downtime) in every
 * component holding it even when none of its checks is contributed by that component's template.
 */
export const WHOLE_HOST_CHECK = "(what if: whole host)";

export interface ObjectOutcome<S extends BsmState> {
  readonly before: StatusFlags<S>;
  readonly after: StatusFlags<S>;
  /** State, acknowledged or impacted differ. */
  readonly changed: boolean;
}

export interface ComponentHostOutcome extends ObjectOutcome<HostState> {
  readonly componentId: string;
  readonly host: string;
}

export interface ComponentOutcome extends ObjectOutcome<ComponentState> {
  readonly id: string;
  readonly name: string;
  readonly requiredOnline: number;
  readonly hostsTotal: number;
  readonly hostsOperationalBefore: number;
  readonly hostsOperationalAfter: number;
  /** OPERATIONAL before, not after: fewer than requiredOnline hosts are left OPERATIONAL. */
  readonly losesZone: boolean;
  /** Not OPERATIONAL before, OPERATIONAL after. */
  readonly regainsZone: boolean;
}

export interface ServiceOutcome extends ObjectOutcome<ServiceState> {
  readonly id: string;
  readonly name: string;
  readonly goesOffline: boolean;
  readonly goesIntoDowntime: boolean;
  readonly becomesImpacted: boolean;
  /** Not OPERATIONAL before, OPERATIONAL after. */
  readonly recovers: boolean;
}

/** A change that was left out (only when evaluating leniently): its index and why. */
export interface SkippedChange {
  readonly index: number;
  readonly change: WhatIfChange;
  readonly reason: string;
}

export interface WhatIfEvaluation {
  readonly componentHosts: ComponentHostOutcome[];
  readonly components: ComponentOutcome[];
  readonly businessServices: ServiceOutcome[];
  readonly skipped: SkippedChange[];
  /** The changed copy of the checks the "after" side was evaluated on. */
  readonly modifiedChecks: ServiceCheckStatus[];
}

export interface EvaluateOptions {
  /** "reject" (the default): an unknown host or check is a 400. "skip": it is left out and listed in `skipped` (a saved scenario opened later). */
  unknown?: "reject" | "skip";
}

/** How an unknown host is refused; a host the user may not see is refused with the same words. */
export const unknownHostMessage = (host: string) => `Unknown host: ${host} (it is in no component)`;

const keyOf = (host: string, name: string) => `${host}\u0000${name}`;

function changedCheck(check: ServiceCheckStatus, to: WhatIfTarget): ServiceCheckStatus {
  switch (to) {
    case "failed":
      return { ...check, state: "CRITICAL", acknowledged: false, inDowntime: false };
    case "downtime":
      return { ...check, state: "CRITICAL", acknowledged: false, inDowntime: true };
    case "recovered":
      return { ...check, state: "OK", acknowledged: false, inDowntime: false };
  }
}

/**
 * The checks as the changes leave them, applied in order (a later change of the same check wins).
 * A host-wide change sets every check of the host and adds WHOLE_HOST_CHECK, contributed by the
 * template of every component holding the host; "recovered" sets that one OK too.
 */
export function applyWhatIfChanges(
  config: BsmConfig,
  checks: Iterable<ServiceCheckStatus>,
  changes: readonly WhatIfChange[],
  options: EvaluateOptions = {},
): { checks: ServiceCheckStatus[]; skipped: SkippedChange[] } {
  const byKey = new Map<string, ServiceCheckStatus>();
  const keysByHost = new Map<string, string[]>();
  for (const check of checks) {
    const key = keyOf(check.host, check.name);
    if (!byKey.has(key)) {
      const keys = keysByHost.get(check.host);
      if (keys) keys.push(key);
      else keysByHost.set(check.host, [key]);
    }
    byKey.set(key, check);
  }
  const templatesByHost = new Map<string, Set<string>>();
  for (const component of config.components) {
    for (const host of component.hosts) {
      const templates = templatesByHost.get(host);
      if (templates) templates.add(component.hostTemplate);
      else templatesByHost.set(host, new Set([component.hostTemplate]));
    }
  }

  const skipped: SkippedChange[] = [];
  const problems: FieldErrors = {};
  changes.forEach((change, index) => {
    const templates = templatesByHost.get(change.host);
    let reason: string | null = null;
    let field = "host";
    if (templates === undefined) reason = unknownHostMessage(change.host);
    else if (change.check !== undefined && (change.check === WHOLE_HOST_CHECK || !byKey.has(keyOf(change.host, change.check)))) {
      reason = `Unknown check: ${change.check} on ${change.host}`;
      field = "check";
    }
    if (reason !== null) {
      skipped.push({ index, change, reason });
      problems[`changes.${index}.${field}`] ??= reason;
      return;
    }
    if (change.check !== undefined) {
      const key = keyOf(change.host, change.check);
      byKey.set(key, changedCheck(byKey.get(key)!, change.to));
      return;
    }
    for (const key of keysByHost.get(change.host) ?? []) byKey.set(key, changedCheck(byKey.get(key)!, change.to));
    const wholeHost: ServiceCheckStatus = changedCheck(
      { host: change.host, name: WHOLE_HOST_CHECK, hostTemplates: [...templates!], state: "OK", acknowledged: false, inDowntime: false },
      change.to,
    );
    byKey.set(keyOf(change.host, WHOLE_HOST_CHECK), wholeHost);
  });
  if (skipped.length > 0 && (options.unknown ?? "reject") === "reject") throw new ValidationError(problems);
  return { checks: [...byKey.values()], skipped };
}

const flagsOf = <S extends BsmState>(status: StatusFlags<S>): StatusFlags<S> => ({ state: status.state, acknowledged: status.acknowledged, impacted: status.impacted });
const differ = <S extends BsmState>(a: StatusFlags<S>, b: StatusFlags<S>) => a.state !== b.state || a.acknowledged !== b.acknowledged || a.impacted !== b.impacted;

/** Before and after for every object, from two engine evaluations of the same configuration. */
export function compareEvaluations(before: BsmEvaluation, after: BsmEvaluation): Omit<WhatIfEvaluation, "skipped" | "modifiedChecks"> {
  const hostKey = (componentId: string, host: string) => `${componentId}\u0000${host}`;
  const hostsAfter = new Map(after.componentHosts.map((status) => [hostKey(status.componentId, status.host), status]));
  const componentsAfter = new Map(after.components.map((status) => [status.id, status]));
  const servicesAfter = new Map(after.businessServices.map((status) => [status.id, status]));

  const componentHosts = before.componentHosts.map((was): ComponentHostOutcome => {
    const now = hostsAfter.get(hostKey(was.componentId, was.host))!;
    return { componentId: was.componentId, host: was.host, before: flagsOf(was), after: flagsOf(now), changed: differ(was, now) };
  });
  const components = before.components.map((was): ComponentOutcome => {
    const now = componentsAfter.get(was.id)!;
    return {
      id: was.id,
      name: was.name,
      requiredOnline: was.requiredOnline,
      hostsTotal: was.hostsTotal,
      hostsOperationalBefore: was.hostsOperational,
      hostsOperationalAfter: now.hostsOperational,
      before: flagsOf(was),
      after: flagsOf(now),
      changed: differ(was, now),
      losesZone: was.state === "OPERATIONAL" && now.state !== "OPERATIONAL",
      regainsZone: was.state !== "OPERATIONAL" && now.state === "OPERATIONAL",
    };
  });
  const businessServices = before.businessServices.map((was): ServiceOutcome => {
    const now = servicesAfter.get(was.id)!;
    return {
      id: was.id,
      name: was.name,
      before: flagsOf(was),
      after: flagsOf(now),
      changed: differ(was, now),
      goesOffline: was.state !== "OFFLINE" && now.state === "OFFLINE",
      goesIntoDowntime: was.state !== "DOWNTIME" && now.state === "DOWNTIME",
      becomesImpacted: !was.impacted && now.impacted,
      recovers: was.state !== "OPERATIONAL" && now.state === "OPERATIONAL",
    };
  });
  return { componentHosts, components, businessServices };
}

/**
 * What the estate would look like after the changes: the engine evaluates the current checks
 * (before) and the changed copy (after). The inputs are not modified.
 */
export function evaluateWhatIf(
  config: BsmConfig,
  checks: readonly ServiceCheckStatus[],
  changes: readonly WhatIfChange[],
  options: EvaluateOptions = {},
): WhatIfEvaluation {
  const { checks: modifiedChecks, skipped } = applyWhatIfChanges(config, checks, changes, options);
  const before = createBsmEngine(config, checks).listAll();
  const after = createBsmEngine(config, modifiedChecks).listAll();
  return { ...compareEvaluations(before, after), skipped, modifiedChecks };
}
