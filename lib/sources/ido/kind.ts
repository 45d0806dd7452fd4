import type { SourceField, SourceKindDefinition } from "../source-kind";
import { icingaIdoSettingsSchema, parseIcingaIdoSettings, type IcingaIdoSettings } from "./settings";
import { createIcingaIdoSource, testIcingaIdoConnection } from "./source";

function idoDatabaseFields(prefix: string): SourceField[] {
  return [
    { path: `${prefix}.host`, label: "Host", type: "text", placeholder: "icinga-db.example.com" },
    { path: `${prefix}.port`, label: "Port", type: "number", blankIsDefault: true, placeholder: "3306" },
    { path: `${prefix}.database`, label: "IDO database", type: "text", blankIsDefault: true, placeholder: "icinga" },
    { path: `${prefix}.user`, label: "User", type: "text" },
    { path: `${prefix}.password`, label: "Password", type: "password" },
  ];
}

export const icingaIdoSourceKind: SourceKindDefinition<IcingaIdoSettings> = {
  label: "Icinga IDO database",
  form: {
    secretFields: ["main.password", "backup.password"],
    groups: [
      { title: "Main database", fields: idoDatabaseFields("main"), testTarget: "main" },
      { title: "Backup database", optional: { path: "backup", label: "Fail over to a backup database" }, fields: idoDatabaseFields("backup"), testTarget: "backup" },
      {
        title: "Host templates and tables",
        fields: [
          {
            path: "hostTemplateSource",
            label: "Host templates from",
            type: "select",
            options: [
              { value: "host-group", label: "Host groups matching a pattern" },
              { value: "custom-variable", label: "A host custom variable" },
            ],
            help: "The IDO stores no host templates; host groups or a custom variable stand in for them.",
          },
          {
            path: "hostGroupPattern",
            label: "Host group pattern",
            type: "text",
            blankIsDefault: true,
            placeholder: "^(.+)$",
            help: "A regular expression; a matching host group is a template, named by the first capture group.",
            shownWhen: { path: "hostTemplateSource", equals: "host-group" },
          },
          {
            path: "customVariable",
            label: "Custom variable",
            type: "text",
            blankIsDefault: true,
            placeholder: "bsm_host_templates",
            shownWhen: { path: "hostTemplateSource", equals: "custom-variable" },
          },
          { path: "tablePrefix", label: "Table prefix", type: "text", blankIsDefault: true, placeholder: "icinga_" },
        ],
      },
    ],
  },
  settingsSchema: icingaIdoSettingsSchema,
  parseSettings: parseIcingaIdoSettings,
  // The incremental read asks for status rows by status_update_time, which the NDO/IDO schema indexes.
  defaultPollIntervalSeconds: 1,
  create: (settings, options) => createIcingaIdoSource(settings, options),
  testConnection: (settings, target) =>
    testIcingaIdoConnection(settings[target], { tablePrefix: typeof settings.tablePrefix === "string" ? settings.tablePrefix : undefined }),
};
