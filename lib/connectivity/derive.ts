// Rules: docs/connector-rules.md §9.1 (which interfaces exist).
import { componentKey, hostElementKey, interfaceId, serviceKey, SOURCE_ELEMENT, type ConnectivityInterface } from "./model";

export interface ConnectivityInputs {
  /** Hosts that have a host element. */
  hostElements: readonly string[];
  /** Component memberships: which component each host is in. */
  componentHosts: readonly { componentId: number; componentName: string; host: string }[];
  /** Business-service memberships: which service each component is in. */
  serviceComponents: readonly { componentId: number; serviceId: number; serviceName: string }[];
}

/**
 * The interfaces (each carrying one connection to its peer) that the host elements and memberships
 * call for, by id: an input of the source per host element, an output of a host element per
 * component its host is in, an output of a component per business service it is in. A host
 * without an element has no interfaces, even in a component.
 */
export function deriveInterfaces({ hostElements, componentHosts, serviceComponents }: ConnectivityInputs): ConnectivityInterface[] {
  const interfaces = new Map<string, ConnectivityInterface>();
  const add = (element: string, direction: ConnectivityInterface["direction"], name: string, peer: string) => {
    const id = interfaceId(element, peer);
    interfaces.set(id, { id, element, direction, name, peer });
  };
  const elements = new Set(hostElements);
  for (const host of elements) add(SOURCE_ELEMENT, "INPUT", host, hostElementKey(host));
  for (const { componentId, componentName, host } of componentHosts) {
    if (elements.has(host)) add(hostElementKey(host), "OUTPUT", componentName, componentKey(componentId));
  }
  for (const { componentId, serviceId, serviceName } of serviceComponents) add(componentKey(componentId), "OUTPUT", serviceName, serviceKey(serviceId));
  return [...interfaces.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
