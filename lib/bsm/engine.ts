// Rules: docs/status-rules.md §3–§5 (states, flags, counts, orders) and §7 (transitions), applied incrementally.
import { buildEstateIndex, componentHostIndex, type EstateIndex } from "./estate-index";
import {
  ACKNOWLEDGED,
  DOWNTIME,
  FAILED,
  IMPACTED,
  NOT_CRITICAL,
  OPERATIONAL,
  CRITICAL_IN_DOWNTIME,
  CRITICAL_UNACKNOWLEDGED,
  STATE_MASK,
  checkContribution,
  compareForSummary,
  componentStatusCode,
  flagsOfCode,
  hostStatusCode,
  orderByZone,
  orderForComponentView,
  serviceStatusCode,
  zoneFigures,
  type CheckContribution,
} from "./rules";
import type {
  BsmConfig,
  BsmTransition,
  BusinessServiceStatus,
  ComponentHostStatus,
  ComponentState,
  ComponentStatus,
  HostState,
  ServiceCheckStatus,
  ServiceState,
} from "./types";

export interface BsmEvaluation {
  readonly componentHosts: ComponentHostStatus[];
  readonly components: ComponentStatus[];
  readonly businessServices: BusinessServiceStatus[];
  readonly summaryOrder: string[];
}

export interface BsmEngine {
  readonly config: BsmConfig;
  /** Inserts or replaces one check (keyed by host + name); returns the objects whose status changed. */
  applyCheckChange(check: ServiceCheckStatus): BsmTransition[];
  /** Several changes at once; an object that changes and changes back is not reported. */
  applyCheckChanges(checks: Iterable<ServiceCheckStatus>): BsmTransition[];
  removeCheck(host: string, name: string): BsmTransition[];
  /** Rebuilds for a new configuration. Objects that are new are compared with OPERATIONAL, the state they are assumed to start in. */
  reconfigure(config: BsmConfig): BsmTransition[];
  getComponentHost(componentId: string, host: string): ComponentHostStatus | undefined;
  listComponentHosts(componentId: string): ComponentHostStatus[];
  getComponent(id: string): ComponentStatus | undefined;
  listComponents(): ComponentStatus[];
  getBusinessService(id: string): BusinessServiceStatus | undefined;
  listBusinessServices(): BusinessServiceStatus[];
  businessServicesOfComponent(componentId: string): string[];
  /** Hosts OPERATIONAL, FAILED, DOWNTIME; the first requiredOnline of them are the operational zone. */
  zoneOrder(componentId: string): string[];
  /** Hosts FAILED, DOWNTIME, OPERATIONAL, for the Component view. */
  componentViewOrder(componentId: string): string[];
  /** Business service ids, problems first. */
  summaryOrder(): string[];
  listAll(): BsmEvaluation;
  readonly checkCount: number;
}

export function createBsmEngine(config: BsmConfig, checks: Iterable<ServiceCheckStatus> = []): BsmEngine {
  return new Engine(config, checks);
}

const NO_TEMPLATES: readonly string[] = [];

/** Counts and status codes of every object for one configuration. */
class EstateTally {
  readonly critical: Int32Array;
  readonly criticalInDowntime: Int32Array;
  readonly criticalUnacknowledged: Int32Array;
  readonly hostCode: Uint8Array;
  readonly componentFailed: Int32Array;
  readonly componentDowntime: Int32Array;
  readonly componentAcknowledged: Int32Array;
  readonly componentCode: Uint8Array;
  readonly serviceFailed: Int32Array;
  readonly serviceDowntime: Int32Array;
  readonly serviceImpacted: Int32Array;
  readonly serviceAcknowledged: Int32Array;
  readonly serviceCode: Uint8Array;
  // Objects touched since the last settle(): a stack plus a membership flag each.
  private readonly pendingHosts: Int32Array;
  private readonly hostIsPending: Uint8Array;
  private pendingHostCount = 0;
  private readonly pendingComponents: Int32Array;
  private readonly componentIsPending: Uint8Array;
  private pendingComponentCount = 0;
  private readonly pendingServices: Int32Array;
  private readonly serviceIsPending: Uint8Array;
  private pendingServiceCount = 0;

