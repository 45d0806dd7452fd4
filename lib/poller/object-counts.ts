import type { BsmEngine, BsmTransition, BusinessServiceStatus, ComponentStatus, ServiceCounts } from "../bsm";
import type { ComponentCounts } from "../status/stored-statuses";
import { businessServiceRef, componentRef, objectRefKey, type BsmObjectRef } from "../status/bsm-object";

export interface ObjectCountsRow extends BsmObjectRef {
  counts: ComponentCounts | ServiceCounts;
}

export function componentCounts(status: ComponentStatus): ComponentCounts {
  return {
    hostsTotal: status.hostsTotal,
    hostsOperational: status.hostsOperational,
    hostsFailed: status.hostsFailed,
    hostsDowntime: status.hostsDowntime,
    hostsAcknowledged: status.hostsAcknowledged,
    requiredOnline: status.requiredOnline,
    allowedToFail: status.allowedToFail,
    operationalZonePercent: status.operationalZonePercent,
  };
}

export function serviceCounts(status: BusinessServiceStatus): ServiceCounts {
  return {
    componentsTotal: status.componentsTotal,
    componentsFailed: status.componentsFailed,
    componentsImpacted: status.componentsImpacted,
    componentsDowntime: status.componentsDowntime,
    componentsAcknowledged: status.componentsAcknowledged,
  };
}

/**
 * The counts last stored for each component and business service, so a cycle writes only those that
 * moved. Counts move only with a transition of a child (or of the object, for its parent's counts) or
 * with the configuration; a component host has none.
 */
export class StoredCountsMirror {
  private written = new Map<string, string>();

  /** Every object's counts that differ from the stored ones (first load, configuration change); forgets vanished objects. */
  reconcile(engine: BsmEngine): ObjectCountsRow[] {
    const previous = this.written;
    this.written = new Map();
    const rows: ObjectCountsRow[] = [];
    for (const component of engine.listComponents()) this.record(componentRef(component.id), componentCounts(component), previous, rows);
    for (const service of engine.listBusinessServices()) this.record(businessServiceRef(service.id), serviceCounts(service), previous, rows);
    return rows;
  }

  /** The counts the transitions of one cycle changed. */
  applyTransitions(engine: BsmEngine, transitions: readonly BsmTransition[]): ObjectCountsRow[] {
    const components = new Set<string>();
    const services = new Set<string>();
    for (const transition of transitions) {
      if (transition.objectType === "componentHost") components.add(transition.componentId);
      else if (transition.objectType === "component") {
        components.add(transition.id);
        for (const service of engine.businessServicesOfComponent(transition.id)) services.add(service);
      } else services.add(transition.id);
    }
    const rows: ObjectCountsRow[] = [];
    for (const id of components) {
      const component = engine.getComponent(id);
      if (component) this.record(componentRef(id), componentCounts(component), this.written, rows);
    }
    for (const id of services) {
      const service = engine.getBusinessService(id);
      if (service) this.record(businessServiceRef(id), serviceCounts(service), this.written, rows);
    }
    return rows;
  }

  private record(ref: BsmObjectRef, counts: ObjectCountsRow["counts"], previous: Map<string, string>, rows: ObjectCountsRow[]): void {
    const key = objectRefKey(ref);
    const json = JSON.stringify(counts);
    if (previous.get(key) !== json) rows.push({ ...ref, counts });
    this.written.set(key, json);
  }
}
