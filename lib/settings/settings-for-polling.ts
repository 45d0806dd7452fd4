import { joinSecrets } from "./source-settings-draft";
import type { SourceEnvironment, SourceSettingsState } from "./load-source-settings";

export type SettingsForPolling = {
  origin: "saved" | "environment";
  kind: string;
  pollIntervalSeconds: number;
  token: string;
} & ({ ok: true; settingsJson: string | undefined } | { ok: false; message: string });

/** The settings the poller builds its source from, secrets included; saved ones that cannot be read say why. */
export function settingsForPolling(state: SourceSettingsState, environment: SourceEnvironment): SettingsForPolling {
  const common = { origin: state.origin, kind: state.kind, pollIntervalSeconds: state.pollIntervalSeconds, token: state.token };
  if (state.origin === "environment") return { ...common, ok: true, settingsJson: environment.BSM_SOURCE_SETTINGS };
  try {
    return { ...common, ok: true, settingsJson: JSON.stringify(joinSecrets(state.publicSettings ?? {}, state.readSecrets())) };
  } catch (error) {
    return { ...common, ok: false, message: (error as Error).message };
  }
}
