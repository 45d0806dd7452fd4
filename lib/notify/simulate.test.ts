import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { notificationStateSchema, parseSimulationInput } from "./contract";
import { createNotificationState } from "./decide";
import { replayRange, replayTimeline, selectSentNotifications, type TimelineEntry } from "./simulate";
import { BASE_RULES, buildTimeline, replayChanges, type Change } from "./test-support";
import { TRIGGERS, type NotificationRules, type ObjectState, type TimePeriod } from "./types";

const MINUTE = 60_000;

function sentAt(decisions: ReturnType<typeof replayTimeline>): [string, string, string, number][] {
  return selectSentNotifications(decisions).map(({ at, type, state, number }) => [at, type, state, number]);
}

function replayDay(changes: [string, Omit<Change, "minute">][], until: string, rules: Partial<NotificationRules> = {}) {
  const origin = Date.parse(changes[0][0]);
  const timeline = buildTimeline(
    changes.map(([at, change]) => ({ ...change, minute: (Date.parse(at) - origin) / MINUTE })),
    origin,
  );
  return replayTimeline({ profile: { ...BASE_RULES, ...rules }, timeline, until: new Date(until) });
}

describe("long timelines", () => {
  it("flapping sends a PROBLEM and a RECOVERY for every flap, always number 1", () => {
    const changes: Change[] = Array.from({ length: 40 }, (_, index) => ({
      minute: index * 3,
      state: index % 2 === 0 ? "OFFLINE" : "OPERATIONAL",
    }));
    const sent = selectSentNotifications(replayChanges(changes, 150));
    expect(sent).toHaveLength(40);
    expect(sent.map((notification) => notification.type)).toEqual(
      changes.map((_, index) => (index % 2 === 0 ? "PROBLEM" : "RECOVERY")),
    );
    expect(sent.every((notification) => notification.number === 1)).toBe(true);
  });

  it("flapping of the impacted flag restarts the numbering and recovers once", () => {
    const changes: Change[] = [
      ...Array.from({ length: 10 }, (_, index) => ({ minute: index * 20, state: "OFFLINE" as const, impacted: index % 2 === 1 })),
      { minute: 200, state: "OPERATIONAL", impacted: false },
    ];
    const sent = selectSentNotifications(replayChanges(changes, 260));
    expect(sent.map((notification) => `${notification.type} ${notification.number}`)).toEqual([
      ...Array.from({ length: 10 }, () => "PROBLEM 1"),
      "RECOVERY 1",
    ]);
  });

  it("downtime ends a problem without recovery, the RECOVERY waits for OPERATIONAL", () => {
    const decisions = replayDay(
      [
        ["2026-11-23T08:00:00Z", { state: "OFFLINE", availability: 99.9 }],
        ["2026-11-23T09:10:00Z", { state: "DOWNTIME", availability: 99 }],
        ["2026-11-23T10:00:00Z", { state: "OPERATIONAL", availability: 98.9 }],
        ["2026-11-23T12:00:00Z", { availability: 99.6 }],
      ],
      "2026-11-23T12:30:00Z",
    );
    expect(sentAt(decisions)).toEqual([
      ["2026-11-23T08:00:00Z", "PROBLEM", "OFFLINE", 1],
      ["2026-11-23T08:30:00Z", "PROBLEM", "OFFLINE", 2],
      ["2026-11-23T09:00:00Z", "PROBLEM", "OFFLINE", 3],
      ["2026-11-23T09:10:00Z", "AVAILABILITY_BREACH", "DOWNTIME", 1],
      ["2026-11-23T09:40:00Z", "AVAILABILITY_BREACH", "DOWNTIME", 2],
      ["2026-11-23T10:00:00Z", "RECOVERY", "OPERATIONAL", 1],
      ["2026-11-23T10:10:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 3],
      ["2026-11-23T10:40:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 4],
      ["2026-11-23T11:10:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 5],
      ["2026-11-23T11:40:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 6],
      ["2026-11-23T12:00:00Z", "AVAILABILITY_RECOVERY", "OPERATIONAL", 1],
    ]);
  });

  it("the example of docs/notification-rules.md §4.3 with alert from 3 sends its first notification an hour later, number 3", () => {
    const parsed = parseSimulationInput({
      object: { type: "BSMService", id: "shop", name: "Shop" },
      profile: { ...BASE_RULES, alertFrom: 3 },
      timeline: [
        { at: "2026-11-22T10:00:00Z", state: "OPERATIONAL", impacted: false, availability: 100 },
        { at: "2026-11-22T10:05:00Z", state: "OFFLINE", impacted: false, availability: 99.9 },
      ],
      until: "2026-11-22T12:00:00Z",
    });
    if (!parsed.ok) throw new Error(parsed.error);
    expect(selectSentNotifications(replayTimeline(parsed.value))).toEqual([
      { at: "2026-11-22T11:05:00Z", type: "PROBLEM", state: "OFFLINE", number: 3 },
      { at: "2026-11-22T11:35:00Z", type: "PROBLEM", state: "OFFLINE", number: 4 },
    ]);
  });

  it("stop alert after limits each problem while the number keeps counting", () => {
    const decisions = replayDay(
      [
        ["2026-11-23T10:00:00Z", { state: "OFFLINE" }],
        ["2026-11-23T14:00:00Z", { state: "OPERATIONAL" }],
        ["2026-11-23T14:30:00Z", { state: "OFFLINE" }],
      ],
      "2026-11-23T16:00:00Z",
      { renotifyMinutes: 15, stopAlertAfter: 3, triggers: ["offline"] },
    );
    expect(sentAt(decisions)).toEqual([
      ["2026-11-23T10:00:00Z", "PROBLEM", "OFFLINE", 1],
      ["2026-11-23T10:15:00Z", "PROBLEM", "OFFLINE", 2],
      ["2026-11-23T10:30:00Z", "PROBLEM", "OFFLINE", 3],
      ["2026-11-23T14:00:00Z", "RECOVERY", "OPERATIONAL", 1],
      ["2026-11-23T14:30:00Z", "PROBLEM", "OFFLINE", 1],
      ["2026-11-23T14:45:00Z", "PROBLEM", "OFFLINE", 2],
      ["2026-11-23T15:00:00Z", "PROBLEM", "OFFLINE", 3],
    ]);
    expect(decisions.find((decision) => decision.at === "2026-11-23T13:45:00Z")).toMatchObject({
      number: 16,
      send: false,
      skipReason: "stopAlertAfterReached",
    });
  });

  it("an availability breach while a problem is outstanding waits for the problem's recovery", () => {
    const decisions = replayDay(
      [
        ["2026-11-23T10:00:00Z", { availability: 99.4 }],
        ["2026-11-23T10:10:00Z", { state: "OFFLINE", availability: 99.3 }],
        ["2026-11-23T10:30:00Z", { availability: 98 }],
        ["2026-11-23T11:00:00Z", { state: "OPERATIONAL", availability: 97 }],
        ["2026-11-23T12:00:00Z", { availability: 99.5 }],
      ],
      "2026-11-23T12:10:00Z",
      { triggers: ["offline", "availability"] },
    );
    expect(sentAt(decisions)).toEqual([
      ["2026-11-23T10:00:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 1],
      ["2026-11-23T10:10:00Z", "PROBLEM", "OFFLINE", 1],
      ["2026-11-23T10:40:00Z", "PROBLEM", "OFFLINE", 2],
      ["2026-11-23T11:00:00Z", "RECOVERY", "OPERATIONAL", 1],
      ["2026-11-23T11:00:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 1],
      ["2026-11-23T11:30:00Z", "AVAILABILITY_BREACH", "OPERATIONAL", 2],
      ["2026-11-23T12:00:00Z", "AVAILABILITY_RECOVERY", "OPERATIONAL", 1],
    ]);
  });

  it("a London office-hours period blocks a weekend across the clock change and the number keeps counting", () => {
    const decisions = replayDay(
      [["2026-03-27T16:00:00Z", { state: "FAILED" }]],
      "2026-03-30T09:00:00Z",
      {
        triggers: ["failed"],
        renotifyMinutes: 60,
        timePeriod: {
          timeZone: "Europe/London",
          ranges: Object.fromEntries(
            ["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => [day, ["09:00-17:00"]]),
          ),
        },
      },
    );
    // Friday 16:00 GMT, then Monday 09:00 and 10:00 BST (08:00 and 09:00 UTC): 64 and 65 hours later.
    expect(sentAt(decisions)).toEqual([
      ["2026-03-27T16:00:00Z", "PROBLEM", "FAILED", 1],
      ["2026-03-30T08:00:00Z", "PROBLEM", "FAILED", 65],
      ["2026-03-30T09:00:00Z", "PROBLEM", "FAILED", 66],
    ]);
    expect(decisions.filter((decision) => !decision.send)).toHaveLength(63);
    expect(decisions.every((decision) => decision.send || decision.skipReason === "outsideTimePeriod")).toBe(true);
  });
});

const LONG_CHANGES: Change[] = [
  { minute: 0, availability: 99.4 },
  { minute: 25, state: "OFFLINE", availability: 99.2 },
  { minute: 97, impacted: true },
  { minute: 140, state: "DOWNTIME", impacted: false, availability: 98 },
  { minute: 200, state: "OPERATIONAL", availability: 97.5 },
  { minute: 270, availability: 99.8 },
  { minute: 290, impacted: true },
  { minute: 300, impacted: false },
  { minute: 355, state: "OFFLINE" },
  { minute: 356, state: "OPERATIONAL" },
];

function replaySplit(
  rules: NotificationRules,
  timeline: TimelineEntry[],
  until: number,
  split: number,
): ReturnType<typeof replayTimeline> {
  const from = timeline[0].at.getTime();
  const first = replayRange({
    state: createNotificationState(),
    profile: rules,
    timeline,
    from: new Date(from),
    until: new Date(split - MINUTE),
  });
  const restored = notificationStateSchema.parse(JSON.parse(JSON.stringify(first.state)));
  const second = replayRange({ state: restored, profile: rules, timeline, from: new Date(split), until: new Date(until) });
  return [...first.notifications, ...second.notifications];
}

describe("restart in the middle", () => {
  const rules: NotificationRules = { ...BASE_RULES, renotifyMinutes: 20, alertFrom: 2, stopAlertAfter: 3 };
  const timeline = buildTimeline(LONG_CHANGES);
  const from = timeline[0].at.getTime();
  const until = from + 400 * MINUTE;
  const uninterrupted = replayTimeline({ profile: rules, timeline, until: new Date(until) });

  it("the long timeline exercises sends and every kind of skip", () => {
    expect(new Set(uninterrupted.map((decision) => decision.type)).size).toBe(4);
    expect(uninterrupted.filter((decision) => decision.send).length).toBeGreaterThan(5);
    expect(new Set(uninterrupted.flatMap((decision) => (decision.send ? [] : [decision.skipReason])))).toEqual(
      new Set(["belowAlertFrom", "stopAlertAfterReached"]),
    );
  });

  it.each(Array.from({ length: 40 }, (_, index) => index * 10 + 1))(
    "serialising the state after minute %i and continuing gives the same notifications",
    (splitMinute) => {
      expect(replaySplit(rules, timeline, until, from + splitMinute * MINUTE)).toEqual(uninterrupted);
    },
  );
});

const objectStates: ObjectState[] = ["OPERATIONAL", "DOWNTIME", "OFFLINE"];
const timePeriods: TimePeriod[] = ["24x7", "workhours", "none"];

const rulesArbitrary = fc.record({
  triggers: fc.subarray([...TRIGGERS]),
  availabilityThreshold: fc.constantFrom(95, 99, 99.5),
  sendRecovery: fc.boolean(),
  renotifyMinutes: fc.constantFrom(0, 1, 5, 30),
  alertFrom: fc.integer({ min: 1, max: 4 }),
  stopAlertAfter: fc.integer({ min: 0, max: 3 }),
  timePeriod: fc.constantFrom(...timePeriods),
});

const changesArbitrary = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 90 }),
      state: fc.constantFrom(...objectStates),
      impacted: fc.boolean(),
      availability: fc.constantFrom(90, 98.5, 99.2, 99.5, 100),
      burn: fc.constantFrom([], [{ windowMinutes: 60, spentPercent: 3 }], [{ windowMinutes: 360, spentPercent: 1 }], [{ windowMinutes: 360, spentPercent: 7 }]),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((entries) => {
    let minute = 0;
    return entries.map(({ gap, ...change }) => {
      minute += gap;
      return { ...change, minute };
    });
  });

// fast-check replays 150 random timelines per property; the slower took 1.0-1.5 s here (load 2-4).
const PROPERTY_BUDGET_MS = 60_000;

describe("properties over random timelines", { timeout: PROPERTY_BUDGET_MS }, () => {
  // Friday 15:00 UTC, so workhours periods open and close inside the timelines.
  const origin = Date.parse("2026-11-20T15:00:00Z");

  it("a restart anywhere gives the same notifications as an uninterrupted run", () => {
    fc.assert(
      fc.property(rulesArbitrary, changesArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (rules, changes, at) => {
        const timeline = buildTimeline(changes, origin);
        const from = timeline[0].at.getTime();
        const until = timeline[timeline.length - 1].at.getTime() + 120 * MINUTE;
        const split = from + Math.floor(((until - from) / MINUTE) * at) * MINUTE + MINUTE;
        const uninterrupted = replayTimeline({ profile: rules, timeline, until: new Date(until) });
        expect(replaySplit(rules, timeline, until, split)).toEqual(uninterrupted);
      }),
      { numRuns: 150 },
    );
  });

  it("sent problem numbers respect alert from and each problem sends at most stop-alert-after", () => {
    fc.assert(
      fc.property(rulesArbitrary, changesArbitrary, (rules, changes) => {
        const timeline = buildTimeline(changes, origin);
        const until = timeline[timeline.length - 1].at.getTime() + 120 * MINUTE;
        const sent = selectSentNotifications(replayTimeline({ profile: rules, timeline, until: new Date(until) }));
        // Budget burns run beside status and availability problems, so each kind counts on its own.
        const sentForProblem = { burn: 0, other: 0 };
        for (const notification of sent) {
          if (notification.type.endsWith("RECOVERY")) continue;
          const kind = notification.type === "BUDGET_BURN" ? "burn" : "other";
          expect(notification.number).toBeGreaterThanOrEqual(rules.alertFrom);
          sentForProblem[kind] = notification.number === rules.alertFrom ? 1 : sentForProblem[kind] + 1;
          if (rules.stopAlertAfter > 0) expect(sentForProblem[kind]).toBeLessThanOrEqual(rules.stopAlertAfter);
        }
        if (rules.timePeriod === "none") expect(sent).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
