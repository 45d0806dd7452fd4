import { z } from "zod";

// The logger's settings live apart from lib/env.ts (which validates them with the rest) so the
// logger imports nothing of the app: any module may log without an import cycle.

/** BSM_LOG_LEVEL's values (pino's levels); "silent" logs nothing. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** BSM_LOG_FORMAT's values; unset, lib/log picks one (JSON in production when stdout is not a terminal). */
export const LOG_FORMATS = ["json", "pretty"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const logLevelSchema = z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info");
export const logFormatSchema = z.enum(LOG_FORMATS, `must be one of ${LOG_FORMATS.join(", ")}`).optional();

export interface LogSettings {
  level: LogLevel;
  /** Undefined: chosen by where the output goes (lib/log). */
  format: LogFormat | undefined;
  production: boolean;
}

/**
 * The logger's settings alone, read leniently: the logger must work to report a bad environment,
 * so a bad value falls back to its default here and parseEnv names it as a start-up error.
 */
export function logSettings(source: Record<string, string | undefined> = process.env): LogSettings {
  const level = logLevelSchema.safeParse(source.BSM_LOG_LEVEL || undefined);
  const format = logFormatSchema.safeParse(source.BSM_LOG_FORMAT || undefined);
  return {
    level: level.success ? level.data : "info",
    format: format.success ? format.data : undefined,
    production: source.NODE_ENV === "production",
  };
}
