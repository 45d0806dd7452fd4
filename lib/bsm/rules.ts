import { SEVERITY_ORDER, ZONE_ORDER, severityOf } from "./severity";
import type {
  BsmState,
  BusinessServiceStatus,
  ComponentState,
  ComponentStatus,
  HostState,
  ServiceCheckStatus,
  ServiceState,
  StatusFlags,
} from "./types";

/*
 * The rules of docs/status-rules.md §2–§5, once. The engine and the availability sweep
 * work on counts and small integer codes: a status code is the state's
 * severity index plus two flag bits.
 */

export const OPERATIONAL = severityOf("OPERATIONAL");
export const DOWNTIME = severityOf("DOWNTIME");
export const FAILED = severityOf("FAILED");
export const OFFLINE = severityOf("OFFLINE");
export const STATE_MASK = 3;
export const ACKNOWLEDGED = 4;
export const IMPACTED = 8;

/** What one check contributes to a component host. */
export const NOT_CRITICAL = 0;
export const CRITICAL_IN_DOWNTIME = 1;
export const CRITICAL_ACKNOWLEDGED = 2;
export const CRITICAL_UNACKNOWLEDGED = 3;
export type CheckContribution = 0 | 1 | 2 | 3;

export function checkContribution(check: Pick<ServiceCheckStatus, "state" | "acknowledged" | "inDowntime">): CheckContribution {
  if (check.state !== "CRITICAL") return NOT_CRITICAL;
  if (check.inDowntime) return CRITICAL_IN_DOWNTIME;
  return check.acknowledged ? CRITICAL_ACKNOWLEDGED : CRITICAL_UNACKNOWLEDGED;
}

/** critical: CRITICAL checks; inDowntime: those of them in downtime; unacknowledged: the others not acknowledged. */
export function hostStatusCode(critical: number, inDowntime: number, unacknowledged: number): number {
  if (critical === 0) return OPERATIONAL;
  if (inDowntime === critical) return DOWNTIME;
  return unacknowledged === 0 ? FAILED | ACKNOWLEDGED : FAILED;
}

export function componentStateCode(hostsTotal: number, requiredOnline: number, failed: number, downtime: number): number {
  if (hostsTotal - failed - downtime >= requiredOnline) return OPERATIONAL;
  return failed > 0 ? FAILED : DOWNTIME;
}

/** acknowledgedHosts counts FAILED hosts that are acknowledged. */
export function componentStatusCode(
  hostsTotal: number,
  requiredOnline: number,
  failed: number,
  downtime: number,
  acknowledgedHosts: number,
): number {
  const state = componentStateCode(hostsTotal, requiredOnline, failed, downtime);
  let code = state;
  if (failed > 0 && acknowledgedHosts === failed) code |= ACKNOWLEDGED;
  if (state === OPERATIONAL && failed > 0) code |= IMPACTED;
  return code;
}

/** An acknowledged component is always FAILED or impacted, so acknowledgedComponents never exceeds failed + impacted. */
export function serviceStatusCode(failed: number, downtime: number, impacted: number, acknowledgedComponents: number): number {
  let code = failed > 0 ? OFFLINE : downtime > 0 ? DOWNTIME : OPERATIONAL;
  const needingAcknowledgement = failed + impacted;
  if (needingAcknowledgement > 0 && acknowledgedComponents === needingAcknowledgement) code |= ACKNOWLEDGED;
  if (impacted > 0) code |= IMPACTED;
  return code;
}

export function stateOfCode<S extends BsmState>(code: number): S {
  return SEVERITY_ORDER[code & STATE_MASK] as S;
}

const flagsByCode: StatusFlags<BsmState>[] = Array.from({ length: 16 }, (_, code) =>
  Object.freeze({ state: stateOfCode(code), acknowledged: (code & ACKNOWLEDGED) !== 0, impacted: (code & IMPACTED) !== 0 }),
);

/** Shared frozen objects: decoding a status allocates nothing. */
export function flagsOfCode<S extends BsmState>(code: number): StatusFlags<S> {
  return flagsByCode[code] as StatusFlags<S>;
}

/** Half-up rounding to two decimals of part / whole * 100, exact for integer inputs. */
export function roundPercent(part: number, whole: number): number {
  if (whole <= 0) return 100;
  return Math.round((part * 10_000) / whole) / 100;
}

export function operationalZonePercent(requiredOnline: number, hostsTotal: number): number {
  return roundPercent(requiredOnline, hostsTotal);
}

/**
 * The R a component is evaluated with: its stored requiredOnline capped by its host count, as
 * removing hosts from the source can leave a stored R above N.
 */
export function effectiveRequiredOnline(requiredOnline: number, hostsTotal: number): number {
  return Math.min(requiredOnline, hostsTotal);
}

export type ZoneFigures = Pick<ComponentStatus, "requiredOnline" | "allowedToFail" | "operationalZonePercent">;

