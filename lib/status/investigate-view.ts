import type { PrismaClient } from "@prisma/client";
import { DAY_MS, effectiveRequiredOnline, type BsmState, type StateSegment } from "../bsm";
import type { Access } from "../auth/access";
import { canSeeObject } from "./bsm-object";
import { storedObjectOf, type InvestigateTarget } from "./investigate-target";
import { FULL_AVAILABILITY, isoTimeOf, readStoredFlags } from "./stored-statuses";
import { segmentsOfStoredTimeline } from "./stored-timeline";

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
  /** When the object entered its state (ISO); null until the poller has stored it. */
  stateSince: string | null;
  /** `isMoment`: the value is an ISO 8601 moment, which the UI writes in the user's time zone. */
  details: { label: string; value: string; isMoment?: true }[];
  /** A business service's or component's notes (plain text, "" when none); null for a host. */
  notes: string | null;
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

/**
 * Details, 24-hour availability with its state timeline, and recent transitions of one BSM object;
 * null when unknown or not visible. The figures are those the poller stored for the window ending at
 * PollerStatus.availabilityAt; until it has stored any, the last 24 hours count as available.
 */
export async function getInvestigateView(prisma: PrismaClient, access: Access, target: InvestigateTarget, now = Date.now()): Promise<InvestigateView | null> {
  const base = await describeTarget(prisma, access, target);
  if (base === null) return null;
  const stored = storedObjectOf(target);
  const [row, poller, transitions] = await Promise.all([
    prisma.bsmObjectStatus.findUnique({
      where: { objectType_objectKey: stored },
      select: { state: true, acknowledged: true, impacted: true, changedAt: true, availability: true, operationalMs: true, failedMs: true, downtimeMs: true, timeline: true },
    }),
    prisma.pollerStatus.findUnique({ where: { id: 1 }, select: { availabilityAt: true } }),
    prisma.bsmTransition.findMany({ where: stored, orderBy: [{ at: "desc" }, { id: "desc" }], take: RECENT_TRANSITIONS }),
  ]);
  const windowTo = poller?.availabilityAt?.getTime() ?? now;
  const windowFrom = windowTo - DAY_MS;
  const figures = row ?? FULL_AVAILABILITY;
  return {
    ...base,
    target,
    ...readStoredFlags(stored.objectType, row),
    stateSince: isoTimeOf(row?.changedAt),
    availability: figures.availability,
    operationalMs: figures.operationalMs,
    failedMs: figures.failedMs,
    downtimeMs: figures.downtimeMs,
    windowFrom,
    windowTo,
    timeline: segmentsOfStoredTimeline(row?.timeline, windowFrom, windowTo) ?? [{ from: windowFrom, to: windowTo, state: "OPERATIONAL" }],
    transitions: transitions.map((transition) => ({
      at: transition.at.toISOString(),
      fromState: transition.fromState,
      toState: transition.toState,
      fromAcknowledged: transition.fromAcknowledged,
      toAcknowledged: transition.toAcknowledged,
      fromImpacted: transition.fromImpacted,
      toImpacted: transition.toImpacted,
    })),
  };
}

type TargetDescription = Pick<InvestigateView, "kindLabel" | "title" | "details" | "notes" | "related">;

async function describeTarget(prisma: PrismaClient, access: Access, target: InvestigateTarget): Promise<TargetDescription | null> {
  if (!canSeeObject(access, storedObjectOf(target))) return null;
  if (target.kind === "service") {
    const service = await prisma.businessService.findUnique({
      where: { id: target.id },
      select: { name: true, notes: true, createdAt: true, components: { orderBy: { position: "asc" }, select: { component: { select: { id: true, name: true } } } } },
    });
    if (service === null) return null;
    return {
      kindLabel: "Business service",
      title: service.name,
      notes: service.notes,
      details: [
        { label: "Components", value: String(service.components.length) },
        { label: "Created", value: service.createdAt.toISOString(), isMoment: true },
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
      notes: true,
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
      notes: component.notes,
      details: [
        { label: "Host template", value: component.hostTemplate.name },
        { label: "Hosts", value: String(component.hosts.length) },
        { label: "Required online", value: `${effectiveRequiredOnline(component.requiredOnline, component.hosts.length)} of ${component.hosts.length}` },
        { label: "Created", value: component.createdAt.toISOString(), isMoment: true },
      ],
      related: [{ label: `Component view: ${component.name}`, href: `/bsm/component/${componentId}` }, ...services],
    };
  }
  const host = component.hosts.find((membership) => membership.host.name === target.host)?.host;
  if (host === undefined) return null;
  return {
    kindLabel: "Host",
    title: host.name,
    notes: null,
    details: [
      { label: "Alias", value: host.alias || "—" },
      { label: "Address", value: host.address || "—" },
      { label: "Seen by component", value: component.name },
      { label: "Host template", value: component.hostTemplate.name },
    ],
    related: [{ label: `Component: ${component.name}`, href: `/bsm/component/${componentId}` }],
  };
}
