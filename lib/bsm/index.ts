export * from "./types";
export { SEVERITY_ORDER, ZONE_ORDER, severityOf, worstOf } from "./severity";
export {
  checkContribution,
  compareForSummary,
  computeBusinessServiceStatus,
  computeComponentHostStatus,
  computeComponentStatus,
  effectiveRequiredOnline,
  operationalZonePercent,
  orderByZone,
  orderForComponentView,
  roundPercent,
  zoneFigures,
  type ServiceCounts,
  type ZoneFigures,
} from "./rules";
export { BsmConfigError } from "./estate-index";
export { createBsmEngine, type BsmEngine, type BsmEvaluation } from "./engine";
export {
  DAY_MS,
  checksSeenBy,
  computeAvailability,
  computeAvailabilityOfHistoryByCheck,
  type HistoryByCheck,
  type AvailabilityFigures,
  type AvailabilityOptions,
  type AvailabilityReport,
  type BusinessServiceAvailability,
  type ComponentAvailability,
  type ComponentHostAvailability,
  type StateSegment,
} from "./availability";