  constructor(readonly index: EstateIndex) {
    const hosts = index.hostNameOf.length;
    const components = index.config.components.length;
    const services = index.config.businessServices.length;
    this.critical = new Int32Array(hosts);
    this.criticalInDowntime = new Int32Array(hosts);
    this.criticalUnacknowledged = new Int32Array(hosts);
    this.hostCode = new Uint8Array(hosts);
    this.pendingHosts = new Int32Array(hosts);
    this.hostIsPending = new Uint8Array(hosts);
    this.componentFailed = new Int32Array(components);
    this.componentDowntime = new Int32Array(components);
    this.componentAcknowledged = new Int32Array(components);
    this.componentCode = new Uint8Array(components);
    this.pendingComponents = new Int32Array(components);
    this.componentIsPending = new Uint8Array(components);
    this.serviceFailed = new Int32Array(services);
    this.serviceDowntime = new Int32Array(services);
    this.serviceImpacted = new Int32Array(services);
    this.serviceAcknowledged = new Int32Array(services);
    this.serviceCode = new Uint8Array(services);
    this.pendingServices = new Int32Array(services);
    this.serviceIsPending = new Uint8Array(services);
  }

  /** Adds (sign 1) or removes (sign -1) a check's contribution to the component hosts its templates feed. */
  countCheck(host: string, templates: readonly string[], contribution: number, sign: number): void {
    if (contribution === NOT_CRITICAL) return;
    const componentHosts = this.index.componentHostsByHost.get(host);
    if (componentHosts === undefined) return;
    for (const componentHost of componentHosts) {
      if (!templates.includes(this.index.hostTemplateOf[componentHost])) continue;
      this.critical[componentHost] += sign;
      if (contribution === CRITICAL_IN_DOWNTIME) this.criticalInDowntime[componentHost] += sign;
      else if (contribution === CRITICAL_UNACKNOWLEDGED) this.criticalUnacknowledged[componentHost] += sign;
      if (this.hostIsPending[componentHost] === 0) {
        this.hostIsPending[componentHost] = 1;
        this.pendingHosts[this.pendingHostCount++] = componentHost;
      }
    }
  }

  /** Computes every status from the check counts, without reporting transitions. */
  evaluateFully(): void {
    const { index } = this;
    for (let i = 0; i < this.pendingHostCount; i++) this.hostIsPending[this.pendingHosts[i]] = 0;
    this.pendingHostCount = 0;
    for (let componentHost = 0; componentHost < this.hostCode.length; componentHost++) {
      const code = hostStatusCode(
        this.critical[componentHost],
        this.criticalInDowntime[componentHost],
        this.criticalUnacknowledged[componentHost],
      );
      this.hostCode[componentHost] = code;
      if (code !== OPERATIONAL) this.countHost(index.componentOfHost[componentHost], code, 1);
    }
    for (let component = 0; component < this.componentCode.length; component++) {
      const code = this.componentStatus(component);
      this.componentCode[component] = code;
      if (code !== OPERATIONAL) {
        for (const service of index.servicesOfComponent[component]) this.countComponent(service, code, 1);
      }
    }
    for (let service = 0; service < this.serviceCode.length; service++) {
      this.serviceCode[service] = this.serviceStatus(service);
    }
  }

