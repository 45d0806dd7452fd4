import type { PrismaClient } from "@prisma/client";
import { orderByZone, orderForComponentView, type ComponentState, type HostState } from "../bsm";
import type { Access } from "../auth/access";
import { inChunks } from "../db/in-chunks";
import { componentRef } from "./bsm-object";
import { componentCountsOf, loadComponentHostStatuses, loadStoredStatuses } from "./stored-statuses";

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
      /** When the host entered its state (ISO); null when not known. */
      stateSince: string | null;
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
  /** When the component entered its state (ISO); null until the poller has stored it. */
  stateSince: string | null;
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

/** Components with their hosts' stored statuses, counts and availability, and (optionally) failing checks. */
export async function loadComponentLayers(
  prisma: PrismaClient,
  access: Access,
  componentIds: readonly number[],
  options: { hostOrder: "zone" | "severity"; withFailingChecks: boolean },
): Promise<ComponentLayerView[]> {
  const [components, statuses, hostsByComponent] = await Promise.all([
    prisma.component.findMany({
      where: { id: { in: [...componentIds] } },
      select: { id: true, name: true, requiredOnline: true, hostTemplate: { select: { name: true } } },
    }),
    loadStoredStatuses(prisma, { componentIds }),
    loadComponentHostStatuses(prisma, componentIds),
  ]);
  const hostIds = [...hostsByComponent.values()].flatMap((hosts) => hosts.map((host) => host.hostId));
  const failing = options.withFailingChecks ? await loadCriticalChecks(prisma, hostIds) : new Map<number, FailingCheck[]>();
  const byId = new Map(components.map((component) => [component.id, component]));

  return componentIds.flatMap((id) => {
    const component = byId.get(id);
    if (component === undefined) return [];
    const template = component.hostTemplate.name;
    const configured = hostsByComponent.get(id) ?? [];
    const counts = componentCountsOf(statuses.componentCounts(id), configured, component.requiredOnline);
    const own = statuses.component(id);
    const ordered = (options.hostOrder === "zone" ? orderByZone : orderForComponentView)(configured, (host) => host.state);
    const hosts = ordered.map((host): ComponentHostView => {
      if (!access.canSeeHost(host.name)) return { visible: false };
      return {
        visible: true,
        name: host.name,
        state: host.state,
        acknowledged: host.acknowledged,
        stateSince: host.stateSince,
        availability: host.availability,
        failingChecks: (failing.get(host.hostId) ?? []).filter((check) => check.templates.includes(template)).map(toFailingCheckView),
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
        stateSince: statuses.stateSince(componentRef(id)),
        hostsTotal: counts.hostsTotal,
        hostsFailed: counts.hostsFailed,
        hostsDowntime: counts.hostsDowntime,
        hostsAcknowledged: counts.hostsAcknowledged,
        requiredOnline: counts.requiredOnline,
        operationalZonePercent: counts.operationalZonePercent,
        availability: statuses.figures(componentRef(id)).availability,
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
  // Each host's checks come in one slice, so each host's list stays in name order.
  const rows = await inChunks(hostIds, (chunk) =>
    prisma.serviceCheck.findMany({
      where: { hostId: { in: chunk }, state: "CRITICAL" },
      orderBy: { name: "asc" },
      select: { hostId: true, name: true, output: true, acknowledged: true, inDowntime: true, contributingTemplates: true },
    }),
  );
  const byHost = new Map<number, FailingCheck[]>();
  for (const row of rows) {
    const list = byHost.get(row.hostId) ?? [];
    list.push({ name: row.name, output: row.output, acknowledged: row.acknowledged, inDowntime: row.inDowntime, templates: row.contributingTemplates });
    byHost.set(row.hostId, list);
  }
  return byHost;
}
