import type { BsmConfig } from "./types";

export class BsmConfigError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "BsmConfigError";
  }
}

/**
 * Configuration interned to integer indexes. A component host is numbered so
 * that the hosts of component c are firstHostOf[c] .. firstHostOf[c + 1] - 1,
 * in configured order.
 */
export interface EstateIndex {
  readonly config: BsmConfig;
  readonly componentIndexById: ReadonlyMap<string, number>;
  readonly serviceIndexById: ReadonlyMap<string, number>;
  readonly firstHostOf: Int32Array;
  readonly componentOfHost: Int32Array;
  readonly hostNameOf: readonly string[];
  readonly hostTemplateOf: readonly string[];
  /** Host name → its component hosts (one per component listing it). */
  readonly componentHostsByHost: ReadonlyMap<string, readonly number[]>;
  readonly requiredOnline: Int32Array;
  readonly servicesOfComponent: readonly (readonly number[])[];
  /** Configured components of each service; ids naming no component are left out here. */
  readonly componentsOfService: readonly (readonly number[])[];
  /** Includes references to unknown components, which count as empty (OPERATIONAL) components. */
  readonly componentsTotalOfService: Int32Array;
}

export function buildEstateIndex(config: BsmConfig): EstateIndex {
  const { components, businessServices } = config;
  const componentIndexById = new Map<string, number>();
  const firstHostOf = new Int32Array(components.length + 1);
  const requiredOnline = new Int32Array(components.length);
  let componentHostCount = 0;
  components.forEach((component, index) => {
    if (componentIndexById.has(component.id)) {
      throw new BsmConfigError(`components[${index}].id`, `duplicate component id "${component.id}"`);
    }
    componentIndexById.set(component.id, index);
    const hostsTotal = component.hosts.length;
    if (!Number.isInteger(component.requiredOnline) || component.requiredOnline < 0 || component.requiredOnline > hostsTotal) {
      throw new BsmConfigError(`components[${index}].requiredOnline`, `must be an integer between 0 and ${hostsTotal}`);
    }
    requiredOnline[index] = component.requiredOnline;
    firstHostOf[index] = componentHostCount;
    componentHostCount += hostsTotal;
  });
  firstHostOf[components.length] = componentHostCount;

  const componentOfHost = new Int32Array(componentHostCount);
  const hostNameOf: string[] = new Array<string>(componentHostCount);
  const hostTemplateOf: string[] = new Array<string>(componentHostCount);
  const componentHostsByHost = new Map<string, number[]>();
  for (let index = 0; index < components.length; index++) {
    const { hosts, hostTemplate } = components[index];
    for (let position = 0; position < hosts.length; position++) {
      const host = hosts[position];
      const componentHost = firstHostOf[index] + position;
      componentOfHost[componentHost] = index;
      hostNameOf[componentHost] = host;
      hostTemplateOf[componentHost] = hostTemplate;
      const ofHost = componentHostsByHost.get(host);
      if (ofHost === undefined) {
        componentHostsByHost.set(host, [componentHost]);
      } else {
        // Components are numbered in order, so a repeat within this component is the list's last entry.
        if (componentOfHost[ofHost[ofHost.length - 1]] === index) {
          throw new BsmConfigError(`components[${index}].hosts[${position}]`, `duplicate host "${host}"`);
        }
        ofHost.push(componentHost);
      }
    }
  }

  const serviceIndexById = new Map<string, number>();
  const servicesOfComponent: number[][] = components.map(() => []);
  const componentsTotalOfService = new Int32Array(businessServices.length);
  const componentsOfService = businessServices.map((service, index) => {
    if (serviceIndexById.has(service.id)) {
      throw new BsmConfigError(`businessServices[${index}].id`, `duplicate business service id "${service.id}"`);
    }
    serviceIndexById.set(service.id, index);
    componentsTotalOfService[index] = service.components.length;
    const seen = new Set<string>();
    const known: number[] = [];
    service.components.forEach((componentId, position) => {
      if (seen.has(componentId)) {
        throw new BsmConfigError(`businessServices[${index}].components[${position}]`, `duplicate component "${componentId}"`);
      }
      seen.add(componentId);
      const component = componentIndexById.get(componentId);
      if (component === undefined) return;
      known.push(component);
      servicesOfComponent[component].push(index);
    });
    return known;
  });

  return {
    config,
    componentIndexById,
    serviceIndexById,
    firstHostOf,
    componentOfHost,
    hostNameOf,
    hostTemplateOf,
    componentHostsByHost,
    requiredOnline,
    servicesOfComponent,
    componentsOfService,
    componentsTotalOfService,
  };
}

export function componentHostIndex(index: EstateIndex, component: number, host: string): number {
  const candidates = index.componentHostsByHost.get(host);
  if (!candidates) return -1;
  for (const componentHost of candidates) {
    if (index.componentOfHost[componentHost] === component) return componentHost;
  }
  return -1;
}
