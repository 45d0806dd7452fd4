import "server-only";
import type { SourceSettingsState } from "./load-source-settings";

export type CurrentSecrets = { ok: true; secrets: Record<string, string> } | { ok: false; message: string };

/**
 * The secrets a blank password field stands for: those in use, when the form keeps the source kind.
 * Reading them may fail (no key, another key); that only matters when a blank field needs one.
 */
export function currentSecretsFor(state: SourceSettingsState, draft: unknown): CurrentSecrets {
  const kind = draft !== null && typeof draft === "object" ? (draft as { kind?: unknown }).kind : undefined;
  if (kind !== state.kind || state.secretFields.length === 0) return { ok: true, secrets: {} };
  try {
    return { ok: true, secrets: state.readSecrets() };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Whether the form leaves blank a secret field that has a value in use (so it needs the current secret). */
export function draftKeepsASecret(state: SourceSettingsState, draft: unknown): boolean {
  const values = draft !== null && typeof draft === "object" ? (draft as { values?: unknown }).values : undefined;
  if (values === null || typeof values !== "object") return false;
  return state.secretFields.some((path) => {
    const value = (values as Record<string, unknown>)[path];
    return value === undefined || value === "";
  });
}
