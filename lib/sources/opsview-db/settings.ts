import { z } from "zod";
import { parseSettings, type SettingsResult } from "../parse-settings";
import { hostTemplateSourceSchema, OPSVIEW_CONFIG_TEMPLATES } from "./template-source";

/**
 * Database and table-prefix names end up inside SQL text (they cannot be placeholders), so they
 * are restricted to letters, digits and underscores.
 */
export const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const TABLE_PREFIX = /^[A-Za-z0-9_]{0,32}$/;

const databaseName = (fallback: string) =>
  z
    .string({ error: "must be a database name" })
    .trim()
    .regex(SQL_IDENTIFIER, "must be a database name made of letters, digits and underscores")
    .default(fallback);

export const opsviewConnectionSchema = z.object(
  {
    host: z
      .string({ error: "is required" })
      .trim()
      .min(1, "is required")
      .max(255, "is too long")
      .regex(/^[^\s/?#@]+$/, "must be a host name or IP address"),
    port: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .default(3306),
    user: z.string({ error: "is required" }).trim().min(1, "is required").max(80, "is too long"),
    password: z.string({ error: "must be text" }).default(""),
    runtimeDatabase: databaseName("runtime"),
    configDatabase: databaseName("opsview"),
  },
  { error: "must be connection settings (host, port, user, password)" },
);

export const opsviewDatabaseSettingsSchema = z.object(
  {
    main: opsviewConnectionSchema,
    backup: opsviewConnectionSchema.nullish().transform((backup) => backup ?? null),
    tablePrefix: z
      .string({ error: "must be text" })
      .trim()
      .regex(TABLE_PREFIX, "must be letters, digits and underscores only (such as nagios_)")
      .default("nagios_"),
    /** Opsview's configuration tables by default; for Icinga's IDO a host group pattern or a custom variable. */
    hostTemplates: hostTemplateSourceSchema.default(OPSVIEW_CONFIG_TEMPLATES),
  },
  { error: "must be an object with main and optional backup connection settings" },
);

export type OpsviewConnectionSettingsInput = z.input<typeof opsviewConnectionSchema>;
export type OpsviewConnectionSettings = z.output<typeof opsviewConnectionSchema>;
export type OpsviewDatabaseSettingsInput = z.input<typeof opsviewDatabaseSettingsSchema>;
export type OpsviewDatabaseSettings = z.output<typeof opsviewDatabaseSettingsSchema>;

export function parseOpsviewDatabaseSettings(input: unknown): SettingsResult<OpsviewDatabaseSettings> {
  return parseSettings(opsviewDatabaseSettingsSchema, input, "Opsview database settings");
}

export function parseOpsviewConnectionSettings(input: unknown): SettingsResult<OpsviewConnectionSettings> {
  return parseSettings(opsviewConnectionSchema, input, "Opsview database connection");
}

/** "127.0.0.1:3306": how a connection is named in events and messages (no user, no password). */
export function connectionAddress(connection: Pick<OpsviewConnectionSettings, "host" | "port">): string {
  return connection.host.includes(":") ? `[${connection.host}]:${connection.port}` : `${connection.host}:${connection.port}`;
}
