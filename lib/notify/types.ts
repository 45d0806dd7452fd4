export type ObjectType = "BSMService" | "BSMComponent";

/** State of a business service (OFFLINE) or component (FAILED), as computed by lib/bsm. */
export type ObjectState = "OPERATIONAL" | "DOWNTIME" | "OFFLINE" | "FAILED";

/** The word reported to methods: OFFLINE/FAILED first, then IMPACTED, then DOWNTIME/OPERATIONAL. */
export type StateWord = ObjectState | "IMPACTED";

export const TRIGGERS = ["offline", "failed", "impacted", "availability"] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const NOTIFICATION_TYPES = [
  "PROBLEM",
  "RECOVERY",
  "AVAILABILITY_BREACH",
  "AVAILABILITY_RECOVERY",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const SKIP_REASONS = [
  "belowAlertFrom",
  "stopAlertAfterReached",
  "outsideTimePeriod",
  /** Due while nothing evaluated (server down); the number still counted. */
  "missed",
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const WEEKDAYS = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekly ranges such as `"09:00-17:00"` (end exclusive, `24:00` allowed) in an IANA time zone. */
export interface WeeklyTimePeriod {
  timeZone: string;
  ranges: Partial<Record<Weekday, readonly string[]>>;
}

export type TimePeriod = "24x7" | "workhours" | "none" | WeeklyTimePeriod;

/** The part of a notification profile the decision logic needs. */
export interface NotificationRules {
  triggers: readonly Trigger[];
  availabilityThreshold: number;
  sendRecovery: boolean;
  /** 0 = never re-notify. */
  renotifyMinutes: number;
  /** ≥ 1. */
  alertFrom: number;
  /** 0 = no limit. */
  stopAlertAfter: number;
  timePeriod: TimePeriod;
}

export interface ObjectStatus {
  state: ObjectState;
  impacted: boolean;
}

export interface Observation extends ObjectStatus {
  at: Date;
  /** 24-hour availability in percent. */
  availability: number;
}

interface NotificationBase {
  /** The evaluated whole minute, ISO 8601 UTC. */
  at: string;
  type: NotificationType;
  state: StateWord;
  number: number;
  availability: number;
}

export type NotificationDecision =
  | (NotificationBase & { send: true })
  | (NotificationBase & { send: false; skipReason: SkipReason });
