import { CONFIG_DOCUMENT_VERSION, type ConfigDocument } from "../document/schema";
import { childText, operatorText, type ParsedProcessFile, type ProcessNode } from "./parse-process-file";

/** Something in the process file that BSM Dashboard cannot express, with why. */
export interface NotImported {
  node: string;
  line: number;
  reason: string;
}

/** A host as BSM Dashboard knows it: monitored, visible to the caller, with its templates (lower priority first = primary). */
export type KnownHosts = ReadonlyMap<string, readonly { name: string; priority: number }[]>;

export interface MappedBusinessProcess {
  document: ConfigDocument;
  notImported: NotImported[];
  /** Document path → the node it came from ("components[0].hosts[1]" → "comp_web (line 12).hosts[1]"). */
  processPath(documentPath: string): string;
}

const MAX_NAME_LENGTH = 100;

type Classified =
  | { kind: "component"; node: ProcessNode; hosts: string[]; requiredOnline: number }
  | { kind: "service"; node: ProcessNode; components: string[] }
  | { kind: "skipped"; node: ProcessNode; reason: string };

/**
 * BSM Dashboard's objects in a process file: a node over hosts (`host;Hoststatus`) with `N of:`
 * is a component with R = N (with `&`, R = every host); a node that joins such component nodes
 * with `&` is a business service. An object's name is its `display` title, else the node's name.
 * Everything else is listed in notImported with the reason, and so is a line that would lose
 * meaning (info_url, external_info, state_overrides).
 */
export function mapBusinessProcess(file: ParsedProcessFile, knownHosts: KnownHosts): MappedBusinessProcess {
  const byName = new Map(file.nodes.map((node) => [node.name, node]));
  const classified = new Map<string, Classified>();
  for (const node of file.nodes) classified.set(node.name, classifyShape(node, byName));

  for (const entry of classified.values()) {
    if (entry.kind !== "component") continue;
    const reason = hostsProblem(entry.hosts, knownHosts);
    if (reason !== null) classified.set(entry.node.name, { kind: "skipped", node: entry.node, reason });
  }
  for (const entry of classified.values()) {
    if (entry.kind !== "service") continue;
    const lost = entry.components.find((child) => classified.get(child)?.kind !== "component");
    if (lost !== undefined) {
      const child = classified.get(lost)!;
      const why = child.kind === "service" ? "is a business service, and business services hold components only (no nesting)" : `is not imported (line ${child.node.line})`;
      classified.set(entry.node.name, { kind: "skipped", node: entry.node, reason: `its child ${lost} ${why}` });
    }
  }

  const notImported: NotImported[] = [];
  const componentOrigins: ProcessNode[] = [];
  const serviceOrigins: ProcessNode[] = [];
  const components: ConfigDocument["components"] = [];
  const businessServices: ConfigDocument["businessServices"] = [];
  const componentNames = new Map<string, string>();
  const usedNames = { component: new Map<string, ProcessNode>(), service: new Map<string, ProcessNode>() };

  const claimName = (node: ProcessNode, kind: "component" | "service"): string | null => {
    const name = objectName(node);
    if (name.length > MAX_NAME_LENGTH) {
      notImported.push({ node: node.name, line: node.line, reason: `its name "${name.slice(0, 40)}…" is longer than ${MAX_NAME_LENGTH} characters` });
      return null;
    }
    const holder = usedNames[kind].get(name);
    if (holder !== undefined) {
      notImported.push({ node: node.name, line: node.line, reason: `the ${kind === "component" ? "component" : "business service"} name "${name}" is already taken by ${holder.name} (line ${holder.line})` });
      return null;
    }
    usedNames[kind].set(name, node);
    return name;
  };

  for (const entry of classified.values()) {
    if (entry.kind !== "component") continue;
    const name = claimName(entry.node, "component");
    if (name === null) continue;
    componentNames.set(entry.node.name, name);
    componentOrigins.push(entry.node);
    components.push({ name, hostTemplate: hostTemplateOf(entry.hosts, knownHosts), hosts: entry.hosts, requiredOnline: entry.requiredOnline });
  }
  for (const entry of classified.values()) {
    if (entry.kind !== "service") continue;
    const members = entry.components.map((child) => componentNames.get(child));
    if (members.some((member) => member === undefined)) {
      const lost = entry.components.find((child) => !componentNames.has(child))!;
      notImported.push({ node: entry.node.name, line: entry.node.line, reason: `its child ${lost} is not imported (line ${byName.get(lost)!.line})` });
      continue;
    }
    const name = claimName(entry.node, "service");
    if (name === null) continue;
    serviceOrigins.push(entry.node);
    businessServices.push({ name, components: members as string[] });
  }
  for (const entry of classified.values()) {
    if (entry.kind === "skipped") notImported.push({ node: entry.node.name, line: entry.node.line, reason: entry.reason });
  }
  for (const extra of file.extras) {
    const what = { info_url: "an info URL", external_info: "an external info command", state_overrides: "state overrides" }[extra.kind];
    notImported.push({ node: extra.node, line: extra.line, reason: `${extra.kind} (${what}) has no counterpart in BSM Dashboard and is left out` });
  }
  notImported.sort((left, right) => left.line - right.line);

  const at = (node: ProcessNode | undefined, whole: string) => (node === undefined ? whole : `${node.name} (line ${node.line})`);
  const processPath = (documentPath: string): string =>
    documentPath
      .replace(/^components\[(\d+)\]/, (whole, index: string) => at(componentOrigins[Number(index)], whole))
      .replace(/^businessServices\[(\d+)\]/, (whole, index: string) => at(serviceOrigins[Number(index)], whole));

  return { document: { version: CONFIG_DOCUMENT_VERSION, components, businessServices }, notImported, processPath };
}

