// Rules: docs/connector-rules.md §1.5, §1.6 and §3 (allowed, pending, Reflect Status).
import { isCreationAllowed, isHostTypeSupported } from "./export-settings";
import type { ExportSettings, HostRecord, ReflectStatus } from "./types";

export type HostElementState = Pick<HostRecord, "host" | "type" | "removed" | "exportEnabled" | "elementExists" | "elementType">;

/** The host type the existing element was made for, or null without an element. */
export function elementTypeOf(host: Pick<HostRecord, "type" | "elementExists" | "elementType">): string | null {
  return host.elementExists ? (host.elementType ?? host.type) : null;
}

/** Whether the element may exist now: never for a host that left the source. */
export function isElementAllowed(host: HostElementState, settings: ExportSettings): boolean {
  return !host.removed && isCreationAllowed(host.exportEnabled, host.type, settings);
}

/** Desired and actual element state differ, or the element was made for the host's old type. */
export function isPending(host: HostElementState, settings: ExportSettings): boolean {
  if (host.removed) return host.elementExists;
  const madeForOldType = host.elementExists && elementTypeOf(host) !== host.type;
  return host.elementExists !== isElementAllowed(host, settings) || madeForOldType;
}

export function withPendingRefreshed<T extends HostElementState & { pending: boolean }>(host: T, settings: ExportSettings): T {
  return { ...host, pending: isPending(host, settings) };
}

/** Status of a host in the source that did not change type in this run. */
export function statusOfPresentHost(host: Pick<HostRecord, "type">, exportSettings: ExportSettings): ReflectStatus {
  return isHostTypeSupported(host.type, exportSettings) ? "Ok" : "Detected";
}
