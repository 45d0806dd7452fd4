import { z } from "zod";
import { parseTopologyQuery, topologyQuery, type TopologyScope } from "../connectivity/topology";
import { investigateSegments, parseInvestigateTarget, type InvestigateTarget } from "../status/investigate-target";
import { parseIdSegment, storableText } from "../validation/fields";

export const DASHLET_SIZES = ["small", "medium", "large", "full"] as const;
export type DashletSize = (typeof DASHLET_SIZES)[number];

export const DASHLET_KINDS = ["summary", "service", "component", "investigate", "topology"] as const;
export type DashletKind = (typeof DASHLET_KINDS)[number];

/** What a dashlet shows, resolved from its stored kind and target. */
export type DashletContent =
  | { kind: "summary" }
  | { kind: "service"; serviceId: number }
  | { kind: "component"; componentId: number }
  | { kind: "investigate"; target: InvestigateTarget }
  | { kind: "topology"; scope: TopologyScope; expand: string[] };

export interface DashletView {
  id: number;
  size: DashletSize;
  position: number;
  content: DashletContent;
  /** What it shows, naming the object: "Service: Payment API", "Investigate: web-01 (Web servers)". */
  title: string;
}

/** Grid columns each size spans (of DASHLET_COLUMNS). */
export const DASHLET_COLUMNS = 4;
export function columnsOf(size: DashletSize): number {
  return DASHLET_SIZES.indexOf(size) + 1;
}
export function sizeOfColumns(columns: number): DashletSize {
  return DASHLET_SIZES[Math.min(DASHLET_SIZES.length, Math.max(1, Math.round(columns))) - 1];
}

/** The stored target of a content (the inverse of contentOf). */
export function targetOf(content: DashletContent): string {
  switch (content.kind) {
    case "summary":
      return "";
    case "service":
      return String(content.serviceId);
    case "component":
      return String(content.componentId);
    case "investigate":
      return investigateSegments(content.target).map(encodeURIComponent).join("/");
    case "topology":
      return topologyQuery(content.scope, content.expand);
  }
}

/** Names of the objects dashlets show; a missing name means the object is gone or hidden from the user. */
export interface DashletNames {
  service: (id: number) => string | undefined;
  component: (id: number) => string | undefined;
}

export function dashletTitle(content: DashletContent, names: DashletNames): string {
  const service = (id: number) => names.service(id) ?? `#${id} (not available)`;
  const component = (id: number) => names.component(id) ?? `#${id} (not available)`;
  switch (content.kind) {
    case "summary":
      return "BSM Summary";
    case "service":
      return `Service: ${service(content.serviceId)}`;
    case "component":
      return `Component: ${component(content.componentId)}`;
    case "investigate": {
      const target = content.target;
      if (target.kind === "service") return `Investigate: ${service(target.id)}`;
      if (target.kind === "component") return `Investigate: ${component(target.id)}`;
      return `Investigate: ${target.host} (${component(target.componentId)})`;
    }
    case "topology": {
      const { scope } = content;
      if (scope.kind === "estate") return "Topology: whole estate";
      return `Topology: ${scope.kind === "service" ? service(scope.id) : component(scope.id)}`;
    }
  }
}

export const newDashletInput = z.object({
  kind: z.enum(DASHLET_KINDS, { error: "must be summary, service, component, investigate or topology" }),
  target: storableText().max(500, "is too long").default(""),
  size: z.enum(DASHLET_SIZES, { error: "must be small, medium, large or full" }).default("medium"),
});
export type NewDashletInput = z.input<typeof newDashletInput>;

export const dashletSize = z.enum(DASHLET_SIZES, { error: "must be small, medium, large or full" });

/** Null when the stored kind and target do not describe a dashlet. */
export function contentOf(kind: string, target: string): DashletContent | null {
  switch (kind) {
    case "summary":
      return target === "" ? { kind } : null;
    case "service":
      return idOrNull(target, (serviceId) => ({ kind, serviceId }));
    case "component":
      return idOrNull(target, (componentId) => ({ kind, componentId }));
    case "investigate": {
      const investigated = parseInvestigateTarget(target.split("/").map(safeDecode));
      return investigated ? { kind, target: investigated } : null;
    }
    case "topology":
      try {
        return { kind, ...parseTopologyQuery(new URL(`http://localhost/?${target}`)) };
      } catch {
        return null;
      }
    default:
      return null;
  }
}

function idOrNull(segment: string, content: (id: number) => DashletContent): DashletContent | null {
  const id = parseIdSegment(segment);
  return id === null ? null : content(id);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "\u0000";
  }
}

export function asDashletSize(value: string): DashletSize {
  return (DASHLET_SIZES as readonly string[]).includes(value) ? (value as DashletSize) : "medium";
}
