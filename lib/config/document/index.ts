// Configuration as one document (issue 17): schema.ts and plan.ts are pure; read-configuration.ts,
// export-config-document.ts and import-config-document.ts read and write the database.
export { CONFIG_DOCUMENT_VERSION, configDocumentSchema, parseConfigDocument, documentPath, type ConfigDocument, type DocumentProblem } from "./schema";
export { planImport, planChanges, countActions, type ImportPlan, type PlannedAction, type PlannedChange, type PlanningState } from "./plan";
export { formatOfContentType, formatOfFileName, readDocumentText, writeDocumentText, type DocumentFormat } from "./text";
export { exportConfigDocument } from "./export-config-document";
export { importConfigDocument, problemsError, type DocumentContext, type ImportOptions, type ImportResult } from "./import-config-document";
export { systemDocumentContext, CONFIG_IMPORT_SYSTEM_ACTOR } from "./system-context";
export { describePlan, describeProblems } from "./plan-text";
