import { createNotificationState, stepNotificationState } from "./decide";
import type { NotificationDecision, NotificationRules, NotificationType, ObjectState, StateWord } from "./types";

const MINUTE_MS = 60_000;

export interface TimelineEntry {
  at: Date;
  state: ObjectState;
  impacted: boolean;
  availability: number;
}

export interface Timeline {
  profile: NotificationRules;
  /** Whole minutes, strictly increasing; each entry holds until the next. */
  timeline: readonly TimelineEntry[];
  until: Date;
}

/** What `notify:simulate` prints per sent notification. */
export interface SimulatedNotification {
  at: string;
  type: NotificationType;
  state: StateWord;
  number: number;
}

/**
 * Replays a timeline minute by minute, from the first entry to `until` inclusive, through
 * stepNotificationState; returns every decision, sent and skipped, in time order.
 */
export function replayTimeline({ profile, timeline, until }: Timeline): NotificationDecision[] {
  const decisions: NotificationDecision[] = [];
  if (timeline.length === 0) return decisions;
  let state = createNotificationState();
  let next = 0;
  for (let minute = timeline[0].at.getTime(); minute <= until.getTime(); minute += MINUTE_MS) {
    while (next + 1 < timeline.length && timeline[next + 1].at.getTime() <= minute) next += 1;
    const entry = timeline[next];
    const step = stepNotificationState(
      state,
      { at: new Date(minute), state: entry.state, impacted: entry.impacted, availability: entry.availability },
      profile,
    );
    state = step.state;
    decisions.push(...step.notifications);
  }
  return decisions;
}

export function selectSentNotifications(decisions: readonly NotificationDecision[]): SimulatedNotification[] {
  return decisions
    .filter((decision) => decision.send)
    .map(({ at, type, state, number }) => ({ at, type, state, number }));
}
