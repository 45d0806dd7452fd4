import type { NotificationContext } from "./environment";
import { replayTimeline, type TimelineEntry } from "./simulate";
import type { BurnFigure, NotificationDecision, NotificationRules, NotificationType, ObjectState, StateWord } from "./types";

const MINUTE_MS = 60_000;

export const BASE_RULES: NotificationRules = {
  triggers: ["offline", "impacted", "availability"],
  availabilityThreshold: 99.5,
  sendRecovery: true,
  renotifyMinutes: 30,
  alertFrom: 1,
  stopAlertAfter: 0,
  timePeriod: "24x7",
};

/** Monday 2026-11-23 10:00 UTC: minute 0 of every fixture timeline unless another origin is given. */
export const ORIGIN = Date.parse("2026-11-23T10:00:00Z");

export interface Change {
  minute: number;
  state?: ObjectState;
  impacted?: boolean;
  availability?: number;
  burn?: readonly BurnFigure[];
}

/** `[minute, type, state word, number]`, minutes after the origin. */
export type Expected = [number, NotificationType, StateWord, number];

export function atMinute(minute: number, origin = ORIGIN): Date {
  return new Date(origin + minute * MINUTE_MS);
}

/** Each change carries its values forward, so a timeline lists only what changes. */
export function buildTimeline(changes: readonly Change[], origin = ORIGIN): TimelineEntry[] {
  let current = { state: "OPERATIONAL" as ObjectState, impacted: false, availability: 100, burn: [] as readonly BurnFigure[] };
  return changes.map((change) => {
    current = {
      state: change.state ?? current.state,
      impacted: change.impacted ?? current.impacted,
      availability: change.availability ?? current.availability,
      burn: change.burn ?? current.burn,
    };
    return { at: atMinute(change.minute, origin), ...current };
  });
}

export function replayChanges(
  changes: readonly Change[],
  until: number,
  rules: Partial<NotificationRules> = {},
  origin = ORIGIN,
): NotificationDecision[] {
  return replayTimeline({
    profile: { ...BASE_RULES, ...rules },
    timeline: buildTimeline(changes, origin),
    until: atMinute(until, origin),
  });
}

/** Sent notifications as `[minute, type, state, number]` relative to the origin. */
export function summariseSent(decisions: readonly NotificationDecision[], origin = ORIGIN): Expected[] {
  return decisions
    .filter((decision) => decision.send)
    .map((decision) => [
      (Date.parse(decision.at) - origin) / MINUTE_MS,
      decision.type,
      decision.state,
      decision.number,
    ]);
}

/** A business service notification with every optional part filled in. */
export const SHOP_CONTEXT: NotificationContext = {
  object: {
    type: "BSMService",
    id: "shop",
    name: "Shop",
    notes: "<p>Call <b>ops</b> &amp; check the <a href='x'>runbook</a></p>",
    subObjects: [
      { name: "Web servers", state: "FAILED" },
      { name: "Databases", state: "FAILED", impacted: true },
      { name: "Payments", state: "OPERATIONAL", impacted: true },
    ],
  },
  notification: { at: "2014-01-20T07:10:23Z", type: "PROBLEM", state: "OFFLINE", number: 2, availability: 98.956 },
  availabilityThreshold: 99.5,
  includeNotes: true,
  contact: { name: "alice", email: "alice@example.test", pager: null, variables: { pushover_key: "k1", other: "x" } },
  method: { contactVariables: ["pushover_key", "missing"], settings: { url: "https://example.test", "api-token": "t" } },
  timeZone: "Europe/London",
};
