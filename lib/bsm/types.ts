export const CHECK_STATES = ["OK", "WARNING", "CRITICAL", "UNKNOWN"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** The states of a component host and of a component. */
export const HOST_STATES = ["OPERATIONAL", "FAILED", "DOWNTIME"] as const;
export type HostState = (typeof HOST_STATES)[number];
export type ComponentState = HostState;
export const SERVICE_STATES = ["OPERATIONAL", "OFFLINE", "DOWNTIME"] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];
export type BsmState = HostState | ServiceState;

/** Times are epoch milliseconds throughout the engine. */
export type EpochMs = number;

export interface ComponentConfig {
  readonly id: string;
  readonly name: string;
  readonly hostTemplate: string;
  /** Configured order; it is the stable order inside each zone group. */
  readonly hosts: readonly string[];
  /** R: how many hosts must be OPERATIONAL, 0..hosts.length. */
  readonly requiredOnline: number;
  readonly createdAt?: EpochMs;
}

export interface BusinessServiceConfig {
  readonly id: string;
  readonly name: string;
  readonly components: readonly string[];
  readonly createdAt?: EpochMs;
}

export interface BsmConfig {
  readonly components: readonly ComponentConfig[];
  readonly businessServices: readonly BusinessServiceConfig[];
}

export interface CheckKey {
  readonly host: string;
  readonly name: string;
}

export interface ServiceCheckStatus extends CheckKey {
  /** Host templates that contribute this check to the host. */
  readonly hostTemplates: readonly string[];
  readonly state: CheckState;
  readonly acknowledged: boolean;
  readonly inDowntime: boolean;
}

/** The part of a status that transitions compare. Hosts are never impacted. */
export interface StatusFlags<S extends BsmState> {
  readonly state: S;
  readonly acknowledged: boolean;
  readonly impacted: boolean;
}

export interface ComponentHostStatus extends StatusFlags<HostState> {
  readonly componentId: string;
  readonly host: string;
}

export interface ComponentStatus extends StatusFlags<ComponentState> {
  readonly id: string;
  readonly name: string;
  readonly hostsTotal: number;
  readonly hostsOperational: number;
  readonly hostsFailed: number;
  readonly hostsDowntime: number;
  readonly hostsAcknowledged: number;
  readonly requiredOnline: number;
  readonly allowedToFail: number;
  readonly operationalZonePercent: number;
}

export interface BusinessServiceStatus extends StatusFlags<ServiceState> {
  readonly id: string;
  readonly name: string;
  readonly componentsTotal: number;
  readonly componentsFailed: number;
  readonly componentsImpacted: number;
  readonly componentsDowntime: number;
  readonly componentsAcknowledged: number;
}

export type BsmTransition =
  | {
      readonly objectType: "componentHost";
      readonly componentId: string;
      readonly host: string;
      readonly before: StatusFlags<HostState>;
      readonly after: StatusFlags<HostState>;
    }
  | {
      readonly objectType: "component";
      readonly id: string;
      readonly before: StatusFlags<ComponentState>;
      readonly after: StatusFlags<ComponentState>;
    }
  | {
      readonly objectType: "businessService";
      readonly id: string;
      readonly before: StatusFlags<ServiceState>;
      readonly after: StatusFlags<ServiceState>;
    };

/** One recorded status change of a check; it holds until the check's next entry. */
export interface CheckHistoryEntry extends CheckKey {
  readonly at: EpochMs;
  readonly state: CheckState;
  readonly acknowledged: boolean;
  readonly inDowntime: boolean;
}