/** R (capped by N), N - R and the operational zone percent of a component with hostsTotal hosts. */
export function zoneFigures(requiredOnline: number, hostsTotal: number): ZoneFigures {
  const effective = effectiveRequiredOnline(requiredOnline, hostsTotal);
  return { requiredOnline: effective, allowedToFail: hostsTotal - effective, operationalZonePercent: operationalZonePercent(effective, hostsTotal) };
}

// Name-level rules: the same rules for callers holding statuses rather than counts.

/** checks: the host's checks that the component's host template contributes. */
export function computeComponentHostStatus(
  checks: readonly Pick<ServiceCheckStatus, "state" | "acknowledged" | "inDowntime">[],
): StatusFlags<HostState> {
  let critical = 0;
  let inDowntime = 0;
  let unacknowledged = 0;
  for (const check of checks) {
    const contribution = checkContribution(check);
    if (contribution !== NOT_CRITICAL) critical++;
    if (contribution === CRITICAL_IN_DOWNTIME) inDowntime++;
    if (contribution === CRITICAL_UNACKNOWLEDGED) unacknowledged++;
  }
  return flagsOfCode(hostStatusCode(critical, inDowntime, unacknowledged));
}

export type ComponentCounts = Pick<
  ComponentStatus,
  "hostsTotal" | "hostsOperational" | "hostsFailed" | "hostsDowntime" | "hostsAcknowledged"
>;

/** requiredOnline: the stored R; it is capped by the host count (effectiveRequiredOnline). */
export function computeComponentStatus(
  hosts: readonly StatusFlags<HostState>[],
  requiredOnline: number,
): StatusFlags<ComponentState> & ComponentCounts & ZoneFigures {
  let failed = 0;
  let downtime = 0;
  let acknowledged = 0;
  for (const host of hosts) {
    if (host.state === "FAILED") {
      failed++;
      if (host.acknowledged) acknowledged++;
    } else if (host.state === "DOWNTIME") downtime++;
  }
  const figures = zoneFigures(requiredOnline, hosts.length);
  const code = componentStatusCode(hosts.length, figures.requiredOnline, failed, downtime, acknowledged);
  return {
    ...flagsOfCode<ComponentState>(code),
    hostsTotal: hosts.length,
    hostsOperational: hosts.length - failed - downtime,
    hostsFailed: failed,
    hostsDowntime: downtime,
    hostsAcknowledged: acknowledged,
    ...figures,
  };
}

export type ServiceCounts = Pick<
  BusinessServiceStatus,
  "componentsTotal" | "componentsFailed" | "componentsImpacted" | "componentsDowntime" | "componentsAcknowledged"
>;

export function computeBusinessServiceStatus(
  components: readonly StatusFlags<ComponentState>[],
): StatusFlags<ServiceState> & ServiceCounts {
  let failed = 0;
  let downtime = 0;
  let impacted = 0;
  let acknowledged = 0;
  for (const component of components) {
    if (component.state === "FAILED") failed++;
    else if (component.state === "DOWNTIME") downtime++;
    if (component.impacted) impacted++;
    if (component.acknowledged) acknowledged++;
  }
  return {
    ...flagsOfCode<ServiceState>(serviceStatusCode(failed, downtime, impacted, acknowledged)),
    componentsTotal: components.length,
    componentsFailed: failed,
    componentsImpacted: impacted,
    componentsDowntime: downtime,
    componentsAcknowledged: acknowledged,
  };
}

/** OPERATIONAL, FAILED, DOWNTIME; configured order within a group. The first R items are the operational zone. */
export function orderByZone<T>(items: readonly T[], stateOf: (item: T) => HostState): T[] {
  return ZONE_ORDER.flatMap((zoneState) => items.filter((item) => stateOf(item) === zoneState));
}

/** Component view: most severe first (FAILED, DOWNTIME, OPERATIONAL); configured order within a group. */
export function orderForComponentView<T>(items: readonly T[], stateOf: (item: T) => HostState): T[] {
  return items
    .map((item, position) => ({ item, position, severity: severityOf(stateOf(item)) }))
    .sort((a, b) => b.severity - a.severity || a.position - b.position)
    .map(({ item }) => item);
}

/** Summary rank: OFFLINE, DOWNTIME, OPERATIONAL-and-impacted, OPERATIONAL (lower comes first). */
function summaryRank(service: StatusFlags<ServiceState>): number {
  if (service.state !== "OPERATIONAL") return -severityOf(service.state);
  return service.impacted ? 0 : 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareForSummary(
  a: StatusFlags<ServiceState> & { readonly name: string; readonly id: string },
  b: StatusFlags<ServiceState> & { readonly name: string; readonly id: string },
): number {
  return summaryRank(a) - summaryRank(b) || compareText(a.name, b.name) || compareText(a.id, b.id);
}

export function checkKeyOf(check: { readonly host: string; readonly name: string }): string {
  return `${check.host}\u0000${check.name}`;
}