  /** Recomputes the touched objects bottom-up and reports those whose status changed. */
  settle(transitions: BsmTransition[]): void {
    const { index } = this;
    const { components, businessServices } = index.config;
    for (let i = 0; i < this.pendingHostCount; i++) {
      const componentHost = this.pendingHosts[i];
      this.hostIsPending[componentHost] = 0;
      const before = this.hostCode[componentHost];
      const after = hostStatusCode(
        this.critical[componentHost],
        this.criticalInDowntime[componentHost],
        this.criticalUnacknowledged[componentHost],
      );
      if (after === before) continue;
      this.hostCode[componentHost] = after;
      const component = index.componentOfHost[componentHost];
      transitions.push({
        objectType: "componentHost",
        componentId: components[component].id,
        host: index.hostNameOf[componentHost],
        before: flagsOfCode(before),
        after: flagsOfCode(after),
      });
      this.countHost(component, before, -1);
      this.countHost(component, after, 1);
      if (this.componentIsPending[component] === 0) {
        this.componentIsPending[component] = 1;
        this.pendingComponents[this.pendingComponentCount++] = component;
      }
    }
    this.pendingHostCount = 0;

    for (let i = 0; i < this.pendingComponentCount; i++) {
      const component = this.pendingComponents[i];
      this.componentIsPending[component] = 0;
      const before = this.componentCode[component];
      const after = this.componentStatus(component);
      if (after === before) continue;
      this.componentCode[component] = after;
      transitions.push({
        objectType: "component",
        id: components[component].id,
        before: flagsOfCode(before),
        after: flagsOfCode(after),
      });
      for (const service of index.servicesOfComponent[component]) {
        this.countComponent(service, before, -1);
        this.countComponent(service, after, 1);
        if (this.serviceIsPending[service] === 0) {
          this.serviceIsPending[service] = 1;
          this.pendingServices[this.pendingServiceCount++] = service;
        }
      }
    }
    this.pendingComponentCount = 0;

    for (let i = 0; i < this.pendingServiceCount; i++) {
      const service = this.pendingServices[i];
      this.serviceIsPending[service] = 0;
      const before = this.serviceCode[service];
      const after = this.serviceStatus(service);
      if (after === before) continue;
      this.serviceCode[service] = after;
      transitions.push({
        objectType: "businessService",
        id: businessServices[service].id,
        before: flagsOfCode(before),
        after: flagsOfCode(after),
      });
    }
    this.pendingServiceCount = 0;
  }

  componentStatus(component: number): number {
    const first = this.index.firstHostOf[component];
    return componentStatusCode(
      this.index.firstHostOf[component + 1] - first,
      this.index.requiredOnline[component],
      this.componentFailed[component],
      this.componentDowntime[component],
      this.componentAcknowledged[component],
    );
  }

  serviceStatus(service: number): number {
    return serviceStatusCode(
      this.serviceFailed[service],
      this.serviceDowntime[service],
      this.serviceImpacted[service],
      this.serviceAcknowledged[service],
    );
  }

  private countHost(component: number, code: number, sign: number): void {
    const state = code & STATE_MASK;
    if (state === FAILED) {
      this.componentFailed[component] += sign;
      if ((code & ACKNOWLEDGED) !== 0) this.componentAcknowledged[component] += sign;
    } else if (state === DOWNTIME) {
      this.componentDowntime[component] += sign;
    }
  }

  private countComponent(service: number, code: number, sign: number): void {
    const state = code & STATE_MASK;
    if (state === FAILED) this.serviceFailed[service] += sign;
    else if (state === DOWNTIME) this.serviceDowntime[service] += sign;
    if ((code & IMPACTED) !== 0) this.serviceImpacted[service] += sign;
    if ((code & ACKNOWLEDGED) !== 0) this.serviceAcknowledged[service] += sign;
  }
}

