import type { PrismaClient } from "@prisma/client";
import { computeComponentStatus, orderByZone, orderForComponentView, type AvailabilityReport, type ComponentState, type HostState } from "../bsm";
import type { Access } from "../auth/access";
import { componentHostKey } from "./bsm-object";
import type { StoredStatuses } from "./stored-statuses";

export interface FailingCheckView {
  name: string;
  output: string;
  acknowledged: boolean;
  inDowntime: boolean;
}

/** A component host as one component sees it; a host the user may not see carries nothing but its place. */
export type ComponentHostView =
  | {
      visible: true;
      name: string;
      state: HostState;
      acknowledged: boolean;
      availability: number | null;
      failingChecks: FailingCheckView[];
    }
  | { visible: false };

export interface ComponentLayerView {
  id: number;
  name: string;
  hostTemplate: string;
  state: ComponentState;
  acknowledged: boolean;
  impacted: boolean;
  hostsTotal: number;
  hostsFailed: number;
  hostsDowntime: number;
  hostsAcknowledged: number;
  requiredOnline: number;
  operationalZonePercent: number;
  availability: number | null;
  /** Zone order (Service view: the first requiredOnline are the operational zone) or most severe first (Component view). */
  hosts: ComponentHostView[];
}

/** Components with their hosts' stored statuses, availability and (optionally) failing checks. */
export async function loadComponentLayers(
  prisma: PrismaClient,
  access: Access,
  componentIds: readonly number[],
  statuses: StoredStatuses,
  availability: AvailabilityReport | null,
  options: { hostOrder: "zone" | "severity"; withFailingChecks: boolean },
): Promise<ComponentLayerView[]> {
  const components = await prisma.component.findMany({
    where: { id: { in: [...componentIds] } },
    select: {
      id: true,
      name: true,
      requiredOnline: true,
      hostTemplate: { select: { name: true } },
      hosts: { orderBy: { position: "asc" }, select: { host: { select: { id: true, name: true } } } },
    },
  });
  const failing = options.withFailingChecks ? await loadCriticalChecks(prisma, components.flatMap((c) => c.hosts.map((h) => h.host.id))) : new Map();
  const hostAvailability = new Map(availability?.componentHosts.map((host) => [componentHostKey(host.componentId, host.host), host.availability]));
  const componentAvailability = new Map(availability?.components.map((component) => [component.id, component.availability]));
  const byId = new Map(components.map((component) => [component.id, component]));

  return componentIds.flatMap((id) => {
    const component = byId.get(id);
    if (component === undefined) return [];
    const template = component.hostTemplate.name;
    const hostStatuses = component.hosts.map(({ host }) => statuses.componentHost(id, host.name));
    const counts = computeComponentStatus(hostStatuses, component.requiredOnline);
    const own = statuses.component(id);
    const configured = component.hosts.map(({ host }, index) => ({ host, status: hostStatuses[index] }));
    const ordered = (options.hostOrder === "zone" ? orderByZone : orderForComponentView)(configured, (entry) => entry.status.state);
    const hosts = ordered.map(({ host, status }): ComponentHostView => {
      if (!access.canSeeHost(host.name)) return { visible: false };
      return {
        visible: true,
        name: host.name,
        state: status.state,
        acknowledged: status.acknowledged,
        availability: hostAvailability.get(componentHostKey(id, host.name)) ?? null,
        failingChecks: (failing.get(host.id) ?? []).filter((check: FailingCheck) => check.templates.includes(template)).map(toFailingCheckView),
      };
    });
    return [
      {
        id,
        name: component.name,
        hostTemplate: template,
        state: own.state,
        acknowledged: own.acknowledged,
        impacted: own.impacted,
        hostsTotal: counts.hostsTotal,
        hostsFailed: counts.hostsFailed,
        hostsDowntime: counts.hostsDowntime,
        hostsAcknowledged: counts.hostsAcknowledged,
        requiredOnline: counts.requiredOnline,
        operationalZonePercent: counts.operationalZonePercent,
        availability: componentAvailability.get(String(id)) ?? null,
        hosts,
      },
    ];
  });
}

interface FailingCheck extends FailingCheckView {
  templates: string[];
}

function toFailingCheckView({ name, output, acknowledged, inDowntime }: FailingCheck): FailingCheckView {
  return { name, output, acknowledged, inDowntime };
}

async function loadCriticalChecks(prisma: PrismaClient, hostIds: number[]): Promise<Map<number, FailingCheck[]>> {
  const rows = await prisma.serviceCheck.findMany({
    where: { hostId: { in: hostIds }, state: "CRITICAL" },
    orderBy: { name: "asc" },
    select: { hostId: true, name: true, output: true, acknowledged: true, inDowntime: true, contributingTemplates: true },
  });
  const byHost = new Map<number, FailingCheck[]>();
  for (const row of rows) {
    const list = byHost.get(row.hostId) ?? [];
    list.push({ name: row.name, output: row.output, acknowledged: row.acknowledged, inDowntime: row.inDowntime, templates: row.contributingTemplates });
    byHost.set(row.hostId, list);
  }
  return byHost;
}
