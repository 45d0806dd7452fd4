export type ObjectType = "BSMService" | "BSMComponent";

/** State of a business service (OFFLINE) or component (FAILED), as computed by lib/bsm. */
export type ObjectState = "OPERATIONAL" | "DOWNTIME" | "OFFLINE" | "FAILED";

/** The word reported to methods: OFFLINE/FAILED first, then IMPACTED, then DOWNTIME/OPERATIONAL. */
export type StateWord = ObjectState | "IMPACTED";

export const TRIGGERS = ["offline", "failed", "impacted", "availability", "burn"] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const NOTIFICATION_TYPES = [
  "PROBLEM",
  "RECOVERY",
  "AVAILABILITY_BREACH",
  "AVAILABILITY_RECOVERY",
  "BUDGET_BURN",
  "BUDGET_RECOVERY",
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
  /** The `burn` trigger's windows; absent: DEFAULT_BURN_RATE_WINDOWS. */
  burnRateWindows?: readonly BurnRateWindow[];
}

/** Burning when at least `budgetPercent` % of the SLA period's error budget was spent in the last `windowMinutes`. */
export interface BurnRateWindow {
  windowMinutes: number;
  budgetPercent: number;
}

/** How much of the SLA period's error budget the last `windowMinutes` spent, in percent (may exceed 100). */
export interface BurnFigure {
  windowMinutes: number;
  spentPercent: number;
}

export interface ObjectStatus {
  state: ObjectState;
  impacted: boolean;
}

export interface Observation extends ObjectStatus {
  at: Date;
  /** 24-hour availability in percent. */
  availability: number;
  /** Error budget spent per window; absent or empty for an object without an SLA (it never burns). */
  burn?: readonly BurnFigure[];
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
