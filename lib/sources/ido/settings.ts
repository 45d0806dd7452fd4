import { z } from "zod";
import { opsviewConnectionSchema, TABLE_PREFIX, type OpsviewDatabaseSettings } from "../opsview-db/settings";
import { hostTemplateSourceSchema, type HostTemplateSource } from "../opsview-db/template-source";
import { parseSettings, type SettingsResult } from "../parse-settings";

export const DEFAULT_HOST_GROUP_PATTERN = "^(.+)$";
export const DEFAULT_TEMPLATE_VARIABLE = "bsm_host_templates";

export const icingaIdoConnectionSchema = opsviewConnectionSchema
  .omit({ runtimeDatabase: true, configDatabase: true })
  .extend({
    database: z
      .string({ error: "must be a database name" })
      .trim()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "must be a database name made of letters, digits and underscores")
      .default("icinga"),
  });

/**
 * Icinga 2's IDO database: the Opsview database source's queries with the `icinga_` prefix. The IDO
 * stores no host templates, so a host group pattern or a host custom variable stands in for them
 * (flat fields, so a settings form can offer both and a choice between them).
 */
export const icingaIdoSettingsSchema = z
  .object(
    {
      main: icingaIdoConnectionSchema,
      backup: icingaIdoConnectionSchema.nullish().transform((backup) => backup ?? null),
      tablePrefix: z
        .string({ error: "must be text" })
        .trim()
        .regex(TABLE_PREFIX, "must be letters, digits and underscores only (such as icinga_)")
        .default("icinga_"),
      hostTemplateSource: z.enum(["host-group", "custom-variable"], { error: 'must be "host-group" or "custom-variable"' }).default("host-group"),
      /** A regular expression; each host group it matches is a template, named by its first capture group. */
      hostGroupPattern: z.string({ error: "must be text" }).default(DEFAULT_HOST_GROUP_PATTERN),
      /** A host custom variable holding a template name, a comma-separated list or an array. */
      customVariable: z.string({ error: "must be text" }).trim().default(DEFAULT_TEMPLATE_VARIABLE),
    },
    { error: "must be an object with main and optional backup connection settings" },
  )
  .superRefine((settings, context) => {
    const chosen = templateSourceOf(settings);
    const result = hostTemplateSourceSchema.safeParse(chosen);
    if (result.success) return;
    for (const issue of result.error.issues) {
      context.addIssue({ code: "custom", path: [settings.hostTemplateSource === "host-group" ? "hostGroupPattern" : "customVariable"], message: issue.message });
    }
  });

export type IcingaIdoConnectionSettings = z.output<typeof icingaIdoConnectionSchema>;
export type IcingaIdoSettingsInput = z.input<typeof icingaIdoSettingsSchema>;
export type IcingaIdoSettings = z.output<typeof icingaIdoSettingsSchema>;

function templateSourceOf(settings: Pick<IcingaIdoSettings, "hostTemplateSource" | "hostGroupPattern" | "customVariable">): HostTemplateSource {
  return settings.hostTemplateSource === "host-group"
    ? { from: "host-group", pattern: settings.hostGroupPattern }
    : { from: "custom-variable", name: settings.customVariable };
}

export function parseIcingaIdoSettings(input: unknown): SettingsResult<IcingaIdoSettings> {
  return parseSettings(icingaIdoSettingsSchema, input, "Icinga IDO settings");
}

export function parseIcingaIdoConnectionSettings(input: unknown): SettingsResult<IcingaIdoConnectionSettings> {
  return parseSettings(icingaIdoConnectionSchema, input, "Icinga IDO database connection");
}

function asOpsviewConnection(connection: IcingaIdoConnectionSettings) {
  const { database, ...rest } = connection;
  return { ...rest, runtimeDatabase: database, configDatabase: database };
}

/** The same settings in the shape the shared NDO database source reads. */
export function toNdoDatabaseSettings(settings: IcingaIdoSettings): OpsviewDatabaseSettings {
  return {
    main: asOpsviewConnection(settings.main),
    backup: settings.backup ? asOpsviewConnection(settings.backup) : null,
    tablePrefix: settings.tablePrefix,
    hostTemplates: templateSourceOf(settings),
  };
}

export { asOpsviewConnection as toNdoConnectionSettings };
