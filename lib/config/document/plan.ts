import type { BusinessServiceEntry, ComponentEntry, ConfigDocument, DocumentProblem } from "./schema";

/** create/update/unchanged as the document asks; delete (with prune) or kept for what the caller may change but the document leaves out. */
export type PlannedAction = "create" | "update" | "unchanged" | "delete" | "kept";

export interface PlannedChange {
  name: string;
  action: PlannedAction;
}

export interface ImportPlan {
  components: PlannedChange[];
  businessServices: PlannedChange[];
  problems: DocumentProblem[];
}

/** A component the caller may change, as the document would describe it. */
export interface CurrentComponent extends ComponentEntry {
  notes: string;
  /** Why prune may not delete it (lib/config/component-change-refusal.ts), or null. */
  deleteRefusal: string | null;
}

export interface CurrentBusinessService extends BusinessServiceEntry {
  notes: string;
}

/**
 * What the document is planned against, by name. The *current* lists hold only what the caller may
 * change (what export writes); everything else is known only as a name that is taken or may be used.
 */
export interface PlanningState {
  components: readonly CurrentComponent[];
  businessServices: readonly CurrentBusinessService[];
  /** Names of components and services outside the caller's reach: the document cannot create them. */
  takenComponentNames: ReadonlySet<string>;
  takenServiceNames: ReadonlySet<string>;
  hostTemplates: ReadonlySet<string>;
  /** Hosts the caller may choose (monitored and visible), and those already in the current components, with their templates. */
  hosts: ReadonlyMap<string, { templates: readonly string[]; monitored: boolean; visible: boolean }>;
  /** Existing components outside the caller's reach that may still be put in a service (the caller sees all their hosts). */
  addableComponentNames: ReadonlySet<string>;
}

/** Compares the document with the current configuration, object by object, and lists every problem. */
export function planImport(document: ConfigDocument, state: PlanningState, { prune }: { prune: boolean }): ImportPlan {
  const problems: DocumentProblem[] = [];
  const currentComponents = new Map(state.components.map((component) => [component.name, component]));
  const currentServices = new Map(state.businessServices.map((service) => [service.name, service]));
  const documentComponents = new Set(document.components.map((component) => component.name));
  const documentServices = new Set(document.businessServices.map((service) => service.name));

  const components: PlannedChange[] = document.components.map((entry, index) => {
    const at = `components[${index}]`;
    const current = currentComponents.get(entry.name);
    if (current === undefined && state.takenComponentNames.has(entry.name)) {
      problems.push({ path: `${at}.name`, message: `another component already has the name "${entry.name}" and you cannot change it` });
    }
    if (!state.hostTemplates.has(entry.hostTemplate)) {
      problems.push({ path: `${at}.hostTemplate`, message: `no host template is named "${entry.hostTemplate}"` });
    }
    entry.hosts.forEach((hostName, hostIndex) => {
      const problem = hostProblem(entry, hostName, current, state);
      if (problem !== null) problems.push({ path: `${at}.hosts[${hostIndex}]`, message: problem });
    });
    return { name: entry.name, action: current === undefined ? "create" : sameComponent(current, entry) ? "unchanged" : "update" };
  });

  const deletedComponents = new Set<string>();
  for (const current of state.components) {
    if (documentComponents.has(current.name)) continue;
    if (!prune) {
      components.push({ name: current.name, action: "kept" });
      continue;
    }
    if (current.deleteRefusal !== null) problems.push({ path: "components", message: `"${current.name}" cannot be deleted: ${current.deleteRefusal}` });
    deletedComponents.add(current.name);
    components.push({ name: current.name, action: "delete" });
  }

  const businessServices: PlannedChange[] = document.businessServices.map((entry, index) => {
    const at = `businessServices[${index}]`;
    const current = currentServices.get(entry.name);
    if (current === undefined && state.takenServiceNames.has(entry.name)) {
      problems.push({ path: `${at}.name`, message: `another business service already has the name "${entry.name}" and you cannot change it` });
    }
    const keptComponents = new Set(current?.components ?? []);
    entry.components.forEach((componentName, componentIndex) => {
      const path = `${at}.components[${componentIndex}]`;
      if (deletedComponents.has(componentName)) {
        problems.push({ path, message: `the component "${componentName}" is not in the document, so pruning would delete it` });
      } else if (!documentComponents.has(componentName) && !currentComponents.has(componentName) && !keptComponents.has(componentName) && !state.addableComponentNames.has(componentName)) {
        problems.push({ path, message: `no component is named "${componentName}" (neither in the document nor one you may add)` });
      }
    });
    return { name: entry.name, action: current === undefined ? "create" : sameList(current.components, entry.components) && sameNotes(current, entry) ? "unchanged" : "update" };
  });
  for (const current of state.businessServices) {
    if (!documentServices.has(current.name)) businessServices.push({ name: current.name, action: prune ? "delete" : "kept" });
  }

  return { components: byName(components), businessServices: byName(businessServices), problems };
}

/** Whether the plan writes anything. */
export function planChanges(plan: ImportPlan): boolean {
  return [...plan.components, ...plan.businessServices].some((change) => change.action !== "unchanged" && change.action !== "kept");
}

/** Counts of each action, for messages and the audit summary. */
export function countActions(changes: readonly PlannedChange[]): Record<PlannedAction, number> {
  const counts: Record<PlannedAction, number> = { create: 0, update: 0, unchanged: 0, delete: 0, kept: 0 };
  for (const change of changes) counts[change.action] += 1;
  return counts;
}

/** As the component editor checks hosts (check-component-hosts.ts): hosts already in the component may stay even when no longer monitored or visible. */
function hostProblem(entry: ComponentEntry, hostName: string, current: CurrentComponent | undefined, state: PlanningState): string | null {
  const host = state.hosts.get(hostName);
  const kept = current?.hosts.includes(hostName) ?? false;
  if (host === undefined || (!kept && !host.visible)) return `no monitored host is named "${hostName}"`;
  if (!host.templates.includes(entry.hostTemplate)) return `${hostName} does not use the host template "${entry.hostTemplate}"`;
  if (!kept && !host.monitored) return `${hostName} is no longer monitored`;
  return null;
}

function sameComponent(current: CurrentComponent, entry: ComponentEntry): boolean {
  return current.hostTemplate === entry.hostTemplate && current.requiredOnline === entry.requiredOnline && sameList(current.hosts, entry.hosts) && sameNotes(current, entry) && sameRule(current, entry);
}

/** A rule left out of the document keeps the stored one. */
function sameRule(current: CurrentComponent, entry: ComponentEntry): boolean {
  if (entry.rule === undefined) return true;
  const conditions = (rule: ComponentEntry["rule"]) => (rule ? `${rule.hostGroup ?? ""}\u0000${rule.namePattern ?? ""}` : null);
  return conditions(current.rule ?? null) === conditions(entry.rule);
}

/** Notes left out of the document keep the stored ones. */
function sameNotes(current: { notes: string }, entry: { notes?: string }): boolean {
  return entry.notes === undefined || entry.notes === current.notes;
}

function sameList(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

function byName(changes: PlannedChange[]): PlannedChange[] {
  return changes.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}
