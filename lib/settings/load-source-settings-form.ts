import type { PrismaClient } from "@prisma/client";
import { SOURCE_KIND_NAMES, isSourceKind, sourceKindDefinition, type SourceKind } from "../sources/registry";
import type { SourceKindForm } from "../sources/source-kind";
import { loadSourceSettings, type SourceEnvironment } from "./load-source-settings";
import { settingsToDraft, type SourceSettingsDraft } from "./source-settings-draft";

/** A kind the form offers, with its starting draft: the settings in force for that kind, blanks (defaults) for the others. */
export interface SourceKindChoice {
  kind: SourceKind;
  label: string;
  form: SourceKindForm;
  draft: SourceSettingsDraft;
}

/** What the Database Settings form starts from. No secret is in it, only which ones are set. */
export interface SourceSettingsFormData {
  origin: "saved" | "environment";
  /** The kind in force (saved settings may name one the form does not offer). */
  kind: string;
  /** The kind the form starts on: the one in force when offered, otherwise the simulated estate. */
  startKind: SourceKind;
  /** Every kind the form offers, in the registry's order. */
  kinds: SourceKindChoice[];
  updatedAt: string | null;
  updatedByEmail: string | null;
  /** Secret fields of the kind in force that have a value (shown as "unchanged"). */
  secretFields: string[];
  /** BSM_SOURCE_SETTINGS cannot be shown (not JSON). */
  environmentProblem: string | null;
}

export async function loadSourceSettingsForm(prisma: PrismaClient, environment: SourceEnvironment): Promise<SourceSettingsFormData> {
  const state = await loadSourceSettings(prisma, environment);
  return {
    origin: state.origin,
    kind: state.kind,
    startKind: isSourceKind(state.kind) ? state.kind : "simulated",
    kinds: SOURCE_KIND_NAMES.map((kind) => {
      const { label, form } = sourceKindDefinition(kind);
      return { kind, label, form, draft: settingsToDraft(kind, kind === state.kind ? (state.publicSettings ?? {}) : {}, state.pollIntervalSeconds) };
    }),
    updatedAt: state.updatedAt?.toISOString() ?? null,
    updatedByEmail: state.updatedByEmail,
    secretFields: state.secretFields,
    environmentProblem: state.publicSettings === null ? "BSM_SOURCE_SETTINGS is not a JSON object, so the form starts from the defaults" : null,
  };
}
