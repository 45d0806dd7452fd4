// What an Investigate view (and a pinned dashlet) points at. Pure, so the browser can use it too.

import { isStorableText, parseIdSegment } from "../validation/fields";
import { businessServiceRef, componentHostRef, componentRef, type BsmObjectRef } from "./bsm-object";

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

/** The object the target shows, as BsmObjectStatus and BsmTransition name it. */
export function storedObjectOf(target: InvestigateTarget): BsmObjectRef {
  switch (target.kind) {
    case "service":
      return businessServiceRef(target.id);
    case "component":
      return componentRef(target.id);
    case "host":
      return componentHostRef(target.componentId, target.host);
  }
}
