import type {
  BsmConfig,
  BusinessServiceStatus,
  CheckHistoryEntry,
  ComponentHostStatus,
  ComponentStatus,
  HostState,
  ServiceCheckStatus,
  ServiceState,
} from "../types";

/*
 * A deliberately naive oracle for tests, written straight from the wording
 * of docs/status-rules.md (zone order, "worst state in the zone", scans over all
 * checks) and sharing no code with the engine.
 */

export interface ReferenceEvaluation {
  componentHosts: ComponentHostStatus[];
  components: (ComponentStatus & { zoneOrder: string[]; componentViewOrder: string[] })[];
  businessServices: BusinessServiceStatus[];
  summaryOrder: string[];
}

type CheckStatus = Pick<ServiceCheckStatus, "host" | "name" | "hostTemplates" | "state" | "acknowledged" | "inDowntime">;

export function evaluateReference(config: BsmConfig, checks: readonly CheckStatus[]): ReferenceEvaluation {
  const componentHosts: ComponentHostStatus[] = [];
  const components = config.components.map((component) => {
    const hosts = component.hosts.map((host): ComponentHostStatus => {
      const critical = checks.filter(
        (check) => check.host === host && check.hostTemplates.includes(component.hostTemplate) && check.state === "CRITICAL",
      );
      let state: HostState;
      if (critical.length === 0) state = "OPERATIONAL";
      else if (critical.every((check) => check.inDowntime)) state = "DOWNTIME";
      else state = "FAILED";
      const acknowledged =
        state === "FAILED" && critical.filter((check) => !check.inDowntime).every((check) => check.acknowledged);
      return { componentId: component.id, host, state, acknowledged, impacted: false };
    });
    componentHosts.push(...hosts);
    const zoneOrder = [
      ...hosts.filter((host) => host.state === "OPERATIONAL"),
      ...hosts.filter((host) => host.state === "FAILED"),
      ...hosts.filter((host) => host.state === "DOWNTIME"),
    ];
    const zone = zoneOrder.slice(0, component.requiredOnline);
    const state: HostState = zone.some((host) => host.state === "FAILED")
      ? "FAILED"
      : zone.some((host) => host.state === "DOWNTIME")
        ? "DOWNTIME"
        : "OPERATIONAL";
    const failed = hosts.filter((host) => host.state === "FAILED");
    const hostsTotal = hosts.length;
    return {
      id: component.id,
      name: component.name,
      state,
      acknowledged: failed.length >= 1 && failed.every((host) => host.acknowledged),
      impacted: state === "OPERATIONAL" && failed.length >= 1,
      hostsTotal,
      hostsOperational: hosts.filter((host) => host.state === "OPERATIONAL").length,
      hostsFailed: failed.length,
      hostsDowntime: hosts.filter((host) => host.state === "DOWNTIME").length,
      hostsAcknowledged: hosts.filter((host) => host.acknowledged).length,
      requiredOnline: component.requiredOnline,
      allowedToFail: hostsTotal - component.requiredOnline,
      operationalZonePercent: hostsTotal === 0 ? 100 : Number(((component.requiredOnline / hostsTotal) * 100).toFixed(2)),
      zoneOrder: zoneOrder.map((host) => host.host),
      componentViewOrder: [
        ...hosts.filter((host) => host.state === "FAILED"),
        ...hosts.filter((host) => host.state === "DOWNTIME"),
        ...hosts.filter((host) => host.state === "OPERATIONAL"),
      ].map((host) => host.host),
    };
  });

  const emptyComponent = { state: "OPERATIONAL", acknowledged: false, impacted: false } as const;
  const businessServices = config.businessServices.map((service): BusinessServiceStatus => {
    const members = service.components.map((id) => components.find((component) => component.id === id) ?? emptyComponent);
    const state: ServiceState = members.some((c) => c.state === "FAILED")
      ? "OFFLINE"
      : members.some((c) => c.state === "DOWNTIME")
        ? "DOWNTIME"
        : "OPERATIONAL";
    const needingAcknowledgement = members.filter((c) => c.state === "FAILED" || c.impacted);
    return {
      id: service.id,
      name: service.name,
      state,
      acknowledged: needingAcknowledgement.length >= 1 && needingAcknowledgement.every((c) => c.acknowledged),
      impacted: members.some((c) => c.impacted),
      componentsTotal: members.length,
      componentsFailed: members.filter((c) => c.state === "FAILED").length,
      componentsImpacted: members.filter((c) => c.impacted).length,
      componentsDowntime: members.filter((c) => c.state === "DOWNTIME").length,
      componentsAcknowledged: members.filter((c) => c.acknowledged).length,
    };
  });

  const rank = (service: BusinessServiceStatus) =>
    service.state === "OFFLINE" ? 0 : service.state === "DOWNTIME" ? 1 : service.impacted ? 2 : 3;
  const summaryOrder = [...businessServices]
    .sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((service) => service.id);

  return { componentHosts, components, businessServices, summaryOrder };
}

/** Check statuses at instant t by the history rules of docs/status-rules.md §6.3. */
export function checksAt(
  checks: readonly ServiceCheckStatus[],
  history: readonly CheckHistoryEntry[],
  t: number,
): ServiceCheckStatus[] {
  return checks.map((check) => {
    const entries = history.filter((entry) => entry.host === check.host && entry.name === check.name);
    if (entries.length === 0) return check;
    const holding = entries.filter((entry) => entry.at <= t).sort((a, b) => a.at - b.at);
    const last = holding.at(-1);
    if (last === undefined) return { ...check, state: "OK", acknowledged: false, inDowntime: false };
    return { ...check, state: last.state, acknowledged: last.acknowledged, inDowntime: last.inDowntime };
  });
}
