import type { SourceField, SourceKindDefinition } from "../source-kind";
import { opsviewDatabaseSettingsSchema, parseOpsviewDatabaseSettings, type OpsviewDatabaseSettings } from "./settings";
import { createOpsviewDatabaseSource } from "./source";
import { testOpsviewConnection } from "./test-connection";

function databaseFields(prefix: string): SourceField[] {
  return [
    { path: `${prefix}.host`, label: "Host", type: "text", placeholder: "db1.example.com" },
    { path: `${prefix}.port`, label: "Port", type: "number", blankIsDefault: true, placeholder: "3306" },
    { path: `${prefix}.runtimeDatabase`, label: "Runtime database", type: "text", blankIsDefault: true, placeholder: "runtime" },
    { path: `${prefix}.configDatabase`, label: "Config database", type: "text", blankIsDefault: true, placeholder: "opsview" },
    { path: `${prefix}.user`, label: "User", type: "text" },
    { path: `${prefix}.password`, label: "Password", type: "password" },
  ];
}

export const opsviewDatabaseSourceKind: SourceKindDefinition<OpsviewDatabaseSettings> = {
  label: "Opsview database",
  form: {
    secretFields: ["main.password", "backup.password"],
    groups: [
      { title: "Main database", fields: databaseFields("main"), testTarget: "main" },
      { title: "Backup database", optional: { path: "backup", label: "Fail over to a backup database" }, fields: databaseFields("backup"), testTarget: "backup" },
      {
        title: "Tables",
        fields: [{ path: "tablePrefix", label: "Table prefix", type: "text", blankIsDefault: true, placeholder: "nagios_" }],
      },
    ],
  },
  settingsSchema: opsviewDatabaseSettingsSchema,
  parseSettings: parseOpsviewDatabaseSettings,
  // The incremental read asks for status rows by status_update_time, which the NDO/IDO schema indexes.
  defaultPollIntervalSeconds: 1,
  create: (settings, options) => createOpsviewDatabaseSource(settings, options),
  testConnection: (settings, target) =>
    testOpsviewConnection(settings[target], { tablePrefix: typeof settings.tablePrefix === "string" ? settings.tablePrefix : undefined }),
};
