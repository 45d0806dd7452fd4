export {
  createOpsviewRestSource,
  testOpsviewRestConnection,
  DEFAULT_OPSVIEW_REST_TIMEOUT_MS,
  OPSVIEW_REST_KIND,
  type OpsviewRestSource,
  type OpsviewRestSourceOptions,
} from "./source";
export {
  opsviewRestSettingsSchema,
  parseOpsviewRestSettings,
  type OpsviewRestSettings,
  type OpsviewRestSettingsInput,
} from "./settings";
export { opsviewRestSourceKind } from "./kind";
