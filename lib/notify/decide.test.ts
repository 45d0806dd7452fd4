import { describe, expect, it } from "vitest";

import { notificationStateSchema } from "./contract";
import {
  createNotificationState,
  describeStateWord,
  formatMinute,
  qualifiesForProblem,
  stepNotificationState,
  type NotificationState,
} from "./decide";
import {
  BASE_RULES,
  ORIGIN,
  atMinute,
  replayChanges,
  summariseSent,
  type Change,
  type Expected,
} from "./test-support";
import type { NotificationRules, ObjectStatus, StateWord } from "./types";

interface RuleCase {
  name: string;
  rules?: Partial<NotificationRules>;
  changes: Change[];
  until: number;
  expected: Expected[];
  origin?: number;
}

function checkCases(cases: RuleCase[]): void {
  it.each(cases)("$name", ({ rules, changes, until, expected, origin }) => {
    expect(summariseSent(replayChanges(changes, until, rules, origin), origin)).toEqual(expected);
  });
}

const FRIDAY_1600 = Date.parse("2026-11-20T16:00:00Z");

describe("status and numbering", () => {
  checkCases([
    {
      name: "every change of status resets the notification number to 1",
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 65, impacted: true }],
      until: 100,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
        [60, "PROBLEM", "OFFLINE", 3],
        [65, "PROBLEM", "OFFLINE", 1],
        [95, "PROBLEM", "OFFLINE", 2],
      ],
    },
    {
      name: "numbers go up at each re-notification check whether or not it is sent",
      rules: { alertFrom: 3 },
      changes: [{ minute: 0, state: "OFFLINE" }],
      until: 90,
      expected: [
        [60, "PROBLEM", "OFFLINE", 3],
        [90, "PROBLEM", "OFFLINE", 4],
      ],
    },
    {
      name: "a change of the impacted flag alone is a change of status",
      rules: { triggers: ["impacted"] },
      changes: [{ minute: 0, state: "OFFLINE", impacted: true }, { minute: 40, state: "OPERATIONAL" }],
      until: 80,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
        [40, "PROBLEM", "IMPACTED", 1],
        [70, "PROBLEM", "IMPACTED", 2],
      ],
    },
    {
      name: "an unchanged status is not a new problem",
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 10, availability: 99 }],
      until: 30,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
      ],
    },
  ]);
});

describe("problem triggers", () => {
  checkCases([
    {
      name: "offline fires when a business service becomes OFFLINE",
      rules: { triggers: ["offline"] },
      changes: [{ minute: 0, state: "OFFLINE" }],
      until: 10,
      expected: [[0, "PROBLEM", "OFFLINE", 1]],
    },
    {
      name: "failed fires when a component becomes FAILED",
      rules: { triggers: ["failed"] },
      changes: [{ minute: 0, state: "FAILED" }],
      until: 10,
      expected: [[0, "PROBLEM", "FAILED", 1]],
    },
    {
      name: "impacted fires when an object goes from not impacted to impacted",
      rules: { triggers: ["impacted"] },
      changes: [{ minute: 0, impacted: true }],
      until: 10,
      expected: [[0, "PROBLEM", "IMPACTED", 1]],
    },
    {
      name: "impacted reports OFFLINE when the object is offline too",
      rules: { triggers: ["impacted"] },
      changes: [{ minute: 0, state: "OFFLINE", impacted: true }],
      until: 10,
      expected: [[0, "PROBLEM", "OFFLINE", 1]],
    },
    {
      name: "a state without its trigger raises nothing",
      rules: { triggers: ["impacted", "failed"] },
      changes: [{ minute: 0, state: "OFFLINE" }],
      until: 10,
      expected: [],
    },
    {
      name: "DOWNTIME never raises a problem",
      changes: [{ minute: 0, state: "DOWNTIME" }],
      until: 10,
      expected: [],
    },
    {
      name: "availability fires when 24-hour availability drops below the threshold",
      changes: [{ minute: 0, availability: 99.49 }],
      until: 10,
      expected: [[0, "AVAILABILITY_BREACH", "OPERATIONAL", 1]],
    },
    {
      name: "availability exactly at the threshold is no breach",
      changes: [{ minute: 0, availability: 99.5 }],
      until: 10,
      expected: [],
    },
    {
      name: "availability without its trigger raises nothing",
      rules: { triggers: ["offline"] },
      changes: [{ minute: 0, availability: 50 }],
      until: 10,
      expected: [],
    },
  ]);
});

