import { createIcingaApiSource } from "./icinga-api";
import { createIcingaIdoSource, parseIcingaIdoSettings } from "./ido";
import { createOpsviewDatabaseSource, parseOpsviewDatabaseSettings } from "./opsview-db";
import { createOpsviewRestSource } from "./opsview-rest";
import { createSimulatedSource, parseSimulatedSourceSettings } from "./simulated";
import type { MonitoringSource, SourceEvent } from "./types";

export type SourceKind = "simulated" | "opsview-db" | "opsview-rest" | "icinga-api" | "icinga-ido";

export class SourceSettingsError extends Error {}

function parseJson(text: string | undefined): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SourceSettingsError("BSM_SOURCE_SETTINGS: not valid JSON");
  }
}

/** Builds the configured monitoring source; bad settings throw SourceSettingsError with one line. */
export function createMonitoringSource(
  kind: SourceKind,
  settingsJson: string | undefined,
  options: { now?: () => number; onEvent?: (event: SourceEvent) => void } = {},
): MonitoringSource {
  const settings = parseJson(settingsJson);
  const now = options.now ?? Date.now;
  try {
    switch (kind) {
      case "simulated":
        return createSimulatedSource({ ...parseSimulatedSourceSettings(settings), now });
      case "opsview-db": {
        const parsed = parseOpsviewDatabaseSettings(settings);
        if (!parsed.ok) throw new Error(parsed.message);
        return createOpsviewDatabaseSource(parsed.settings, { now, onEvent: options.onEvent });
      }
      case "opsview-rest":
        return createOpsviewRestSource(settings as Parameters<typeof createOpsviewRestSource>[0], { now, onEvent: options.onEvent });
      case "icinga-api":
        return createIcingaApiSource(settings as Parameters<typeof createIcingaApiSource>[0], { now });
      case "icinga-ido": {
        const parsed = parseIcingaIdoSettings(settings);
        if (!parsed.ok) throw new Error(parsed.message);
        return createIcingaIdoSource(parsed.settings, { now, onEvent: options.onEvent });
      }
    }
  } catch (error) {
    throw new SourceSettingsError(`BSM_SOURCE_SETTINGS: ${(error as Error).message.split("\n")[0]}`);
  }
}
