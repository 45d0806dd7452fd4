export * from "./types";
export { changeExportState, isCreationAllowed, exportStateChangeNeedsAdministrator, isHostTypeSupported, type ExportStateChange } from "./export-settings";
export { elementTypeOf, isElementAllowed, isPending, statusOfPresentHost, type HostElementState } from "./host-state";
export { reflectPoll, type PollInput } from "./reflect-poll";
export { reflectAll, reflectHost } from "./reflect-host";
export { markActionFailed } from "./mark-action-failed";
export { refreshPending, setHostExportEnabled } from "./host-export";
