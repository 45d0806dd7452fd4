import type { Prisma, PrismaClient } from "@prisma/client";
import { type Access } from "../../auth/access";
import { loadHostVisibility } from "../../auth/load-access";
import { effectiveRequiredOnline } from "../../bsm";
import { inChunks } from "../../db/in-chunks";
import { ForbiddenError } from "../../errors/app-error";
import { componentDeleteRefusal } from "../component-change-refusal";
import type { CurrentBusinessService, CurrentComponent, PlanningState } from "./plan";

type Db = PrismaClient | Prisma.TransactionClient;

/** Whether the caller may export or import the configuration as a document (either editor's permission). */
export function mayUseConfigDocument(access: Access): boolean {
  return access.has("configureBsm") || access.has("configureBsmComponents");
}

/**
 * Reading or writing the document needs one of the editors' capabilities. Components are the
 * caller's with CONFIGUREBSMCOMPONENTS and every host visible (as the component editor), business
 * services with CONFIGUREBSM and the service editable (as the service editor).
 */
export function requireDocumentAccess(access: Access): void {
  if (!mayUseConfigDocument(access)) {
    throw new ForbiddenError("This needs the CONFIGUREBSM or CONFIGUREBSMCOMPONENTS permission");
  }
}

function componentInScope(access: Access, componentId: number): boolean {
  return access.has("configureBsmComponents") && access.canSeeComponentHosts(componentId);
}

function serviceInScope(access: Access, serviceId: number): boolean {
  return access.has("configureBsm") && access.canEditService(serviceId);
}

/** Database ids behind the names the plan speaks of. */
export interface NameIds {
  components: Map<string, number>;
  businessServices: Map<string, number>;
  hostTemplates: Map<string, number>;
  hosts: Map<string, number>;
}

/** The components and services the caller may change, in the document's terms (sorted by name). */
export async function readEditableConfiguration(db: Db, access: Access): Promise<{ components: CurrentComponent[]; businessServices: CurrentBusinessService[] }> {
  const components = await db.component.findMany({
    where: { id: { in: access.visibleComponentIds().filter((id) => componentInScope(access, id)) } },
    select: {
      id: true,
      name: true,
      requiredOnline: true,
      notes: true,
      ruleHostGroup: true,
      ruleNamePattern: true,
      hostTemplate: { select: { name: true } },
      hosts: { orderBy: { position: "asc" }, select: { host: { select: { name: true } } } },
      services: { select: { businessServiceId: true } },
    },
  });
  const services = await db.businessService.findMany({
    where: { id: { in: access.visibleServiceIds().filter((id) => serviceInScope(access, id)) } },
    select: { name: true, notes: true, components: { orderBy: { position: "asc" }, select: { component: { select: { name: true } } } } },
  });
  return {
    components: sortByName(
      components.map((component) => ({
        name: component.name,
        hostTemplate: component.hostTemplate.name,
        hosts: component.hosts.map((link) => link.host.name),
        // Removing hosts from the source can leave a stored R above the host count: the R it is evaluated with.
        requiredOnline: effectiveRequiredOnline(component.requiredOnline, component.hosts.length),
        notes: component.notes,
        rule: documentRule(component.ruleHostGroup, component.ruleNamePattern),
        deleteRefusal: componentDeleteRefusal(access, component.id, component.services.map((link) => link.businessServiceId)),
      })),
    ),
    businessServices: sortByName(services.map((service) => ({ name: service.name, components: service.components.map((link) => link.component.name), notes: service.notes }))),
  };
}

/** Everything planImport needs, and the ids apply needs, read in the import's transaction. */
export async function readPlanningState(db: Db, access: Access, hostNamesInDocument: readonly string[]): Promise<{ state: PlanningState; ids: NameIds }> {
  const editable = await readEditableConfiguration(db, access);
  // One after another: in a transaction the queries share one connection.
  const allComponents = await db.component.findMany({ select: { id: true, name: true } });
  const allServices = await db.businessService.findMany({ select: { id: true, name: true } });
  const templates = await db.hostTemplate.findMany({ select: { id: true, name: true } });
  const hostNames = new Set([...hostNamesInDocument, ...editable.components.flatMap((component) => component.hosts)]);
  const hosts = await inChunks([...hostNames], (names) =>
    db.host.findMany({
      where: { name: { in: names } },
      select: { id: true, name: true, hostGroups: true, keywords: true, removedAt: true, templates: { select: { hostTemplate: { select: { name: true } } } } },
    }),
  );
  const visible = await loadHostVisibility(db, access.grants, hosts.map((host) => host.id));

  const editableComponents = new Set(editable.components.map((component) => component.name));
  const editableServices = new Set(editable.businessServices.map((service) => service.name));
  const state: PlanningState = {
    ...editable,
    takenComponentNames: new Set(allComponents.filter((component) => !editableComponents.has(component.name)).map((component) => component.name)),
    takenServiceNames: new Set(allServices.filter((service) => !editableServices.has(service.name)).map((service) => service.name)),
    hostTemplates: new Set(templates.map((template) => template.name)),
    hosts: new Map(
      hosts.map((host) => [
        host.name,
        { templates: host.templates.map((link) => link.hostTemplate.name), monitored: host.removedAt === null, visible: access.has("bsm") && visible(host) },
      ]),
    ),
    addableComponentNames: new Set(allComponents.filter((component) => access.canSeeComponentHosts(component.id)).map((component) => component.name)),
  };
  const ids: NameIds = {
    components: new Map(allComponents.map((component) => [component.name, component.id])),
    businessServices: new Map(allServices.map((service) => [service.name, service.id])),
    hostTemplates: new Map(templates.map((template) => [template.name, template.id])),
    hosts: new Map(hosts.map((host) => [host.name, host.id])),
  };
  return { state, ids };
}

/** Sorted by name, by code unit (not the database's collation), so exports are the same everywhere. */
export function sortByName<T extends { name: string }>(objects: T[]): T[] {
  return objects.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}

/** A stored rule as the document writes it: only the conditions it has; null without a rule. */
function documentRule(hostGroup: string | null, namePattern: string | null): CurrentComponent["rule"] {
  if (hostGroup === null && namePattern === null) return null;
  return { ...(hostGroup === null ? {} : { hostGroup }), ...(namePattern === null ? {} : { namePattern }) };
}
