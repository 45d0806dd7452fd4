import type { z } from "zod";
import type { ConnectionTestResult } from "./connection-test";
import type { SettingsResult } from "./parse-settings";
import type { MonitoringSource, SourceEvent } from "./types";

export type SourceFieldType = "text" | "number" | "password" | "checkbox" | "select";

export interface SourceField {
  /** Dotted path into the source's settings, e.g. "main.host"; also the key of its field error. */
  path: string;
  label: string;
  type: SourceFieldType;
  /** A blank value means "use the default" (the source's schema fills it in). */
  blankIsDefault?: boolean;
  placeholder?: string;
  help?: string;
  /** The choices of a "select" field. */
  options?: readonly { value: string; label: string }[];
  /** Shown only while another field has this value (the others keep their values but do not apply). */
  shownWhen?: { path: string; equals: string };
}

export const CONNECTION_TARGETS = ["main", "backup", "endpoint"] as const;
export type ConnectionTarget = (typeof CONNECTION_TARGETS)[number];

export interface SourceFieldGroup {
  title: string;
  /** Settings path of an object the user may switch off (sent as null), such as the backup database. */
  optional?: { path: string; label: string };
  fields: readonly SourceField[];
  /** Which connection "Test connection" checks for this group, if it has the button. */
  testTarget?: ConnectionTarget;
}

/** What the Database settings form shows for a kind: plain data, so it can travel to the browser. */
export interface SourceKindForm {
  groups: readonly SourceFieldGroup[];
  /** Settings paths of secrets: encrypted at rest and never sent to the browser. */
  secretFields: readonly string[];
}

export interface SourceOptions {
  now: () => number;
  onEvent?: (event: SourceEvent) => void;
}

/** Everything the app knows about one kind of monitoring source; `registry.ts` lists them all. */
export interface SourceKindDefinition<Settings extends Record<string, unknown> = Record<string, unknown>> {
  label: string;
  form: SourceKindForm;
  /** Validates both BSM_SOURCE_SETTINGS and what the form saves, so the two always agree. */
  settingsSchema: z.ZodType<Settings>;
  parseSettings(input: unknown): SettingsResult<Settings>;
  create(settings: Settings, options: SourceOptions): MonitoringSource;
  /** Seconds between polls when nothing sets them (saved settings or BSM_POLL_INTERVAL_SECONDS); default 10. */
  defaultPollIntervalSeconds?: number;
  /** "Test connection" of one form group's target, with the settings as typed (not yet validated). Never throws. */
  testConnection?(settings: Record<string, unknown>, target: ConnectionTarget): Promise<ConnectionTestResult>;
}
