/**
 * Configuration as one document (issue 17): components and business services by name, the order
 * of each list being the stored position. schema.ts (the versioned document, problems with their
 * path) and plan.ts (create / update / unchanged / delete / kept per object, and every unresolved
 * name) are pure. read-configuration.ts reads what the caller may change, with the editors' rules
 * (components with CONFIGUREBSMCOMPONENTS and every host visible, services the caller may edit);
 * export writes exactly that, import plans against it and applies the plan in one transaction with
 * the editors' audit actions plus a config.import summary, or refuses it whole on any problem.
 * The routes are /api/config/export and /api/config/import; the CLIs scripts/config-*.ts.
 */
export { CONFIG_DOCUMENT_VERSION, configDocumentSchema, parseConfigDocument, documentPath, type ConfigDocument, type DocumentProblem } from "./schema";
export { planImport, planChanges, countActions, type ImportPlan, type PlannedAction, type PlannedChange, type PlanningState } from "./plan";
export { formatOfContentType, formatOfFileName, readDocumentText, writeDocumentText, type DocumentFormat } from "./text";
export { exportConfigDocument } from "./export-config-document";
export { importConfigDocument, problemsError, type DocumentContext, type ImportOptions, type ImportResult } from "./import-config-document";
export { systemDocumentContext, CONFIG_IMPORT_SYSTEM_ACTOR } from "./system-context";
export { mayUseConfigDocument, requireDocumentAccess } from "./read-configuration";
export { describePlan, describeProblems } from "./plan-text";
