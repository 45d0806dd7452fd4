export {
  apportionHosts,
  generateSimulatedEstate,
  simulatedBsmConfiguration,
  type SimulatedBsmConfiguration,
  type SimulatedBusinessService,
  type SimulatedComponent,
  type SimulatedEstate,
  type SimulatedEstateOptions,
} from "./estate";
export {
  SIMULATED_SOURCE_KIND,
  SIMULATED_SOURCE_LABEL,
  createSimulatedSource,
  type SimulatedSource,
  type SimulatedSourceOptions,
} from "./source";
export {
  DEFAULT_BUSINESS_SERVICES,
  DEFAULT_HOSTS,
  DEFAULT_SEED,
  INCIDENTS_PER_HOST_HOUR,
  eventsPerHourOf,
  parseSimulatedSourceSettings,
  simulatedSourceSettings,
  type SimulatedSourceSettings,
  type SimulatedSourceSettingsInput,
} from "./settings";
export { simulatedSourceKind } from "./kind";
