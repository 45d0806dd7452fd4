// Rules: docs/connector-rules.md §1.3–§1.5 and §2.1 (export settings, creation allowed).
import type { ExportSettings, ExportState } from "./types";

export function isHostTypeSupported(hostType: string, settings: ExportSettings): boolean {
  return settings.has(hostType);
}

/** Creation allowed = the host's export flag is on AND its host type's export state is ON. */
export function isCreationAllowed(exportEnabled: boolean, hostType: string, settings: ExportSettings): boolean {
  return exportEnabled && settings.get(hostType) === "ON";
}

/** NA marks a type that is supported but cannot be exported; users cannot change it. */
export function isExportStateEditable(state: ExportState): boolean {
  return state !== "NA";
}

export type ExportStateChange =
  | { ok: true; settings: ExportSettings }
  | { ok: false; reason: string };

export function changeExportState(settings: ExportSettings, hostType: string, next: ExportState): ExportStateChange {
  const current = settings.get(hostType);
  if (current === undefined) return { ok: false, reason: `host type ${hostType} is not supported` };
  if (!isExportStateEditable(current)) return { ok: false, reason: `the export state of ${hostType} is NA and cannot be changed` };
  if (!isExportStateEditable(next)) return { ok: false, reason: "NA cannot be chosen; only ON or OFF" };
  return { ok: true, settings: new Map(settings).set(hostType, next) };
}
