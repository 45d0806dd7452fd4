// Rules: docs/connector-rules.md §1.3–§1.5 and §2.1 (export settings, creation allowed).
import type { ExportSettings, ExportState } from "./types";

export function isHostTypeSupported(hostType: string, settings: ExportSettings): boolean {
  return settings.has(hostType);
}

/** Creation allowed = the host's export flag is on AND its host type's export state is ON. */
export function isCreationAllowed(exportEnabled: boolean, hostType: string, settings: ExportSettings): boolean {
  return exportEnabled && settings.get(hostType) === "ON";
}

/** ON and OFF are everyday choices; making a type NA, or undoing it, is an administrator's. */
export function exportStateChangeNeedsAdministrator(from: ExportState, to: ExportState): boolean {
  return from !== to && (from === "NA" || to === "NA");
}

export type ExportStateChange =
  | { ok: true; settings: ExportSettings }
  | { ok: false; reason: string };

export function changeExportState(settings: ExportSettings, hostType: string, next: ExportState): ExportStateChange {
  if (!settings.has(hostType)) return { ok: false, reason: `host type ${hostType} is not supported: the source reports no such template` };
  return { ok: true, settings: new Map(settings).set(hostType, next) };
}