describe("outstanding problems", () => {
  checkCases([
    {
      name: "a problem stays outstanding while the object remains in the status that raised it",
      changes: [{ minute: 0, state: "OFFLINE" }],
      until: 90,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
        [60, "PROBLEM", "OFFLINE", 3],
        [90, "PROBLEM", "OFFLINE", 4],
      ],
    },
    {
      name: "a status that no longer qualifies ends the problem without a recovery unless OPERATIONAL",
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 10, state: "DOWNTIME" }],
      until: 90,
      expected: [[0, "PROBLEM", "OFFLINE", 1]],
    },
    {
      name: "an availability problem stays outstanding while below the threshold",
      changes: [{ minute: 0, availability: 99 }, { minute: 20, availability: 98 }],
      until: 60,
      expected: [
        [0, "AVAILABILITY_BREACH", "OPERATIONAL", 1],
        [30, "AVAILABILITY_BREACH", "OPERATIONAL", 2],
        [60, "AVAILABILITY_BREACH", "OPERATIONAL", 3],
      ],
    },
  ]);
});

describe("recoveries", () => {
  checkCases([
    {
      name: "RECOVERY when the object returns to OPERATIONAL after a state problem",
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 10, state: "OPERATIONAL" }],
      until: 60,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [10, "RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "RECOVERY when the object returns to not impacted after an impacted problem",
      rules: { triggers: ["impacted"] },
      changes: [{ minute: 0, impacted: true }, { minute: 10, impacted: false }],
      until: 60,
      expected: [
        [0, "PROBLEM", "IMPACTED", 1],
        [10, "RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "RECOVERY is still owed after a detour through DOWNTIME",
      changes: [
        { minute: 0, state: "OFFLINE" },
        { minute: 10, state: "DOWNTIME" },
        { minute: 50, state: "OPERATIONAL" },
      ],
      until: 60,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [50, "RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "RECOVERY is owed across problems until one is sent",
      rules: { alertFrom: 2 },
      changes: [
        { minute: 0, state: "OFFLINE" },
        { minute: 40, impacted: true },
        { minute: 50, state: "OPERATIONAL", impacted: false },
      ],
      until: 60,
      expected: [
        [30, "PROBLEM", "OFFLINE", 2],
        [50, "RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "RECOVERY when the new state is OPERATIONAL and the impacted flag does not qualify",
      rules: { triggers: ["offline"] },
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 10, state: "OPERATIONAL", impacted: true }],
      until: 20,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [10, "RECOVERY", "IMPACTED", 1],
      ],
    },
    {
      name: "no recovery when the profile does not send recoveries",
      rules: { sendRecovery: false },
      changes: [
        { minute: 0, state: "OFFLINE", availability: 99 },
        { minute: 10, state: "OPERATIONAL" },
        { minute: 20, availability: 100 },
      ],
      until: 30,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [10, "AVAILABILITY_BREACH", "OPERATIONAL", 1],
      ],
    },
    {
      name: "a recovery is sent only if the problem had a notification sent (alert from holds it back)",
      rules: { alertFrom: 3 },
      changes: [
        { minute: 0, state: "OFFLINE" },
        { minute: 45, state: "OPERATIONAL", availability: 99 },
        { minute: 60, availability: 100 },
      ],
      until: 90,
      expected: [],
    },
    {
      name: "stop alert after never holds back a recovery",
      rules: { stopAlertAfter: 1 },
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 70, state: "OPERATIONAL" }],
      until: 80,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [70, "RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "AVAILABILITY_RECOVERY when availability rises back to the threshold",
      changes: [{ minute: 0, availability: 99 }, { minute: 20, availability: 99.5 }],
      until: 60,
      expected: [
        [0, "AVAILABILITY_BREACH", "OPERATIONAL", 1],
        [20, "AVAILABILITY_RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "no AVAILABILITY_RECOVERY when no breach notification was sent",
      rules: { alertFrom: 2 },
      changes: [{ minute: 0, availability: 99 }, { minute: 20, availability: 100 }],
      until: 60,
      expected: [],
    },
  ]);
});

describe("re-notification", () => {
  checkCases([
    {
      name: "interval 0 never re-notifies",
      rules: { renotifyMinutes: 0 },
      changes: [{ minute: 0, state: "OFFLINE", availability: 90 }],
      until: 600,
      expected: [[0, "PROBLEM", "OFFLINE", 1]],
    },
    {
      name: "re-notification checks run every interval after the problem starts",
      rules: { renotifyMinutes: 7 },
      changes: [{ minute: 3, state: "OFFLINE" }],
      until: 20,
      expected: [
        [3, "PROBLEM", "OFFLINE", 1],
        [10, "PROBLEM", "OFFLINE", 2],
        [17, "PROBLEM", "OFFLINE", 3],
      ],
    },
  ]);
});

describe("alert from", () => {
  checkCases([
    {
      name: "interval 30, alert from 3: first notification one hour after the problem starts, number 3",
      rules: { alertFrom: 3 },
      changes: [{ minute: 0 }, { minute: 5, state: "OFFLINE" }],
      until: 120,
      expected: [
        [65, "PROBLEM", "OFFLINE", 3],
        [95, "PROBLEM", "OFFLINE", 4],
      ],
    },
    {
      name: "alert from above 1 without re-notification never sends",
      rules: { alertFrom: 2, renotifyMinutes: 0 },
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 300, state: "OPERATIONAL" }],
      until: 400,
      expected: [],
    },
    {
      name: "alert from holds for availability breaches too",
      rules: { alertFrom: 2 },
      changes: [{ minute: 0, availability: 90 }],
      until: 40,
      expected: [[30, "AVAILABILITY_BREACH", "OPERATIONAL", 2]],
    },
  ]);
});

