// Rules: docs/connector-rules.md §9.2–§9.3 (connections, their state, who sees them).
import type { Prisma, PrismaClient } from "@prisma/client";
import { pageOf, type ListPaging, type PageSummary } from "../api/list-query";
import { requireCapability, type Access } from "../auth/access";
import { computeComponentHostStatus, type BsmState } from "../bsm";
import { visibleHostNames } from "../connector/host-visibility";
import { ValidationError } from "../errors/app-error";
import { componentHostKey } from "../status/bsm-object";
import { parseElementKey, type ConnectivityElementKey, type ConnectivityInterface } from "./model";

export interface ConnectivityQuery extends Pick<ListPaging, "page" | "rows"> {
  /** Only interfaces of this element (and connections from it). */
  element?: ConnectivityElementKey;
  /** Only interfaces and connections that touch this object, at either end. */
  object?: ConnectivityElementKey;
}

export interface ConnectionView {
  /** The id of the interface that carries it. */
  id: string;
  from: ConnectivityElementKey;
  fromName: string;
  to: ConnectivityElementKey;
  toName: string;
  /** The state of the object it comes from; null before the first evaluation. */
  state: BsmState | null;
}

export const SOURCE_NAME = "Monitoring source";

/** The element and object filters of the connectivity resources; 400 for a key that names no object. */
export function parseConnectivityFilters(url: URL): Pick<ConnectivityQuery, "element" | "object"> {
  const filters: Pick<ConnectivityQuery, "element" | "object"> = {};
  for (const name of ["element", "object"] as const) {
    const value = url.searchParams.get(name)?.trim();
    if (!value) continue;
    if (!parseElementKey(value)) throw new ValidationError({ [name]: "must be source, host:<name>, component:<id> or service:<id>" });
    filters[name] = value;
  }
  return filters;
}

function whereOf(query: ConnectivityQuery): Prisma.ConnectivityInterfaceWhereInput {
  return {
    ...(query.element === undefined ? {} : { element: query.element }),
    ...(query.object === undefined ? {} : { OR: [{ element: query.object }, { peer: query.object }] }),
  };
}

/** Whether the user may see each object named by these keys: a host element by the Hosts table's rule, the rest as their views do. */
async function visibilityOf(prisma: PrismaClient, access: Access, keys: Iterable<ConnectivityElementKey>): Promise<(key: ConnectivityElementKey) => boolean> {
  const hosts = new Set<string>();
  for (const key of keys) {
    const parsed = parseElementKey(key);
    if (parsed?.kind === "host") hosts.add(parsed.host);
  }
  const visibleHosts = await visibleHostNames(prisma, access, [...hosts]);
  return (key) => {
    const parsed = parseElementKey(key);
    switch (parsed?.kind) {
      case "source":
        return access.has("bsm");
      case "host":
        return visibleHosts.has(parsed.host);
      case "component":
        return access.canSeeComponent(parsed.id);
      case "service":
        return access.canSeeService(parsed.id);
      default:
        return false;
    }
  };
}

async function visibleInterfaces(prisma: PrismaClient, access: Access, query: ConnectivityQuery): Promise<ConnectivityInterface[]> {
  requireCapability(access, "bsm");
  const rows = await prisma.connectivityInterface.findMany({ where: whereOf(query), orderBy: { id: "asc" } });
  const visible = await visibilityOf(prisma, access, rows.flatMap((row) => [row.element, row.peer]));
  return rows.filter((row) => visible(row.element) && visible(row.peer));
}

/** The interfaces of the objects the user may see (both ends), by id, paged. */
export async function listInterfaces(prisma: PrismaClient, access: Access, query: ConnectivityQuery): Promise<{ list: ConnectivityInterface[]; summary: PageSummary }> {
  return pageOf(await visibleInterfaces(prisma, access, query), query);
}

/** The connections the visible interfaces carry, each with the state of the object it comes from, paged. */
export async function listConnections(prisma: PrismaClient, access: Access, query: ConnectivityQuery): Promise<{ list: ConnectionView[]; summary: PageSummary }> {
  const page = pageOf(await visibleInterfaces(prisma, access, query), query);
  return { list: await connectionsOf(prisma, page.list), summary: page.summary };
}

async function connectionsOf(prisma: PrismaClient, interfaces: readonly ConnectivityInterface[]): Promise<ConnectionView[]> {
  const sourceHosts: string[] = [];
  const componentHostKeys: string[] = [];
  const components = new Set<number>();
  for (const { element, peer } of interfaces) {
    const from = parseElementKey(element);
    const to = parseElementKey(peer);
    if (from?.kind === "source" && to?.kind === "host") sourceHosts.push(to.host);
    if (from?.kind === "host" && to?.kind === "component") componentHostKeys.push(componentHostKey(to.id, from.host));
    if (from?.kind === "component") components.add(from.id);
  }
  const [checks, stored, componentNames] = await Promise.all([
    prisma.serviceCheck.findMany({ where: { host: { name: { in: sourceHosts } } }, select: { state: true, acknowledged: true, inDowntime: true, host: { select: { name: true } } } }),
    prisma.bsmObjectStatus.findMany({
      where: {
        OR: [
          { objectType: "COMPONENT_HOST", objectKey: { in: componentHostKeys } },
          { objectType: "COMPONENT", objectKey: { in: [...components].map(String) } },
        ],
      },
      select: { objectType: true, objectKey: true, state: true },
    }),
    prisma.component.findMany({ where: { id: { in: [...components] } }, select: { id: true, name: true } }),
  ]);
  const checksByHost = new Map<string, (typeof checks)[number][]>();
  for (const check of checks) {
    const list = checksByHost.get(check.host.name);
    if (list) list.push(check);
    else checksByHost.set(check.host.name, [check]);
  }
  const storedState = new Map(stored.map((row) => [`${row.objectType}/${row.objectKey}`, row.state as BsmState]));
  const componentName = new Map(componentNames.map((component) => [component.id, component.name]));

  return interfaces.map(({ id, element, peer, name }) => {
    const from = parseElementKey(element);
    let state: BsmState | null = null;
    let fromName = SOURCE_NAME;
    if (from?.kind === "source") {
      const host = parseElementKey(peer);
      if (host?.kind === "host") state = computeComponentHostStatus(checksByHost.get(host.host) ?? []).state;
    } else if (from?.kind === "host") {
      fromName = from.host;
      const to = parseElementKey(peer);
      if (to?.kind === "component") state = storedState.get(`COMPONENT_HOST/${componentHostKey(to.id, from.host)}`) ?? null;
    } else if (from?.kind === "component") {
      fromName = componentName.get(from.id) ?? element;
      state = storedState.get(`COMPONENT/${from.id}`) ?? null;
    }
    return { id, from: element, fromName, to: peer, toName: name, state };
  });
}
