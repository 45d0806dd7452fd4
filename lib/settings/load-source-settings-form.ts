import type { PrismaClient } from "@prisma/client";
import { loadSourceSettings, type SourceEnvironment } from "./load-source-settings";
import { SETTINGS_SOURCE_KINDS, isSettingsSourceKind, type SettingsSourceKind } from "./source-kinds";
import { settingsToDraft, type SourceSettingsDraft } from "./source-settings-draft";

/** What the Database Settings form starts from. No secret is in it, only which ones are set. */
export interface SourceSettingsFormData {
  origin: "saved" | "environment";
  /** The kind in force; the form starts on it when it offers it. */
  kind: string;
  kindOffered: boolean;
  updatedAt: string | null;
  updatedByEmail: string | null;
  /** A starting draft for every kind the form offers: the settings in force for theirs, blanks (defaults) for the others. */
  drafts: Record<SettingsSourceKind, SourceSettingsDraft>;
  /** Secret fields of the kind in force that have a value (shown as "unchanged"). */
  secretFields: string[];
  /** BSM_SOURCE_SETTINGS cannot be shown (not JSON). */
  environmentProblem: string | null;
}

export async function loadSourceSettingsForm(prisma: PrismaClient, environment: SourceEnvironment): Promise<SourceSettingsFormData> {
  const state = await loadSourceSettings(prisma, environment);
  const drafts = Object.fromEntries(
    SETTINGS_SOURCE_KINDS.map((kind) => [
      kind,
      settingsToDraft(kind, kind === state.kind ? (state.publicSettings ?? {}) : {}, state.pollIntervalSeconds),
    ]),
  ) as Record<SettingsSourceKind, SourceSettingsDraft>;
  return {
    origin: state.origin,
    kind: state.kind,
    kindOffered: isSettingsSourceKind(state.kind),
    updatedAt: state.updatedAt?.toISOString() ?? null,
    updatedByEmail: state.updatedByEmail,
    drafts,
    secretFields: state.secretFields,
    environmentProblem: state.publicSettings === null ? "BSM_SOURCE_SETTINGS is not a JSON object, so the form starts from the defaults" : null,
  };
}
