import type { z } from "zod";

export type SettingsResult<Settings> = { ok: true; settings: Settings } | { ok: false; message: string };

/**
 * Validates a source's settings against its schema. The one-line message names every bad field
 * ("Invalid <what>: main.host is required; main.port must be …") and never repeats a value, so
 * never a password.
 */
export function parseSettings<Settings>(schema: z.ZodType<Settings>, input: unknown, what: string): SettingsResult<Settings> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "settings"} ${issue.message}`);
  return { ok: false, message: `Invalid ${what}: ${problems.join("; ")}` };
}

/** For constructors: the valid settings, or an Error with the result's message. */
export function settingsOrThrow<Settings>(result: SettingsResult<Settings>): Settings {
  if (!result.ok) throw new Error(result.message);
  return result.settings;
}
