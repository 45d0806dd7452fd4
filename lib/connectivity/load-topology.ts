// Rules: docs/connector-rules.md §9.4 (the topology view) and docs/access-rules.md §5.4 (who sees what).
import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import { requireCapability } from "../auth/access";
import type { BsmState } from "../bsm";
import { visibleHostNames } from "../connector/host-visibility";
import { inChunks } from "../db/in-chunks";
import { componentHostKey } from "../status/bsm-object";
import { layOutTopology } from "./layout-topology";
import { componentKey, parseElementKey } from "./model";
import { buildTopology, componentsDrawn, type TopologyScope, type TopologyService, type TopologyView } from "./topology";

/** The topology of a scope as the user may see it; null when the scope's object is not visible. */
export async function loadTopology(prisma: PrismaClient, access: Access, scope: TopologyScope, expand: readonly string[]): Promise<TopologyView | null> {
  requireCapability(access, "bsm");
  if (scope.kind === "service" && !access.canSeeService(scope.id)) return null;
  if (scope.kind === "component" && !access.canSeeComponent(scope.id)) return null;

  const [serviceRows, componentRows, statuses] = await Promise.all([
    prisma.businessService.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, components: { orderBy: { position: "asc" }, select: { componentId: true } } } }),
    prisma.component.findMany({ select: { id: true, name: true, requiredOnline: true, _count: { select: { hosts: true } } } }),
    prisma.bsmObjectStatus.findMany({ where: { objectType: { in: ["COMPONENT", "BUSINESS_SERVICE"] } }, select: { objectType: true, objectKey: true, state: true } }),
  ]);
  const stateOf = new Map(statuses.map((row) => [`${row.objectType}/${row.objectKey}`, row.state as BsmState]));
  const services: TopologyService[] = serviceRows
    .filter((service) => access.canSeeService(service.id))
    .map((service) => ({
      id: service.id,
      name: service.name,
      state: stateOf.get(`BUSINESS_SERVICE/${service.id}`) ?? null,
      componentIds: service.components.map((link) => link.componentId).filter((id) => access.canSeeComponent(id)),
    }));
  const components = componentRows
    .filter((component) => access.canSeeComponent(component.id))
    .map((component) => ({
      id: component.id,
      name: component.name,
      state: stateOf.get(`COMPONENT/${component.id}`) ?? null,
      hostsTotal: component._count.hosts,
      requiredOnline: component.requiredOnline,
    }));

  const drawn = [...componentsDrawn(scope, new Set(expand), services)];
  const links = await prisma.connectivityInterface.findMany({
    where: { peer: { in: drawn.map(componentKey) }, element: { startsWith: "host:" } },
    select: { element: true, peer: true },
  });
  const memberships = links.flatMap(({ element, peer }) => {
    const host = parseElementKey(element);
    const component = parseElementKey(peer);
    return host?.kind === "host" && component?.kind === "component" ? [{ host: host.host, componentId: component.id }] : [];
  });
  const visibleHosts = await visibleHostNames(prisma, access, [...new Set(memberships.map((membership) => membership.host))]);
  const shown = memberships.filter((membership) => visibleHosts.has(membership.host));
  const hostStates = await inChunks(
    shown.map((membership) => componentHostKey(membership.componentId, membership.host)),
    (keys) => prisma.bsmObjectStatus.findMany({ where: { objectType: "COMPONENT_HOST", objectKey: { in: keys } }, select: { objectKey: true, state: true } }),
  );
  const hostState = new Map(hostStates.map((row) => [row.objectKey, row.state as BsmState]));
  const hostElements = shown.map((membership) => ({ ...membership, state: hostState.get(componentHostKey(membership.componentId, membership.host)) ?? null }));
  const view = buildTopology(scope, expand, { services, components, hostElements });
  return { ...view, positions: layOutTopology(view) };
}
