// Rules: docs/notification-rules.md §2–§8 (when to notify, and with which number).
import { burnRateWindowsOf, isBurning } from "./burn-rate";
import { isInsideTimePeriod } from "./time-period";
import type {
  BurnFigure,
  NotificationDecision,
  NotificationRules,
  NotificationType,
  ObjectStatus,
  Observation,
  SkipReason,
  StateWord,
} from "./types";

export const NOTIFICATION_STATE_VERSION = 1;
const MINUTE_MS = 60_000;

/** One outstanding problem: a qualifying status, an availability breach, or an error budget burning. */
export interface ProblemState {
  startedAt: string;
  number: number;
  /** When the current number was reached (the start or the latest re-notification check). */
  numberedAt: string;
  sentCount: number;
  lastSentAt: string | null;
}

/** Everything needed to continue after a restart; plain JSON. */
export interface NotificationState {
  version: typeof NOTIFICATION_STATE_VERSION;
  /** The latest whole minute evaluated, null before the first step. */
  evaluatedAt: string | null;
  status: ObjectStatus;
  availability: number;
  statusProblem: ProblemState | null;
  /** A problem notification was sent and no RECOVERY since. */
  recoveryOwed: boolean;
  /** An AVAILABILITY_RECOVERY is owed when this problem has sentCount > 0. */
  availabilityProblem: ProblemState | null;
  /** The latest error budget figures, held over minutes nothing observed (a restart). */
  burn: BurnFigure[];
  /** A BUDGET_RECOVERY is owed when this problem has sentCount > 0. */
  burnProblem: ProblemState | null;
}

export interface StepResult {
  state: NotificationState;
  notifications: NotificationDecision[];
}

/** A new object: OPERATIONAL, not impacted, 100% available, nothing outstanding. */
export function createNotificationState(): NotificationState {
  return {
    version: NOTIFICATION_STATE_VERSION,
    evaluatedAt: null,
    status: { state: "OPERATIONAL", impacted: false },
    availability: 100,
    statusProblem: null,
    recoveryOwed: false,
    availabilityProblem: null,
    burn: [],
    burnProblem: null,
  };
}

export function floorToMinute(at: Date): number {
  return Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
}

