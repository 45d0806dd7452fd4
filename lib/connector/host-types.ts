// Rules: docs/connector-rules.md §1.2 (host type) and §2 (export settings per host type).
import type { ExportSettings, ExportState } from "../reflect";

/** The export state of a host type nobody has chosen one for: every type the source reports starts ON. */
export const DEFAULT_EXPORT_STATE: ExportState = "ON";

/** The host type of a host without templates; it is never supported. */
export const NO_HOST_TYPE = "(no host template)";

/**
 * The supported host types are the templates the source reports (a type that appears later is
 * supported from then on), each at its stored choice or the default. A stored choice for a type
 * the source does not report adds nothing.
 */
export function effectiveExportSettings(reportedTypes: Iterable<string>, stored: readonly { hostType: string; state: ExportState }[]): ExportSettings {
  const settings = new Map<string, ExportState>();
  for (const hostType of reportedTypes) {
    if (hostType !== NO_HOST_TYPE) settings.set(hostType, DEFAULT_EXPORT_STATE);
  }
  for (const { hostType, state } of stored) {
    if (settings.has(hostType)) settings.set(hostType, state);
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
