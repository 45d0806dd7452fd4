import { z } from "zod";
import { parseInvestigateTarget, type InvestigateTarget } from "../status/investigate-target";
import { parseIdSegment, storableText } from "../validation/fields";

export const DASHLET_SIZES = ["small", "medium", "large", "full"] as const;
export type DashletSize = (typeof DASHLET_SIZES)[number];

export const DASHLET_KINDS = ["summary", "service", "component", "investigate"] as const;
export type DashletKind = (typeof DASHLET_KINDS)[number];

/** What a dashlet shows, resolved from its stored kind and target. */
export type DashletContent =
  | { kind: "summary" }
  | { kind: "service"; serviceId: number }
  | { kind: "component"; componentId: number }
  | { kind: "investigate"; target: InvestigateTarget };

export interface DashletView {
  id: number;
  size: DashletSize;
  position: number;
  content: DashletContent;
}

export const newDashletInput = z.object({
  kind: z.enum(DASHLET_KINDS, { error: "must be summary, service, component or investigate" }),
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
