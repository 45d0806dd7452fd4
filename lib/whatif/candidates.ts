import type { BsmConfig, CheckState, ServiceCheckStatus } from "../bsm";
import type { WhatIfChange } from "./changes";
import { WHOLE_HOST_CHECK } from "./evaluate";

// The hosts the What-if page offers (docs/what-if.md §3): those of the chosen service or component,
// or every component host, always only those the user may see. Pure.

export type WhatIfScope = { kind: "estate" } | { kind: "service"; id: number } | { kind: "component"; id: number };

export interface CandidateHost {
  name: string;
  /** Names of the components holding it (visible ones). */
  components: string[];
  checks: { name: string; state: CheckState }[];
}

export interface WhatIfCandidates {
  /** What the list covers, for the page: "the whole estate", "business service Shop". Null when the scope is not visible. */
  scopeLabel: string;
  hosts: CandidateHost[];
}

export interface CandidateVisibility {
  canSeeHost(name: string): boolean;
  canSeeService(id: number): boolean;
  canSeeComponent(id: number): boolean;
}

/** The hosts to choose from, in configured order; null when the scope is not there or not visible. */
export function whatIfCandidates(config: BsmConfig, checks: readonly ServiceCheckStatus[], visibility: CandidateVisibility, scope: WhatIfScope): WhatIfCandidates | null {
  let label = "every component you may see";
  let componentIds: Set<string>;
  if (scope.kind === "service") {
    const service = config.businessServices.find((candidate) => candidate.id === String(scope.id));
    if (service === undefined || !visibility.canSeeService(scope.id)) return null;
    label = `business service ${service.name}`;
    componentIds = new Set(service.components);
  } else if (scope.kind === "component") {
    const component = config.components.find((candidate) => candidate.id === String(scope.id));
    if (component === undefined || !visibility.canSeeComponent(scope.id)) return null;
    label = `component ${component.name}`;
    componentIds = new Set([component.id]);
  } else {
    componentIds = new Set(config.components.map((component) => component.id));
  }
  const checksByHost = new Map<string, { name: string; state: CheckState }[]>();
  for (const check of checks) {
    if (check.name === WHOLE_HOST_CHECK) continue;
    const list = checksByHost.get(check.host) ?? [];
    list.push({ name: check.name, state: check.state });
    checksByHost.set(check.host, list);
  }
  const hosts = new Map<string, CandidateHost>();
  for (const component of config.components) {
    if (!componentIds.has(component.id) || !visibility.canSeeComponent(Number(component.id))) continue;
    for (const host of component.hosts) {
      if (!visibility.canSeeHost(host)) continue;
      const known = hosts.get(host);
      if (known) known.components.push(component.name);
      else hosts.set(host, { name: host, components: [component.name], checks: (checksByHost.get(host) ?? []).sort((a, b) => a.name.localeCompare(b.name)) });
    }
  }
  return { scopeLabel: label, hosts: [...hosts.values()] };
}

/** Hosts named in ?hosts=a,b that the user may choose, each made failed; the rest are reported as not offered. */
export function prefilledChanges(requested: readonly string[], candidates: WhatIfCandidates): { changes: WhatIfChange[]; notOffered: string[] } {
  const offered = new Set(candidates.hosts.map((host) => host.name));
  const unique = [...new Set(requested.map((name) => name.trim()).filter((name) => name.length > 0))];
  return {
    changes: unique.filter((name) => offered.has(name)).map((host) => ({ host, to: "failed" as const })),
    notOffered: unique.filter((name) => !offered.has(name)),
  };
}
