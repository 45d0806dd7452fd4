import { settingsOrThrow } from "./parse-settings";
import { sourceKindDefinition, type SourceKind } from "./registry";
import type { MonitoringSource, SourceEvent } from "./types";

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
  const input = parseJson(settingsJson);
  const definition = sourceKindDefinition(kind);
  try {
    return definition.create(settingsOrThrow(definition.parseSettings(input)), { now: options.now ?? Date.now, onEvent: options.onEvent });
  } catch (error) {
    throw new SourceSettingsError(`BSM_SOURCE_SETTINGS: ${(error as Error).message.split("\n")[0]}`);
  }
}
