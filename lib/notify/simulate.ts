// Rules: docs/notification-rules.md §13 (the notify:simulate replay).
import { createNotificationState, stepNotificationState, type NotificationState } from "./decide";
import type { BurnFigure, NotificationDecision, NotificationRules, NotificationType, ObjectState, StateWord } from "./types";

const MINUTE_MS = 60_000;

export interface TimelineEntry {
  at: Date;
  state: ObjectState;
  impacted: boolean;
  availability: number;
  /** Error budget spent per window as of this entry; absent: none. */
  burn?: readonly BurnFigure[];
}

export interface Timeline {
  profile: NotificationRules;
  /** Whole minutes, strictly increasing; each entry holds until the next. */
  timeline: readonly TimelineEntry[];
  until: Date;
}

export interface ReplayRange extends Timeline {
  state: NotificationState;
  from: Date;
}

/** What `notify:simulate` prints per sent notification. */
export interface SimulatedNotification {
  at: string;
  type: NotificationType;
  state: StateWord;
  number: number;
}

const NEW_OBJECT: TimelineEntry = { at: new Date(0), state: "OPERATIONAL", impacted: false, availability: 100 };

/**
 * Steps every whole minute in [from, until] through stepNotificationState, observing the
 * timeline entry that holds at each minute (before the first: OPERATIONAL, 100%).
 */
export function replayRange({ state, profile, timeline, from, until }: ReplayRange): {
  state: NotificationState;
  notifications: NotificationDecision[];
} {
  const notifications: NotificationDecision[] = [];
  let current = state;
  let next = 0;
  for (let minute = from.getTime(); minute <= until.getTime(); minute += MINUTE_MS) {
    while (next < timeline.length && timeline[next].at.getTime() <= minute) next += 1;
    const entry = next === 0 ? NEW_OBJECT : timeline[next - 1];
    const step = stepNotificationState(
      current,
      { at: new Date(minute), state: entry.state, impacted: entry.impacted, availability: entry.availability, burn: entry.burn },
      profile,
    );
    current = step.state;
    notifications.push(...step.notifications);
  }
  return { state: current, notifications };
}

/** The `notify:simulate` replay: every decision, sent and skipped, in time order. */
export function replayTimeline(input: Timeline): NotificationDecision[] {
  if (input.timeline.length === 0) return [];
  return replayRange({ ...input, state: createNotificationState(), from: input.timeline[0].at }).notifications;
}

export function selectSentNotifications(decisions: readonly NotificationDecision[]): SimulatedNotification[] {
  return decisions
    .filter((decision) => decision.send)
    .map(({ at, type, state, number }) => ({ at, type, state, number }));
}