describe("stop alert after", () => {
  checkCases([
    {
      name: "stop alert after 2 sends two notifications for the problem",
      rules: { stopAlertAfter: 2 },
      changes: [{ minute: 0, state: "OFFLINE" }],
      until: 200,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
      ],
    },
    {
      name: "stop alert after counts per problem",
      rules: { stopAlertAfter: 1, alertFrom: 2 },
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 70, impacted: true }],
      until: 140,
      expected: [
        [30, "PROBLEM", "OFFLINE", 2],
        [100, "PROBLEM", "OFFLINE", 2],
      ],
    },
  ]);

  it("numbers keep counting after the limit is reached", () => {
    const decisions = replayChanges([{ minute: 0, state: "OFFLINE" }], 90, { stopAlertAfter: 1 });
    expect(decisions.map((decision) => [decision.number, decision.send ? "sent" : decision.skipReason])).toEqual([
      [1, "sent"],
      [2, "stopAlertAfterReached"],
      [3, "stopAlertAfterReached"],
      [4, "stopAlertAfterReached"],
    ]);
  });
});

describe("time periods", () => {
  checkCases([
    {
      name: "a time period blocks notifications but the number still counts",
      rules: { triggers: ["offline"], timePeriod: "workhours", renotifyMinutes: 60 },
      origin: FRIDAY_1600,
      changes: [{ minute: 30, state: "OFFLINE" }],
      // Friday 16:30 UTC to Monday 09:30 UTC is 65 hours.
      until: 30 + 65 * 60,
      expected: [
        [30, "PROBLEM", "OFFLINE", 1],
        [30 + 65 * 60, "PROBLEM", "OFFLINE", 66],
      ],
    },
    {
      name: "time period none sends nothing, not even recoveries",
      rules: { timePeriod: "none" },
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 10, state: "OPERATIONAL" }],
      until: 60,
      expected: [],
    },
    {
      name: "a recovery outside the time period is dropped",
      rules: { timePeriod: "workhours" },
      origin: FRIDAY_1600,
      changes: [
        { minute: 50, state: "OFFLINE" },
        { minute: 70, state: "OPERATIONAL" },
        // Monday 09:00 and 09:05 UTC, inside the period: a recovery still owed would go now.
        { minute: 65 * 60, state: "DOWNTIME" },
        { minute: 65 * 60 + 5, state: "OPERATIONAL" },
      ],
      until: 65 * 60 + 10,
      expected: [[50, "PROBLEM", "OFFLINE", 1]],
    },
  ]);
});

