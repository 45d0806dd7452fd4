export { createOpsviewDatabaseSource, type OpsviewDatabaseSourceOptions } from "./source";
export { testOpsviewConnection, type ConnectionTestOptions } from "./test-connection";
export {
  opsviewConnectionSchema,
  opsviewDatabaseSettingsSchema,
  parseOpsviewConnectionSettings,
  parseOpsviewDatabaseSettings,
  type OpsviewConnectionSettings,
  type OpsviewConnectionSettingsInput,
  type OpsviewDatabaseSettings,
  type OpsviewDatabaseSettingsInput,
} from "./settings";
export { buildOpsviewQueries, opsviewTables, type OpsviewSchemaNames } from "./queries";
export { hostTemplateSourceSchema, type HostTemplateSource } from "./template-source";
export { opsviewDatabaseSourceKind } from "./kind";
