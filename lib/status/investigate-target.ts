// What an Investigate view (and a pinned dashlet) points at. Pure, so the browser can use it too.

import { isStorableText, parseIdSegment } from "../validation/fields";

export type InvestigateTarget =
  | { kind: "service"; id: number }
  | { kind: "component"; id: number }
  | { kind: "host"; componentId: number; host: string };

/** From the URL segments after /bsm/investigate/ (e.g. ["host", "3", "web-01"]); null when malformed. */
export function parseInvestigateTarget(segments: readonly string[]): InvestigateTarget | null {
  const [kind, id, host, ...rest] = segments;
  const parsedId = id === undefined ? null : parseIdSegment(id);
  if (rest.length > 0 || parsedId === null) return null;
  if ((kind === "service" || kind === "component") && host === undefined) return { kind, id: parsedId };
  if (kind === "host" && host !== undefined && host.length > 0 && isStorableText(host)) return { kind, componentId: parsedId, host };
  return null;
}

export function investigateSegments(target: InvestigateTarget): string[] {
  return target.kind === "host" ? ["host", String(target.componentId), target.host] : [target.kind, String(target.id)];
}

export function investigatePath(target: InvestigateTarget): string {
  return `/bsm/investigate/${investigateSegments(target).map(encodeURIComponent).join("/")}`;
}

/** The BsmObjectStatus / BsmTransition key of the target. */
export function storedObjectOf(target: InvestigateTarget): { objectType: "BUSINESS_SERVICE" | "COMPONENT" | "COMPONENT_HOST"; objectKey: string } {
  switch (target.kind) {
    case "service":
      return { objectType: "BUSINESS_SERVICE", objectKey: String(target.id) };
    case "component":
      return { objectType: "COMPONENT", objectKey: String(target.id) };
    case "host":
      return { objectType: "COMPONENT_HOST", objectKey: `${target.componentId}:${target.host}` };
  }
}
