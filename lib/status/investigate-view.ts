import type { PrismaClient } from "@prisma/client";
import { effectiveRequiredOnline, type BsmState, type StateSegment } from "../bsm";
import type { Access } from "../auth/access";
import { loadAvailability } from "./availability";
import { canSeeObject } from "./bsm-object";
import { storedObjectOf, type InvestigateTarget } from "./investigate-target";
import { loadStoredStatuses } from "./stored-statuses";

export interface TransitionView {
  at: string;
  fromState: string;
  toState: string;
  fromAcknowledged: boolean;
  toAcknowledged: boolean;
  fromImpacted: boolean;
  toImpacted: boolean;
}

export interface InvestigateView {
  target: InvestigateTarget;
  kindLabel: "Business service" | "Component" | "Host";
  title: string;
  state: BsmState;
  acknowledged: boolean;
  impacted: boolean;
  details: { label: string; value: string }[];
  /** Where the object sits: its component (for a host) or its services (for a component). */
  related: { label: string; href: string }[];
  availability: number;
  operationalMs: number;
  failedMs: number;
  downtimeMs: number;
  windowFrom: number;
  windowTo: number;
  timeline: StateSegment<BsmState>[];
  /** Newest first. */
  transitions: TransitionView[];
}

const RECENT_TRANSITIONS = 20;

/** Details, 24-hour availability with its state timeline, and recent transitions of one BSM object; null when unknown or not visible. */
export async function getInvestigateView(prisma: PrismaClient, access: Access, target: InvestigateTarget, now = Date.now()): Promise<InvestigateView | null> {
  const base = await describeTarget(prisma, access, target);
  if (base === null) return null;
  const componentId = target.kind === "service" ? null : target.kind === "component" ? target.id : target.componentId;
  const scope = target.kind === "service" ? { businessServiceIds: [String(target.id)] } : { componentIds: [String(componentId)] };
  const stored = storedObjectOf(target);
  const [statuses, report, transitions] = await Promise.all([
    loadStoredStatuses(prisma, { componentIds: componentId === null ? [] : [componentId], serviceIds: target.kind === "service" ? [target.id] : [] }),
    loadAvailability(prisma, { now, includeTimelines: true, scope }),
    prisma.bsmTransition.findMany({ where: stored, orderBy: [{ at: "desc" }, { id: "desc" }], take: RECENT_TRANSITIONS }),
  ]);
  const figures =
    target.kind === "service"
      ? report.businessServices[0]
      : target.kind === "component"
        ? report.components[0]
        : report.componentHosts.find((host) => host.host === target.host);
  const status =
    target.kind === "service"
      ? statuses.businessService(target.id)
      : target.kind === "component"
        ? statuses.component(target.id)
        : statuses.componentHost(target.componentId, target.host);
  return {
    ...base,
    target,
    ...status,
    availability: figures?.availability ?? 100,
    operationalMs: figures?.operationalMs ?? report.to - report.from,
    failedMs: figures?.failedMs ?? 0,
    downtimeMs: figures?.downtimeMs ?? 0,
    windowFrom: report.from,
    windowTo: report.to,
    timeline: figures?.timeline ?? [{ from: report.from, to: report.to, state: "OPERATIONAL" }],
    transitions: transitions.map((row) => ({
      at: row.at.toISOString(),
      fromState: row.fromState,
      toState: row.toState,
      fromAcknowledged: row.fromAcknowledged,
      toAcknowledged: row.toAcknowledged,
      fromImpacted: row.fromImpacted,
      toImpacted: row.toImpacted,
    })),
  };
}

type TargetDescription = Pick<InvestigateView, "kindLabel" | "title" | "details" | "related">;

async function describeTarget(prisma: PrismaClient, access: Access, target: InvestigateTarget): Promise<TargetDescription | null> {
  if (!canSeeObject(access, storedObjectOf(target))) return null;
  if (target.kind === "service") {
    const service = await prisma.businessService.findUnique({
      where: { id: target.id },
      select: { name: true, createdAt: true, components: { orderBy: { position: "asc" }, select: { component: { select: { id: true, name: true } } } } },
    });
    if (service === null) return null;
    return {
      kindLabel: "Business service",
      title: service.name,
      details: [
        { label: "Components", value: String(service.components.length) },
        { label: "Created", value: service.createdAt.toISOString() },
      ],
      related: [
        { label: `Service view: ${service.name}`, href: `/bsm/service/${target.id}` },
        ...service.components
          .filter(({ component }) => access.canSeeComponent(component.id))
          .map(({ component }) => ({ label: `Component: ${component.name}`, href: `/bsm/component/${component.id}` })),
      ],
    };
  }
  const componentId = target.kind === "component" ? target.id : target.componentId;
  const component = await prisma.component.findUnique({
    where: { id: componentId },
    select: {
      name: true,
      requiredOnline: true,
      createdAt: true,
      hostTemplate: { select: { name: true } },
      hosts: { select: { host: { select: { name: true, alias: true, address: true } } } },
      services: { select: { businessService: { select: { id: true, name: true } } } },
    },
  });
  if (component === null) return null;
  const services = component.services
    .map((membership) => membership.businessService)
    .filter((service) => access.canSeeService(service.id))
    .map((service) => ({ label: `Business service: ${service.name}`, href: `/bsm/service/${service.id}` }));
  if (target.kind === "component") {
    return {
      kindLabel: "Component",
      title: component.name,
      details: [
        { label: "Host template", value: component.hostTemplate.name },
        { label: "Hosts", value: String(component.hosts.length) },
        { label: "Required online", value: `${effectiveRequiredOnline(component.requiredOnline, component.hosts.length)} of ${component.hosts.length}` },
        { label: "Created", value: component.createdAt.toISOString() },
      ],
      related: [{ label: `Component view: ${component.name}`, href: `/bsm/component/${componentId}` }, ...services],
    };
  }
  const host = component.hosts.find((membership) => membership.host.name === target.host)?.host;
  if (host === undefined) return null;
  return {
    kindLabel: "Host",
    title: host.name,
    details: [
      { label: "Alias", value: host.alias || "—" },
      { label: "Address", value: host.address || "—" },
      { label: "Seen by component", value: component.name },
      { label: "Host template", value: component.hostTemplate.name },
    ],
    related: [{ label: `Component: ${component.name}`, href: `/bsm/component/${componentId}` }],
  };
}
