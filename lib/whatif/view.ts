import { severityOf, type BsmState, type ComponentState, type HostState, type ServiceState, type StatusFlags } from "../bsm";
import type { WhatIfChange } from "./changes";
import type { SkippedChange, WhatIfEvaluation } from "./evaluate";

// What a user is shown of an evaluation: only services, components and hosts they may see, and of
// those only what changes (the rest counted). Pure; the access questions come in as functions.

export interface WhatIfVisibility {
  canSeeService(id: number): boolean;
  canSeeComponent(id: number): boolean;
  canSeeHost(name: string): boolean;
}

export interface ServiceChangeView {
  id: number;
  name: string;
  before: StatusFlags<ServiceState>;
  after: StatusFlags<ServiceState>;
  goesOffline: boolean;
  goesIntoDowntime: boolean;
  becomesImpacted: boolean;
  recovers: boolean;
}

export interface ComponentChangeView {
  id: number;
  name: string;
  before: StatusFlags<ComponentState>;
  after: StatusFlags<ComponentState>;
  requiredOnline: number;
  hostsTotal: number;
  hostsOperationalBefore: number;
  hostsOperationalAfter: number;
  losesZone: boolean;
  regainsZone: boolean;
  /** Its hosts whose state changes, those the user may see. */
  hosts: { host: string; before: StatusFlags<HostState>; after: StatusFlags<HostState> }[];
}

export interface WhatIfView {
  changes: WhatIfChange[];
  /** Changes of a saved scenario that no longer apply (a host or check gone). */
  skipped: SkippedChange[];
  businessServices: ServiceChangeView[];
  components: ComponentChangeView[];
  /** Visible objects whose status stays as it is. */
  unchanged: { businessServices: number; components: number };
  counts: { servicesOffline: number; servicesDowntime: number; servicesImpacted: number; servicesRecovering: number; componentsLosingZone: number; componentsRegainingZone: number };
}

/** Most severe outcome first (the one severity order, lib/bsm/severity.ts). */
const bySeverityAfter = (a: { after: { state: BsmState } }, b: { after: { state: BsmState } }) => severityOf(b.after.state) - severityOf(a.after.state);

export function whatIfView(evaluation: WhatIfEvaluation, changes: readonly WhatIfChange[], visibility: WhatIfVisibility): WhatIfView {
  const services = evaluation.businessServices.filter((outcome) => visibility.canSeeService(Number(outcome.id)));
  const components = evaluation.components.filter((outcome) => visibility.canSeeComponent(Number(outcome.id)));
  const changedHosts = new Map<string, ComponentChangeView["hosts"]>();
  for (const outcome of evaluation.componentHosts) {
    if (!outcome.changed || !visibility.canSeeHost(outcome.host)) continue;
    const list = changedHosts.get(outcome.componentId) ?? [];
    list.push({ host: outcome.host, before: outcome.before, after: outcome.after });
    changedHosts.set(outcome.componentId, list);
  }
  const changedServices = services
    .filter((outcome) => outcome.changed)
    .map((outcome): ServiceChangeView => ({
      id: Number(outcome.id),
      name: outcome.name,
      before: outcome.before,
      after: outcome.after,
      goesOffline: outcome.goesOffline,
      goesIntoDowntime: outcome.goesIntoDowntime,
      becomesImpacted: outcome.becomesImpacted,
      recovers: outcome.recovers,
    }))
    .sort((a, b) => bySeverityAfter(a, b) || a.name.localeCompare(b.name) || a.id - b.id);
  // A component whose own status stays but whose hosts change (a host failing inside the allowance) is listed too.
  const changedComponents = components
    .filter((outcome) => outcome.changed || changedHosts.has(outcome.id))
    .map((outcome): ComponentChangeView => ({
      id: Number(outcome.id),
      name: outcome.name,
      before: outcome.before,
      after: outcome.after,
      requiredOnline: outcome.requiredOnline,
      hostsTotal: outcome.hostsTotal,
      hostsOperationalBefore: outcome.hostsOperationalBefore,
      hostsOperationalAfter: outcome.hostsOperationalAfter,
      losesZone: outcome.losesZone,
      regainsZone: outcome.regainsZone,
      hosts: changedHosts.get(outcome.id) ?? [],
    }))
    .sort((a, b) => bySeverityAfter(a, b) || a.name.localeCompare(b.name) || a.id - b.id);
  return {
    changes: [...changes],
    skipped: evaluation.skipped,
    businessServices: changedServices,
    components: changedComponents,
    unchanged: { businessServices: services.length - changedServices.length, components: components.length - changedComponents.length },
    counts: {
      servicesOffline: changedServices.filter((outcome) => outcome.goesOffline).length,
      servicesDowntime: changedServices.filter((outcome) => outcome.goesIntoDowntime).length,
      servicesImpacted: changedServices.filter((outcome) => outcome.becomesImpacted).length,
      servicesRecovering: changedServices.filter((outcome) => outcome.recovers).length,
      componentsLosingZone: changedComponents.filter((outcome) => outcome.losesZone).length,
      componentsRegainingZone: changedComponents.filter((outcome) => outcome.regainsZone).length,
    },
  };
}
