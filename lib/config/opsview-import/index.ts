/**
 * Import from Opsview (issue 17, point 3): Opsview's BSM components and services, read from its
 * REST configuration API or from a file of the same shape, mapped to a configuration document
 * (lib/config/document) and planned or applied with the document's rules.
 */
export { mapOpsviewConfiguration, requiredOnlineOfQuorum, type MappedOpsviewConfiguration, type OpsviewBsmLists } from "./map-opsview-configuration";
export {
  parseOpsviewImportInput,
  readOpsviewFile,
  readOpsviewServer,
  opsviewImportInputSchema,
  opsviewImportInputOfForm,
  type OpsviewImportForm,
  DEFAULT_OPSVIEW_IMPORT_TIMEOUT_MS,
  type OpsviewImportInput,
  type ReadOpsviewServerOptions,
} from "./read-opsview-configuration";
export { describeImportResult, importFromOpsview, type OpsviewImportOptions } from "./import-from-opsview";