export function formatMinute(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function describeStateWord(status: ObjectStatus): StateWord {
  if (status.state === "OFFLINE" || status.state === "FAILED") return status.state;
  return status.impacted ? "IMPACTED" : status.state;
}

/** A status qualifies when one of the profile's state triggers holds for it. */
export function qualifiesForProblem(status: ObjectStatus, rules: NotificationRules): boolean {
  const triggers = rules.triggers;
  return (
    (triggers.includes("offline") && status.state === "OFFLINE") ||
    (triggers.includes("failed") && status.state === "FAILED") ||
    (triggers.includes("impacted") && status.impacted)
  );
}

function hasStatusChanged(before: ObjectStatus, after: ObjectStatus): boolean {
  return before.state !== after.state || before.impacted !== after.impacted;
}

type EvaluationMode = "live" | "catchUp";

interface MinuteContext {
  minute: number;
  observation: Omit<Observation, "at">;
  rules: NotificationRules;
  mode: EvaluationMode;
  notifications: NotificationDecision[];
}

function startProblem(minute: number): ProblemState {
  const at = formatMinute(minute);
  return { startedAt: at, number: 1, numberedAt: at, sentCount: 0, lastSentAt: null };
}

function findProblemSkipReason(problem: ProblemState, context: MinuteContext): SkipReason | null {
  const { rules } = context;
  if (problem.number < rules.alertFrom) return "belowAlertFrom";
  if (rules.stopAlertAfter > 0 && problem.sentCount >= rules.stopAlertAfter) {
    return "stopAlertAfterReached";
  }
  if (!isInsideTimePeriod(rules.timePeriod, new Date(context.minute))) return "outsideTimePeriod";
  if (context.mode === "catchUp") return "missed";
  return null;
}

function record(
  context: MinuteContext,
  type: NotificationType,
  number: number,
  skipReason: SkipReason | null,
): void {
  const base = {
    at: formatMinute(context.minute),
    type,
    state: describeStateWord(context.observation),
    number,
    availability: context.observation.availability,
  };
  context.notifications.push(
    skipReason === null ? { ...base, send: true } : { ...base, send: false, skipReason },
  );
}

/** Decides a due problem notification; returns whether it was sent. */
function decideProblemNotification(
  problem: ProblemState,
  type: "PROBLEM" | "AVAILABILITY_BREACH" | "BUDGET_BURN",
  context: MinuteContext,
): boolean {
  const skipReason = findProblemSkipReason(problem, context);
  record(context, type, problem.number, skipReason);
  if (skipReason !== null) return false;
  problem.sentCount += 1;
  problem.lastSentAt = formatMinute(context.minute);
  return true;
}

function decideRecovery(type: "RECOVERY" | "AVAILABILITY_RECOVERY" | "BUDGET_RECOVERY", context: MinuteContext): void {
  if (!context.rules.sendRecovery) return;
  let skipReason: SkipReason | null = null;
  if (!isInsideTimePeriod(context.rules.timePeriod, new Date(context.minute))) {
    skipReason = "outsideTimePeriod";
  } else if (context.mode === "catchUp") {
    skipReason = "missed";
  }
  record(context, type, 1, skipReason);
}

function isRenotificationDue(problem: ProblemState, context: MinuteContext): boolean {
  const interval = context.rules.renotifyMinutes;
  return interval > 0 && context.minute >= Date.parse(problem.numberedAt) + interval * MINUTE_MS;
}

function advanceProblemNumber(problem: ProblemState, context: MinuteContext): void {
  problem.number += 1;
  problem.numberedAt = formatMinute(context.minute);
}

function evaluateStatus(state: NotificationState, context: MinuteContext): void {
  const { observation, rules } = context;
  const qualifies = qualifiesForProblem(observation, rules);

  if (hasStatusChanged(state.status, observation)) {
    state.status = { state: observation.state, impacted: observation.impacted };
    if (qualifies) {
      state.statusProblem = startProblem(context.minute);
      state.availabilityProblem = null;
      if (decideProblemNotification(state.statusProblem, "PROBLEM", context)) {
        state.recoveryOwed = true;
      }
      return;
    }
    state.statusProblem = null;
    if (observation.state === "OPERATIONAL" && state.recoveryOwed) {
      state.recoveryOwed = false;
      decideRecovery("RECOVERY", context);
    }
    return;
  }

  const problem = state.statusProblem;
  if (problem === null) return;
  // Only reachable when the profile's triggers were edited while the problem was outstanding.
  if (!qualifies) {
    state.statusProblem = null;
    return;
  }
  if (isRenotificationDue(problem, context)) {
    advanceProblemNumber(problem, context);
    if (decideProblemNotification(problem, "PROBLEM", context)) state.recoveryOwed = true;
  }
}

/**
 * A problem that holds while a condition does (availability breached, budget burning): it starts when
 * the condition starts, re-notifies, and ends with its recovery (owed when one was sent) when it stops.
 * Returns the problem outstanding after this minute.
 */
function evaluateConditionProblem(
  problem: ProblemState | null,
  holds: boolean,
  types: { problem: "AVAILABILITY_BREACH" | "BUDGET_BURN"; recovery: "AVAILABILITY_RECOVERY" | "BUDGET_RECOVERY" },
  context: MinuteContext,
): ProblemState | null {
  if (problem === null) {
    if (!holds) return null;
    const started = startProblem(context.minute);
    decideProblemNotification(started, types.problem, context);
    return started;
  }
  if (!holds) {
    if (problem.sentCount > 0) decideRecovery(types.recovery, context);
    return null;
  }
  if (isRenotificationDue(problem, context)) {
    advanceProblemNumber(problem, context);
    decideProblemNotification(problem, types.problem, context);
  }
  return problem;
}

function evaluateAvailability(state: NotificationState, context: MinuteContext): void {
  const { observation, rules } = context;
  state.availability = observation.availability;
  if (state.statusProblem !== null || !rules.triggers.includes("availability")) {
    state.availabilityProblem = null;
    return;
  }
  const breached = observation.availability < rules.availabilityThreshold;
  state.availabilityProblem = evaluateConditionProblem(
    state.availabilityProblem,
    breached,
    { problem: "AVAILABILITY_BREACH", recovery: "AVAILABILITY_RECOVERY" },
    context,
  );
}

/** Independent of status problems: a budget keeps burning after the outage that spent it is over. */
function evaluateBurn(state: NotificationState, context: MinuteContext): void {
  const { observation, rules } = context;
  state.burn = [...(observation.burn ?? [])];
  if (!rules.triggers.includes("burn")) {
    state.burnProblem = null;
    return;
  }
  const burning = isBurning(observation.burn, burnRateWindowsOf(rules));
  state.burnProblem = evaluateConditionProblem(state.burnProblem, burning, { problem: "BUDGET_BURN", recovery: "BUDGET_RECOVERY" }, context);
}

function evaluateMinute(state: NotificationState, context: MinuteContext): void {
  evaluateStatus(state, context);
  evaluateAvailability(state, context);
  evaluateBurn(state, context);
  state.evaluatedAt = formatMinute(context.minute);
}

/**
 * Evaluates the minute `observation.at` falls in. Minutes missed since the last step (a restart)
 * replay the last known status, so numbers keep counting and their notifications are skipped as
 * "missed"; a repeat within an evaluated minute applies only the change; older ones are ignored.
 */
export function stepNotificationState(
  previous: NotificationState,
  observation: Observation,
  rules: NotificationRules,
): StepResult {
  const minute = floorToMinute(observation.at);
  const lastMinute = previous.evaluatedAt === null ? null : Date.parse(previous.evaluatedAt);
  if (lastMinute !== null && minute < lastMinute) return { state: previous, notifications: [] };

  const state = structuredClone(previous);
  const notifications: NotificationDecision[] = [];
  if (lastMinute !== null) {
    const held = { ...state.status, availability: state.availability, burn: state.burn };
    for (let missed = lastMinute + MINUTE_MS; missed < minute; missed += MINUTE_MS) {
      evaluateMinute(state, { minute: missed, observation: held, rules, mode: "catchUp", notifications });
    }
  }
  const { state: observedState, impacted, availability, burn } = observation;
  evaluateMinute(state, {
    minute,
    observation: { state: observedState, impacted, availability, burn },
    rules,
    mode: "live",
    notifications,
  });
  return { state, notifications };
}
