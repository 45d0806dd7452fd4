// Rules: docs/connector-rules.md §9.4 (the topology view: what is drawn, what is collapsed).
import { effectiveRequiredOnline, severityOf, type BsmState } from "../bsm";
import { ValidationError } from "../errors/app-error";
import { componentKey, hostElementKey, parseElementKey, serviceKey, SOURCE_ELEMENT } from "./model";

export type TopologyScope = { kind: "estate" } | { kind: "service"; id: number } | { kind: "component"; id: number };

export interface TopologyService {
  id: number;
  name: string;
  state: BsmState | null;
  /** The components the user may see, in the service's order. */
  componentIds: number[];
}

export interface TopologyComponent {
  id: number;
  name: string;
  state: BsmState | null;
  hostsTotal: number;
  requiredOnline: number;
}

export interface TopologyHostElement {
  componentId: number;
  host: string;
  /** The host's state as the component counts it. */
  state: BsmState | null;
}

export type TopologyNodeKind = "source" | "host" | "component" | "service" | "hosts";

export interface TopologyNode {
  /** An element key, or for a collapsed group of host elements "hosts-of:component:<id>". */
  id: string;
  kind: TopologyNodeKind;
  label: string;
  state: BsmState | null;
  /** What the node stands for in words: "3 hosts, 2 required", "12 host elements, 1 failed". */
  detail: string;
  /** For a collapsed group or a service whose components are collapsed: the key to add to `expand` to open it. */
  expands?: string;
  /** For a host element: the component it is drawn under (its links open that component's host). */
  componentId?: number;
}

export interface TopologyEdge {
  id: string;
  from: string;
  to: string;
  /** The state of the node it comes from. */
  state: BsmState | null;
}

export interface TopologyView {
  scope: TopologyScope;
  expanded: string[];
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Each node's top-left corner, when laid out (lib/connectivity/layout-topology.ts). */
  positions?: Record<string, { x: number; y: number }>;
}

/** The size a node is drawn at, which its layout leaves room for. */
export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 70;

/** Up to this many host elements of a component are drawn one by one without being expanded. */
export const HOSTS_SHOWN_UNEXPANDED = 12;

const SOURCE_LABEL = "Monitoring source";

function worst(states: Iterable<BsmState | null>): BsmState | null {
  let result: BsmState | null = null;
  for (const state of states) {
    if (state !== null && (result === null || severityOf(state) > severityOf(result))) result = state;
  }
  return result;
}

const notOperational = (state: BsmState | null) => state !== null && state !== "OPERATIONAL";

function countsInWords(count: number, noun: string, states: readonly (BsmState | null)[]): string {
  const byState = new Map<string, number>();
  for (const state of states) if (notOperational(state)) byState.set(state!.toLowerCase(), (byState.get(state!.toLowerCase()) ?? 0) + 1);
  const parts = [...byState].map(([state, n]) => `${n} ${state}`);
  return `${count} ${noun}${count === 1 ? "" : "s"}${parts.length > 0 ? `, ${parts.join(", ")}` : ""}`;
}

/** The components drawn one by one in this scope and expansion (the rest are collapsed into counts). */
export function componentsDrawn(scope: TopologyScope, expanded: ReadonlySet<string>, services: readonly TopologyService[]): Set<number> {
  if (scope.kind === "component") return new Set([scope.id]);
  const drawn = new Set<number>();
  for (const service of services) {
    const open = scope.kind === "service" ? service.id === scope.id : expanded.has(serviceKey(service.id));
    if (open) for (const id of service.componentIds) drawn.add(id);
  }
  return drawn;
}

/**
 * The graph of one scope: source → host elements → components (N hosts, R required) → business
 * services. The estate starts with every service's components collapsed into a count on it; a
 * service's components are drawn when it is the scope or expanded, and a component's host
 * elements when there are few, it is the scope or it is expanded. Objects come already filtered
 * to what the user may see.
 */