/** The title a `display` line gives, else the node's name. */
export function objectName(node: ProcessNode): string {
  const title = node.display?.title.trim() ?? "";
  return title === "" ? node.name : title;
}

function classifyShape(node: ProcessNode, byName: ReadonlyMap<string, ProcessNode>): Classified {
  const skip = (reason: string): Classified => ({ kind: "skipped", node, reason });
  if (node.children.length === 0) return skip("it has no children");
  const service = node.children.find((child) => child.kind === "service");
  if (service) return skip(`${childText(service)} is a service: components are made of whole hosts (host;Hoststatus), whose state comes from all their checks`);
  const imported = node.children.find((child) => child.kind === "imported");
  if (imported) return skip(`${childText(imported)} refers to a node of another process file`);
  const missing = node.children.find((child) => child.kind === "node" && !byName.has(child.name));
  if (missing) return skip(`${childText(missing)} is not defined in the file`);
  const { operator } = node;
  if (operator.kind === "or") return skip("| (OR, the best child's state) has no counterpart; over hosts, 1 of: is the nearest");
  if (operator.kind === "not") return skip("! (NOT) has no counterpart");
  if (operator.kind === "degraded") return skip("% (DEGRADED, CRITICAL shown as WARNING) has no counterpart: BSM Dashboard has no warning state");

  const hosts = node.children.flatMap((child) => (child.kind === "host" ? [child.host] : []));
  const nodes = node.children.flatMap((child) => (child.kind === "node" ? [child.name] : []));
  if (hosts.length > 0 && nodes.length > 0) return skip("it mixes hosts and other nodes: a component holds hosts only, a business service components only");
  if (hosts.length > 0) {
    const repeated = hosts.find((host, index) => hosts.indexOf(host) !== index);
    if (repeated !== undefined) return skip(`it lists the host ${repeated} twice`);
    if (operator.kind === "of" && operator.count > hosts.length) return skip(`${operatorText(operator)} asks for more hosts than its ${hosts.length}`);
    return { kind: "component", node, hosts, requiredOnline: operator.kind === "of" ? operator.count : hosts.length };
  }
  if (operator.kind === "of") return skip(`${operatorText(operator)} over nodes has no counterpart: a business service needs every one of its components`);
  const repeated = nodes.find((child, index) => nodes.indexOf(child) !== index);
  if (repeated !== undefined) return skip(`it lists ${repeated} twice`);
  return { kind: "service", node, components: nodes };
}

function hostsProblem(hosts: readonly string[], knownHosts: KnownHosts): string | null {
  const unknown = hosts.filter((host) => !knownHosts.has(host));
  if (unknown.length > 0) {
    return `${unknown.length === 1 ? "the host" : "the hosts"} ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not monitored here (or not visible to you), so its host template cannot be chosen`;
  }
  if (sharedTemplates(hosts, knownHosts).length === 0) {
    return `its hosts share no host template (${hosts.map((host) => `${host}: ${knownHosts.get(host)!.map((template) => template.name).join(", ") || "none"}`).join("; ")})`;
  }
  return null;
}

function sharedTemplates(hosts: readonly string[], knownHosts: KnownHosts): string[] {
  const [first, ...rest] = hosts.map((host) => new Set(knownHosts.get(host)!.map((template) => template.name)));
  return [...(first ?? [])].filter((template) => rest.every((templates) => templates.has(template)));
}

/**
 * The component's host template: of the templates every host uses, the one that is the primary
 * template of most hosts; then the lowest sum of priorities; then by name.
 */
export function hostTemplateOf(hosts: readonly string[], knownHosts: KnownHosts): string {
  const primary = (host: string) => [...knownHosts.get(host)!].sort((left, right) => left.priority - right.priority)[0]?.name;
  const score = (template: string) => ({
    primaryOf: hosts.filter((host) => primary(host) === template).length,
    prioritySum: hosts.reduce((sum, host) => sum + knownHosts.get(host)!.find((candidate) => candidate.name === template)!.priority, 0),
  });
  return sharedTemplates(hosts, knownHosts)
    .map((template) => ({ template, ...score(template) }))
    .sort((left, right) => right.primaryOf - left.primaryOf || left.prioritySum - right.prioritySum || (left.template < right.template ? -1 : 1))[0]!.template;
}
