export { getSourceActionCapabilities, listSourceActions, requestSourceAction, toSourceActionView } from "./request";
export { parseSourceActionInput, MAX_COMMENT, MAX_TARGETS } from "./input";
export { readOnlyReason, sourceAcceptsCommands, sourceKindInForce } from "./source-kinds";
export type { SourceActionCapabilities, SourceActionKind, SourceActionStatus, SourceActionTarget, SourceActionView } from "./types";
export { SOURCE_ACTION_KINDS } from "./types";
