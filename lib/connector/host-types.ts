// Rules: docs/connector-rules.md §1.2 (host type) and §2 (export settings per host type).
import type { ExportSettings, ExportState } from "../reflect";

/**
 * The host types the connector supports and their default export state. A type missing here is
 * unsupported (its hosts show Detected); NA types are supported but never made into host elements.
 * Users change ON/OFF; their choice is stored in HostTypeExportSetting.
 */
export const SUPPORTED_HOST_TYPES: readonly { hostType: string; defaultState: ExportState; note?: string }[] = [
  { hostType: "Load balancer", defaultState: "ON" },
  { hostType: "Web", defaultState: "ON" },
  { hostType: "Cache", defaultState: "ON" },
  { hostType: "Database", defaultState: "ON" },
  { hostType: "Queue", defaultState: "NA", note: "Message queues are monitored but not made into host elements." },
  { hostType: "OS - Linux", defaultState: "ON" },
  { hostType: "OS - Windows", defaultState: "ON" },
  { hostType: "Network - Base", defaultState: "ON" },
  { hostType: "Database Server", defaultState: "ON" },
  { hostType: "Application - Opsview", defaultState: "NA", note: "The monitoring server itself." },
];

/** The host type of a host without templates; it is never supported. */
export const NO_HOST_TYPE = "(no host template)";

/** Supported types with their defaults, overridden by the stored ON/OFF choices; NA cannot be overridden. */
export function effectiveExportSettings(stored: readonly { hostType: string; state: ExportState }[]): ExportSettings {
  const settings = new Map<string, ExportState>(SUPPORTED_HOST_TYPES.map((type) => [type.hostType, type.defaultState]));
  for (const { hostType, state } of stored) {
    const current = settings.get(hostType);
    if (current !== undefined && current !== "NA" && state !== "NA") settings.set(hostType, state);
  }
  return settings;
}

/** A host's type: its primary template, the one with the lowest priority number (ties by name). */
export function hostTypeOf(templates: readonly { name: string; priority: number }[]): string {
  let primary: { name: string; priority: number } | undefined;
  for (const template of templates) {
    if (!primary || template.priority < primary.priority || (template.priority === primary.priority && template.name < primary.name)) {
      primary = template;
    }
  }
  return primary?.name ?? NO_HOST_TYPE;
}