function sameTemplates(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

class Engine implements BsmEngine {
  private tally: EstateTally;
  // The checks, in slots: parallel arrays rather than one object per check.
  // host → check name → slot: two small lookups are much cheaper than hashing a concatenated key.
  private readonly slotsByHost = new Map<string, Map<string, number>>();
  private liveChecks = 0;
  private readonly checkHost: string[] = [];
  private readonly checkTemplates: (readonly string[])[] = [];
  private checkContribution = new Uint8Array(1024);
  private readonly freeSlots: number[] = [];

  constructor(config: BsmConfig, checks: Iterable<ServiceCheckStatus>) {
    this.tally = new EstateTally(buildEstateIndex(config));
    for (const check of checks) this.storeCheck(check);
    this.tally.evaluateFully();
  }

  get config(): BsmConfig {
    return this.tally.index.config;
  }

  get checkCount(): number {
    return this.liveChecks;
  }

  applyCheckChange(check: ServiceCheckStatus): BsmTransition[] {
    const transitions: BsmTransition[] = [];
    this.storeCheck(check);
    this.tally.settle(transitions);
    return transitions;
  }

  applyCheckChanges(checks: Iterable<ServiceCheckStatus>): BsmTransition[] {
    const transitions: BsmTransition[] = [];
    for (const check of checks) this.storeCheck(check);
    this.tally.settle(transitions);
    return transitions;
  }

  removeCheck(host: string, name: string): BsmTransition[] {
    const transitions: BsmTransition[] = [];
    const slotsOfHost = this.slotsByHost.get(host);
    const slot = slotsOfHost?.get(name);
    if (slotsOfHost === undefined || slot === undefined) return transitions;
    this.tally.countCheck(host, this.checkTemplates[slot], this.checkContribution[slot], -1);
    slotsOfHost.delete(name);
    if (slotsOfHost.size === 0) this.slotsByHost.delete(host);
    this.liveChecks--;
    this.checkHost[slot] = "";
    this.checkTemplates[slot] = NO_TEMPLATES;
    this.checkContribution[slot] = NOT_CRITICAL;
    this.freeSlots.push(slot);
    this.tally.settle(transitions);
    return transitions;
  }

  reconfigure(config: BsmConfig): BsmTransition[] {
    const previous = this.tally;
    const next = new EstateTally(buildEstateIndex(config));
    for (let slot = 0; slot < this.checkHost.length; slot++) {
      next.countCheck(this.checkHost[slot], this.checkTemplates[slot], this.checkContribution[slot], 1);
    }
    next.evaluateFully();
    this.tally = next;
    return diffTallies(previous, next);
  }

  getComponentHost(componentId: string, host: string): ComponentHostStatus | undefined {
    const component = this.tally.index.componentIndexById.get(componentId);
    if (component === undefined) return undefined;
    const componentHost = componentHostIndex(this.tally.index, component, host);
    if (componentHost < 0) return undefined;
    return { componentId, host, ...flagsOfCode<HostState>(this.tally.hostCode[componentHost]) };
  }

  listComponentHosts(componentId: string): ComponentHostStatus[] {
    const component = this.tally.index.componentIndexById.get(componentId);
    if (component === undefined) return [];
    return this.hostsOf(component);
  }

  getComponent(id: string): ComponentStatus | undefined {
    const component = this.tally.index.componentIndexById.get(id);
    return component === undefined ? undefined : this.componentStatusAt(component);
  }

  listComponents(): ComponentStatus[] {
    return this.tally.index.config.components.map((_, component) => this.componentStatusAt(component));
  }

  getBusinessService(id: string): BusinessServiceStatus | undefined {
    const service = this.tally.index.serviceIndexById.get(id);
    return service === undefined ? undefined : this.serviceStatusAt(service);
  }

  listBusinessServices(): BusinessServiceStatus[] {
    return this.tally.index.config.businessServices.map((_, service) => this.serviceStatusAt(service));
  }

  businessServicesOfComponent(componentId: string): string[] {
    const { index } = this.tally;
    const component = index.componentIndexById.get(componentId);
    if (component === undefined) return [];
    return index.servicesOfComponent[component].map((service) => index.config.businessServices[service].id);
  }

  zoneOrder(componentId: string): string[] {
    return orderByZone(this.listComponentHosts(componentId), (host) => host.state).map((host) => host.host);
  }

  componentViewOrder(componentId: string): string[] {
    return orderForComponentView(this.listComponentHosts(componentId), (host) => host.state).map((host) => host.host);
  }

  summaryOrder(): string[] {
    return this.listBusinessServices()
      .sort(compareForSummary)
      .map((service) => service.id);
  }

  listAll(): BsmEvaluation {
    const components = this.listComponents();
    return {
      componentHosts: components.flatMap((_, component) => this.hostsOf(component)),
      components,
      businessServices: this.listBusinessServices(),
      summaryOrder: this.summaryOrder(),
    };
  }

  private storeCheck(check: ServiceCheckStatus): void {
    const contribution: CheckContribution = checkContribution(check);
    let slotsOfHost = this.slotsByHost.get(check.host);
    if (slotsOfHost === undefined) this.slotsByHost.set(check.host, (slotsOfHost = new Map()));
    const slot = slotsOfHost.get(check.name);
    if (slot === undefined) {
      this.tally.countCheck(check.host, check.hostTemplates, contribution, 1);
      slotsOfHost.set(check.name, this.allocateSlot(check, contribution));
      return;
    }
    const previous = this.checkContribution[slot];
    const previousTemplates = this.checkTemplates[slot];
    if (sameTemplates(previousTemplates, check.hostTemplates)) {
      if (previous === contribution) return;
    } else {
      this.checkTemplates[slot] = check.hostTemplates;
    }
    this.tally.countCheck(check.host, previousTemplates, previous, -1);
    this.tally.countCheck(check.host, check.hostTemplates, contribution, 1);
    this.checkContribution[slot] = contribution;
  }

  private allocateSlot(check: ServiceCheckStatus, contribution: CheckContribution): number {
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      slot = this.checkHost.length;
      if (slot === this.checkContribution.length) {
        const grown = new Uint8Array(this.checkContribution.length * 2);
        grown.set(this.checkContribution);
        this.checkContribution = grown;
      }
    }
    this.checkHost[slot] = check.host;
    this.checkTemplates[slot] = check.hostTemplates;
    this.checkContribution[slot] = contribution;
    this.liveChecks++;
    return slot;
  }

  private hostsOf(component: number): ComponentHostStatus[] {
    const { index, hostCode } = this.tally;
    const componentId = index.config.components[component].id;
    const hosts: ComponentHostStatus[] = [];
    for (let componentHost = index.firstHostOf[component]; componentHost < index.firstHostOf[component + 1]; componentHost++) {
      hosts.push({ componentId, host: index.hostNameOf[componentHost], ...flagsOfCode<HostState>(hostCode[componentHost]) });
    }
    return hosts;
  }

  private componentStatusAt(component: number): ComponentStatus {
    const { index } = this.tally;
    const config = index.config.components[component];
    const hostsTotal = config.hosts.length;
    const failed = this.tally.componentFailed[component];
    const downtime = this.tally.componentDowntime[component];
    return {
      id: config.id,
      name: config.name,
      ...flagsOfCode<ComponentState>(this.tally.componentCode[component]),
      hostsTotal,
      hostsOperational: hostsTotal - failed - downtime,
      hostsFailed: failed,
      hostsDowntime: downtime,
      hostsAcknowledged: this.tally.componentAcknowledged[component],
      ...zoneFigures(config.requiredOnline, hostsTotal),
    };
  }

  private serviceStatusAt(service: number): BusinessServiceStatus {
    const { index } = this.tally;
    const config = index.config.businessServices[service];
    return {
      id: config.id,
      name: config.name,
      ...flagsOfCode<ServiceState>(this.tally.serviceCode[service]),
      componentsTotal: index.componentsTotalOfService[service],
      componentsFailed: this.tally.serviceFailed[service],
      componentsImpacted: this.tally.serviceImpacted[service],
      componentsDowntime: this.tally.serviceDowntime[service],
      componentsAcknowledged: this.tally.serviceAcknowledged[service],
    };
  }
}