describe("problems take priority over availability", () => {
  checkCases([
    {
      name: "while a problem is outstanding availability breaches are not sent",
      changes: [{ minute: 0, state: "OFFLINE" }, { minute: 10, availability: 98 }],
      until: 40,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
      ],
    },
    {
      name: "after its recovery a breach that still holds is sent as a new AVAILABILITY_BREACH number 1",
      changes: [
        { minute: 0, state: "OFFLINE", availability: 99.9 },
        { minute: 10, availability: 98 },
        { minute: 40, state: "OPERATIONAL", availability: 97 },
      ],
      until: 70,
      expected: [
        [0, "PROBLEM", "OFFLINE", 1],
        [30, "PROBLEM", "OFFLINE", 2],
        [40, "RECOVERY", "OPERATIONAL", 1],
        [40, "AVAILABILITY_BREACH", "OPERATIONAL", 1],
        [70, "AVAILABILITY_BREACH", "OPERATIONAL", 2],
      ],
    },
    {
      name: "a qualifying status that starts ends the availability problem and its recovery",
      changes: [
        { minute: 0, availability: 98 },
        { minute: 10, state: "OFFLINE" },
        { minute: 20, state: "OPERATIONAL", availability: 100 },
      ],
      until: 30,
      expected: [
        [0, "AVAILABILITY_BREACH", "OPERATIONAL", 1],
        [10, "PROBLEM", "OFFLINE", 1],
        [20, "RECOVERY", "OPERATIONAL", 1],
      ],
    },
    {
      name: "a status that does not qualify leaves availability notifications alone",
      changes: [{ minute: 0, availability: 98 }, { minute: 10, state: "DOWNTIME" }, { minute: 40, availability: 100 }],
      until: 50,
      expected: [
        [0, "AVAILABILITY_BREACH", "OPERATIONAL", 1],
        [30, "AVAILABILITY_BREACH", "DOWNTIME", 2],
        [40, "AVAILABILITY_RECOVERY", "DOWNTIME", 1],
      ],
    },
  ]);
});

describe("overlapping profiles", () => {
  it("each profile notifies on its own", () => {
    const changes: Change[] = [{ minute: 0, state: "OFFLINE", availability: 98 }];
    const problems = summariseSent(replayChanges(changes, 0, { triggers: ["offline"] }));
    const availability = summariseSent(replayChanges(changes, 0, { triggers: ["availability"] }));
    expect(problems).toEqual([[0, "PROBLEM", "OFFLINE", 1]]);
    expect(availability).toEqual([[0, "AVAILABILITY_BREACH", "OFFLINE", 1]]);
  });
});