export function buildTopology(
  scope: TopologyScope,
  expandedKeys: readonly string[],
  inputs: { services: readonly TopologyService[]; components: readonly TopologyComponent[]; hostElements: readonly TopologyHostElement[] },
): TopologyView {
  const expanded = new Set(expandedKeys);
  const nodes = new Map<string, TopologyNode>();
  const edges = new Map<string, TopologyEdge>();
  const componentById = new Map(inputs.components.map((component) => [component.id, component]));
  const hostsByComponent = new Map<number, TopologyHostElement[]>();
  for (const element of inputs.hostElements) {
    const list = hostsByComponent.get(element.componentId);
    if (list) list.push(element);
    else hostsByComponent.set(element.componentId, [element]);
  }
  const addNode = (node: TopologyNode) => nodes.set(node.id, node);
  const connect = (from: string, to: string) => {
    const id = `${from}>${to}`;
    // A connection has the state of the object it comes from; for the source's, the host element's it feeds.
    const stateFrom = from === SOURCE_ELEMENT ? to : from;
    if (!edges.has(id)) edges.set(id, { id, from, to, state: nodes.get(stateFrom)?.state ?? null });
  };

  addNode({ id: SOURCE_ELEMENT, kind: "source", label: SOURCE_LABEL, state: null, detail: "The polled monitoring source" });
  const drawn = componentsDrawn(scope, expanded, inputs.services);
  const services = scope.kind === "service" ? inputs.services.filter((service) => service.id === scope.id)
    : scope.kind === "component" ? inputs.services.filter((service) => service.componentIds.includes(scope.id))
    : inputs.services;

  const drawComponent = (component: TopologyComponent) => {
    const key = componentKey(component.id);
    if (nodes.has(key)) return key;
    const required = effectiveRequiredOnline(component.requiredOnline, component.hostsTotal);
    addNode({ id: key, kind: "component", label: component.name, state: component.state, detail: `${component.hostsTotal} host${component.hostsTotal === 1 ? "" : "s"}, ${required} required online` });
    const hosts = hostsByComponent.get(component.id) ?? [];
    const open = scope.kind === "component" || hosts.length <= HOSTS_SHOWN_UNEXPANDED || expanded.has(key);
    if (open) {
      for (const element of hosts) {
        const hostKey = hostElementKey(element.host);
        if (!nodes.has(hostKey)) addNode({ id: hostKey, kind: "host", label: element.host, state: element.state, detail: `In ${component.name}`, componentId: component.id });
        connect(SOURCE_ELEMENT, hostKey);
        connect(hostKey, key);
      }
    } else if (hosts.length > 0) {
      const groupKey = `hosts-of:${key}`;
      const states = hosts.map((element) => element.state);
      addNode({ id: groupKey, kind: "hosts", label: "Host elements", state: worst(states), detail: countsInWords(hosts.length, "host element", states), expands: key });
      connect(SOURCE_ELEMENT, groupKey);
      connect(groupKey, key);
    }
    return key;
  };

  for (const service of services) {
    const key = serviceKey(service.id);
    const components = service.componentIds.map((id) => componentById.get(id)).filter((component) => component !== undefined);
    const componentStates = components.map((component) => component.state);
    const open = components.some((component) => drawn.has(component.id));
    // A collapsed service carries its components as a count; the source's connection stands for them.
    addNode({ id: key, kind: "service", label: service.name, state: service.state, detail: countsInWords(components.length, "component", componentStates), ...(open || components.length === 0 ? {} : { expands: key }) });
    if (open) {
      for (const component of components) if (drawn.has(component.id)) connect(drawComponent(component), key);
    } else if (components.length > 0) {
      connect(SOURCE_ELEMENT, key);
    }
  }
  if (scope.kind === "component") {
    const component = componentById.get(scope.id);
    if (component) drawComponent(component);
  }
  return { scope, expanded: [...expanded].sort(), nodes: [...nodes.values()], edges: [...edges.values()] };
}

export function scopeKey(scope: TopologyScope): string {
  return scope.kind === "estate" ? "estate" : `${scope.kind}:${scope.id}`;
}

/** The query string of a topology (page and API alike); keys sorted so one graph has one address. */
export function topologyQuery(scope: TopologyScope, expand: readonly string[]): string {
  const params = new URLSearchParams({ scope: scopeKey(scope) });
  const keys = [...new Set(expand)].sort();
  if (keys.length > 0) params.set("expand", keys.join(","));
  return params.toString();
}

/** `scope` (estate, service:<id>, component:<id>) and `expand` (comma-separated service:/component: keys); 400 otherwise. */
export function parseTopologyQuery(url: URL): { scope: TopologyScope; expand: string[] } {
  const rawScope = url.searchParams.get("scope")?.trim() || "estate";
  let scope: TopologyScope;
  if (rawScope === "estate") scope = { kind: "estate" };
  else {
    const parsed = parseElementKey(rawScope);
    if (parsed?.kind !== "service" && parsed?.kind !== "component") throw new ValidationError({ scope: "must be estate, service:<id> or component:<id>" });
    scope = parsed;
  }
  const expand = (url.searchParams.get("expand") ?? "").split(",").map((key) => key.trim()).filter(Boolean);
  for (const key of expand) {
    const parsed = parseElementKey(key);
    if (parsed?.kind !== "service" && parsed?.kind !== "component") throw new ValidationError({ expand: `${key}: must be service:<id> or component:<id>` });
  }
  return { scope, expand };
}