function diffTallies(previous: EstateTally, next: EstateTally): BsmTransition[] {
  const transitions: BsmTransition[] = [];
  const { index } = next;
  index.config.components.forEach((component, componentIndex) => {
    const previousComponent = previous.index.componentIndexById.get(component.id);
    for (let componentHost = index.firstHostOf[componentIndex]; componentHost < index.firstHostOf[componentIndex + 1]; componentHost++) {
      const host = index.hostNameOf[componentHost];
      const previousHost = previousComponent === undefined ? -1 : componentHostIndex(previous.index, previousComponent, host);
      const before = previousHost < 0 ? OPERATIONAL : previous.hostCode[previousHost];
      const after = next.hostCode[componentHost];
      if (before !== after) {
        transitions.push({ objectType: "componentHost", componentId: component.id, host, before: flagsOfCode(before), after: flagsOfCode(after) });
      }
    }
  });
  index.config.components.forEach((component, componentIndex) => {
    const previousComponent = previous.index.componentIndexById.get(component.id);
    const before = previousComponent === undefined ? OPERATIONAL : previous.componentCode[previousComponent];
    const after = next.componentCode[componentIndex];
    if (before !== after) {
      transitions.push({ objectType: "component", id: component.id, before: flagsOfCode(before), after: flagsOfCode(after) });
    }
  });
  index.config.businessServices.forEach((service, serviceIndex) => {
    const previousService = previous.index.serviceIndexById.get(service.id);
    const before = previousService === undefined ? OPERATIONAL : previous.serviceCode[previousService];
    const after = next.serviceCode[serviceIndex];
    if (before !== after) {
      transitions.push({ objectType: "businessService", id: service.id, before: flagsOfCode(before), after: flagsOfCode(after) });
    }
  });
  return transitions;
}

