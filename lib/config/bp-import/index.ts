/**
 * Import from Icinga Business Process files (issue 17, point 4): the module's process file
 * (parse-process-file.ts, its grammar) mapped to a configuration document (map-business-process.ts:
 * `N of:` over hosts → component, `&` over components → business service, the rest listed with
 * the reason) and planned or applied with the document's rules (lib/config/document).
 */
export { parseProcessFile, childText, operatorText, type ParsedProcessFile, type ProcessNode, type ProcessChild, type ProcessOperator, type ProcessExtra } from "./parse-process-file";
export { mapBusinessProcess, hostTemplateOf, objectName, type KnownHosts, type MappedBusinessProcess, type NotImported } from "./map-business-process";
export { importFromBusinessProcess, type BusinessProcessImportResult } from "./import-from-business-process";
