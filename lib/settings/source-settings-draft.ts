import { z } from "zod";
import type { FieldErrors } from "../errors/app-error";
import { isSourceKind, sourceKindDefinition, type SourceKind } from "../sources/registry";
import type { SourceKindForm } from "../sources/source-kind";
import { storableText } from "../validation/fields";
import { deletePath, getPath, setPath, type SettingsObject } from "./settings-paths";

/** What the form holds and sends: field values by path, as typed. Secrets left blank mean "unchanged". */
export interface SourceSettingsDraft {
  kind: string;
  pollIntervalSeconds: string;
  values: Record<string, string | boolean>;
  /** Optional groups (such as "backup") that are switched on. */
  enabledGroups: string[];
}

export const sourceSettingsDraftSchema = z.object({
  kind: storableText().max(40),
  pollIntervalSeconds: z.union([storableText().max(20), z.number()]).transform(String),
  values: z.record(storableText().max(100), z.union([storableText().max(4000), z.boolean()])),
  enabledGroups: z.array(storableText().max(100)).max(20),
});

export interface ValidSourceSettings {
  kind: SourceKind;
  /** Complete settings, secrets included, as the source's schema outputs them. */
  settings: SettingsObject;
  pollIntervalSeconds: number;
}

/** Field errors are by settings path; "kind" and "pollIntervalSeconds" for those two, "form" for the rest. */
export type DraftResult = { ok: true; value: ValidSourceSettings } | { ok: false; fieldErrors: FieldErrors };

const POLL_INTERVAL_LIMITS = { min: 1, max: 3600 } as const;

const pollIntervalSchema = z.coerce
  .number({ error: "must be a number of seconds" })
  .int("must be a whole number of seconds")
  .min(POLL_INTERVAL_LIMITS.min, `must be between ${POLL_INTERVAL_LIMITS.min} and ${POLL_INTERVAL_LIMITS.max} seconds`)
  .max(POLL_INTERVAL_LIMITS.max, `must be between ${POLL_INTERVAL_LIMITS.min} and ${POLL_INTERVAL_LIMITS.max} seconds`);

/**
 * Turns what the user typed into complete, validated settings. A blank secret keeps the one in use
 * (`currentSecrets`, by path), so a saved password need never travel to the browser and back.
 */
export function parseSourceSettingsDraft(input: unknown, currentSecrets: Record<string, string>): DraftResult {
  const shape = sourceSettingsDraftSchema.safeParse(input);
  if (!shape.success) return { ok: false, fieldErrors: { form: "The form was not sent as expected; reload the page and try again" } };
  const draft = shape.data;
  const fieldErrors: FieldErrors = {};
  if (!isSourceKind(draft.kind)) fieldErrors.kind = "must be one of the listed source kinds";
  const pollInterval = pollIntervalSchema.safeParse(draft.pollIntervalSeconds.trim() === "" ? undefined : draft.pollIntervalSeconds);
  if (!pollInterval.success) fieldErrors.pollIntervalSeconds = draft.pollIntervalSeconds.trim() === "" ? "is required" : pollInterval.error.issues[0].message;
  if (!isSourceKind(draft.kind)) return { ok: false, fieldErrors };

  const definition = sourceKindDefinition(draft.kind);
  const settings = draftToSettingsInput(definition.form, draft, currentSecrets);
  const parsed = definition.settingsSchema.safeParse(settings);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      const key = fieldPaths(definition.form).has(path) ? path : "form";
      fieldErrors[key] ??= key === "form" ? `${path || "settings"} ${issue.message}` : issue.message;
    }
  }
  if (!parsed.success || !pollInterval.success) return { ok: false, fieldErrors };
  return { ok: true, value: { kind: draft.kind, settings: parsed.data, pollIntervalSeconds: pollInterval.data } };
}

function fieldPaths(form: SourceKindForm): Set<string> {
  return new Set(form.groups.flatMap((group) => group.fields.map((field) => field.path)));
}

export function draftToSettingsInput(form: SourceKindForm, draft: SourceSettingsDraft, currentSecrets: Record<string, string>): SettingsObject {
  const settings: SettingsObject = {};
  for (const group of form.groups) {
    if (group.optional && !draft.enabledGroups.includes(group.optional.path)) {
      setPath(settings, group.optional.path, null);
      continue;
    }
    for (const field of group.fields) {
      const raw = draft.values[field.path];
      if (field.type === "checkbox") {
        setPath(settings, field.path, raw === true);
        continue;
      }
      const text = typeof raw === "string" ? raw : "";
      if (field.type === "password") {
        setPath(settings, field.path, text === "" ? (currentSecrets[field.path] ?? "") : text);
        continue;
      }
      const trimmed = text.trim();
      if (trimmed === "" && field.blankIsDefault) continue;
      setPath(settings, field.path, trimmed);
    }
  }
  return settings;
}

/** The form's values for saved settings; secrets are left out (the form shows them as "unchanged"). */
export function settingsToDraft(kind: SourceKind, settings: unknown, pollIntervalSeconds: number): SourceSettingsDraft {
  const values: Record<string, string | boolean> = {};
  const enabledGroups: string[] = [];
  for (const group of sourceKindDefinition(kind).form.groups) {
    if (group.optional) {
      if (getPath(settings, group.optional.path) == null) continue;
      enabledGroups.push(group.optional.path);
    }
    for (const field of group.fields) {
      const value = getPath(settings, field.path);
      if (field.type === "password") values[field.path] = "";
      else if (field.type === "checkbox") values[field.path] = value === true;
      else if (field.type === "select") values[field.path] = typeof value === "string" && value !== "" ? value : (field.options?.[0]?.value ?? "");
      else values[field.path] = value === undefined || value === null ? "" : String(value);
    }
  }
  return { kind, pollIntervalSeconds: String(pollIntervalSeconds), values, enabledGroups };
}

/** Splits complete settings into what may be stored in clear and the secrets (non-empty only), by path. */
export function separateSecrets(kind: SourceKind, settings: SettingsObject): { publicSettings: SettingsObject; secrets: Record<string, string> } {
  const publicSettings = structuredClone(settings);
  const secrets: Record<string, string> = {};
  for (const path of sourceKindDefinition(kind).form.secretFields) {
    const value = getPath(settings, path);
    if (typeof value === "string" && value !== "") secrets[path] = value;
    deletePath(publicSettings, path);
  }
  return { publicSettings, secrets };
}

/** The inverse of separateSecrets. */
export function joinSecrets(publicSettings: SettingsObject, secrets: Record<string, string>): SettingsObject {
  const settings = structuredClone(publicSettings);
  for (const [path, value] of Object.entries(secrets)) {
    const parent = path.split(".").slice(0, -1).join(".");
    if (parent === "" || (getPath(settings, parent) !== null && typeof getPath(settings, parent) === "object")) setPath(settings, path, value);
  }
  return settings;
}