describe("state word", () => {
  it.each<[ObjectStatus, StateWord]>([
    [{ state: "OFFLINE", impacted: true }, "OFFLINE"],
    [{ state: "FAILED", impacted: false }, "FAILED"],
    [{ state: "OPERATIONAL", impacted: true }, "IMPACTED"],
    [{ state: "DOWNTIME", impacted: true }, "IMPACTED"],
    [{ state: "DOWNTIME", impacted: false }, "DOWNTIME"],
    [{ state: "OPERATIONAL", impacted: false }, "OPERATIONAL"],
  ])("%o is reported as %s", (status, word) => {
    expect(describeStateWord(status)).toBe(word);
  });

  it("a status qualifies only through the profile's triggers", () => {
    expect(qualifiesForProblem({ state: "OFFLINE", impacted: false }, BASE_RULES)).toBe(true);
    expect(qualifiesForProblem({ state: "FAILED", impacted: false }, BASE_RULES)).toBe(false);
    expect(qualifiesForProblem({ state: "DOWNTIME", impacted: true }, BASE_RULES)).toBe(true);
  });
});

describe("persisted state", () => {
  const offline = { state: "OFFLINE" as const, impacted: false, availability: 99.9 };

  function stepAt(state: NotificationState, minute: number, rules: Partial<NotificationRules> = {}) {
    return stepNotificationState(state, { at: atMinute(minute), ...offline }, { ...BASE_RULES, ...rules });
  }

  it("new objects start OPERATIONAL, not impacted, with 100% availability", () => {
    const state = createNotificationState();
    expect(state.status).toEqual({ state: "OPERATIONAL", impacted: false });
    expect(state.availability).toBe(100);
    const first = stepNotificationState(
      state,
      { at: atMinute(0), state: "OPERATIONAL", impacted: false, availability: 100 },
      BASE_RULES,
    );
    expect(first.notifications).toEqual([]);
  });

  it("is plain JSON that the schema accepts", () => {
    const { state } = stepAt(createNotificationState(), 0);
    const restored: unknown = JSON.parse(JSON.stringify(state));
    expect(notificationStateSchema.parse(restored)).toEqual(state);
  });

  it("after a restart continues as if the object kept its last state, reporting what was missed", () => {
    const first = stepAt(createNotificationState(), 0);
    const restored = notificationStateSchema.parse(JSON.parse(JSON.stringify(first.state)));
    const afterOutage = stepAt(restored, 75);
    expect(afterOutage.notifications.map((decision) => [decision.at, decision.number, decision.send])).toEqual([
      [formatMinute(atMinute(30).getTime()), 2, false],
      [formatMinute(atMinute(60).getTime()), 3, false],
    ]);
    expect(afterOutage.notifications.every((decision) => !decision.send && decision.skipReason === "missed")).toBe(
      true,
    );
    expect(stepAt(afterOutage.state, 90).notifications).toMatchObject([{ number: 4, send: true }]);
  });

  it("never sends twice for a minute already evaluated", () => {
    const first = stepAt(createNotificationState(), 30);
    const again = stepNotificationState(
      first.state,
      { at: new Date(ORIGIN + 30 * 60_000 + 20_000), ...offline },
      BASE_RULES,
    );
    expect(first.notifications).toHaveLength(1);
    expect(again.notifications).toEqual([]);
  });

  it("applies a status change that arrives in the middle of an evaluated minute", () => {
    const first = stepAt(createNotificationState(), 30);
    const recovered = stepNotificationState(
      first.state,
      { at: new Date(ORIGIN + 30 * 60_000 + 40_000), state: "OPERATIONAL", impacted: false, availability: 99.9 },
      BASE_RULES,
    );
    expect(recovered.notifications).toMatchObject([{ type: "RECOVERY", number: 1, send: true }]);
  });

  it("ignores an observation older than the last evaluated minute", () => {
    const first = stepAt(createNotificationState(), 30);
    const late = stepNotificationState(
      first.state,
      { at: atMinute(10), state: "OPERATIONAL", impacted: false, availability: 100 },
      BASE_RULES,
    );
    expect(late).toEqual({ state: first.state, notifications: [] });
  });

  it("does not modify the state it is given", () => {
    const initial = createNotificationState();
    const copy = structuredClone(initial);
    stepAt(initial, 0);
    expect(initial).toEqual(copy);
  });
});
