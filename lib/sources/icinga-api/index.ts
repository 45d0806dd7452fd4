export {
  createIcingaApiSource,
  testIcingaApiConnection,
  ICINGA_API_KIND,
  DEFAULT_ICINGA_API_TIMEOUT_MS,
  type IcingaApiSourceOptions,
} from "./source";
export { icingaApiSettingsSchema, parseIcingaApiSettings, type IcingaApiSettings, type IcingaApiSettingsInput } from "./settings";
export { icingaApiSourceKind } from "./kind";
