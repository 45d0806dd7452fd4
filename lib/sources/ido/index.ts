export { createIcingaIdoSource, testIcingaIdoConnection, ICINGA_IDO_KIND } from "./source";
export {
  icingaIdoConnectionSchema,
  icingaIdoSettingsSchema,
  parseIcingaIdoConnectionSettings,
  parseIcingaIdoSettings,
  DEFAULT_HOST_GROUP_PATTERN,
  DEFAULT_TEMPLATE_VARIABLE,
  type IcingaIdoConnectionSettings,
  type IcingaIdoSettings,
  type IcingaIdoSettingsInput,
} from "./settings";
export { icingaIdoSourceKind } from "./kind";
