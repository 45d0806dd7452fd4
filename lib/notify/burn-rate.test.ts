import { describe, expect, it } from "vitest";

import { budgetSpentPercent, burnRateWindowsSchema, isBurning } from "./burn-rate";
import { notificationStateSchema } from "./contract";
import { createNotificationState, stepNotificationState } from "./decide";
import { atMinute, replayChanges, summariseSent, type Change, type Expected } from "./test-support";
import type { BurnFigure, NotificationRules } from "./types";

const BURN_ONLY: Partial<NotificationRules> = { triggers: ["burn"], renotifyMinutes: 0 };
const FRIDAY_1600 = Date.parse("2026-11-20T16:00:00Z");

/** Figures for the default windows (60 min: 2 %, 360 min: 5 %). */
function spent(hour: number, sixHours: number): BurnFigure[] {
  return [
    { windowMinutes: 60, spentPercent: hour },
    { windowMinutes: 360, spentPercent: sixHours },
  ];
}

function sent(changes: Change[], until: number, rules: Partial<NotificationRules> = {}, origin?: number): Expected[] {
  return summariseSent(replayChanges(changes, until, { ...BURN_ONLY, ...rules }, origin), origin);
}

describe("error budget", () => {
  it("spent percent is non-operational time over the budget; with no budget any outage spends it all", () => {
    expect(budgetSpentPercent(30_000, 1_500_000)).toBe(2);
    expect(budgetSpentPercent(0, 1_500_000)).toBe(0);
    expect(budgetSpentPercent(0, 0)).toBe(0);
    expect(isBurning([{ windowMinutes: 60, spentPercent: budgetSpentPercent(1, 0) }], [{ windowMinutes: 60, budgetPercent: 100 }])).toBe(true);
  });

  it("burns when any window reaches its share, not below it; figures for other windows are ignored", () => {
    const windows = [
      { windowMinutes: 60, budgetPercent: 2 },
      { windowMinutes: 360, budgetPercent: 5 },
    ];
    expect(isBurning(spent(2, 0), windows)).toBe(true);
    expect(isBurning(spent(1.99, 4.99), windows)).toBe(false);
    expect(isBurning(spent(0, 5), windows)).toBe(true);
    expect(isBurning([{ windowMinutes: 30, spentPercent: 50 }], windows)).toBe(false);
    expect(isBurning(undefined, windows)).toBe(false);
  });

  it("accepts 1 to 4 distinct windows of 1–43200 minutes with 0 < percent ≤ 100", () => {
    expect(burnRateWindowsSchema.safeParse([{ windowMinutes: 43_200, budgetPercent: 100 }]).success).toBe(true);
    for (const bad of [
      [],
      [{ windowMinutes: 0, budgetPercent: 2 }],
      [{ windowMinutes: 43_201, budgetPercent: 2 }],
      [{ windowMinutes: 60, budgetPercent: 0 }],
      [{ windowMinutes: 60, budgetPercent: 100.5 }],
      [{ windowMinutes: 60, budgetPercent: 2 }, { windowMinutes: 60, budgetPercent: 5 }],
      [1, 2, 3, 4, 5].map((hours) => ({ windowMinutes: hours * 60, budgetPercent: 2 })),
    ]) {
      expect(burnRateWindowsSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("the burn trigger", () => {
  it("fires on a fast burn (2 % of the budget in an hour) and recovers when no window is over", () => {
    expect(sent([{ minute: 5, burn: spent(2.5, 0.5) }, { minute: 70, burn: spent(0.1, 0.5) }], 80)).toEqual([
      [5, "BUDGET_BURN", "OPERATIONAL", 1],
      [70, "BUDGET_RECOVERY", "OPERATIONAL", 1],
    ]);
  });

  it("fires on a slow burn (5 % in six hours) while the hour stays below its share", () => {
    expect(sent([{ minute: 0, burn: spent(1, 3) }, { minute: 200, burn: spent(1.5, 5.1) }], 240)).toEqual([
      [200, "BUDGET_BURN", "OPERATIONAL", 1],
    ]);
  });

  it("uses the profile's own windows", () => {
    const rules = { burnRateWindows: [{ windowMinutes: 30, budgetPercent: 1 }] };
    expect(sent([{ minute: 0, burn: [{ windowMinutes: 30, spentPercent: 1 }] }], 10, rules)).toEqual([[0, "BUDGET_BURN", "OPERATIONAL", 1]]);
    expect(sent([{ minute: 0, burn: spent(50, 50) }], 10, rules)).toEqual([]);
  });

  it("re-notifies while burning and reports the object's state word", () => {
    expect(sent([{ minute: 0, state: "OFFLINE", burn: spent(3, 0) }], 60, { renotifyMinutes: 30 })).toEqual([
      [0, "BUDGET_BURN", "OFFLINE", 1],
      [30, "BUDGET_BURN", "OFFLINE", 2],
      [60, "BUDGET_BURN", "OFFLINE", 3],
    ]);
  });

  it("holds back notifications below alert from, and the recovery with them", () => {
    const changes = [{ minute: 0, burn: spent(3, 0) }, { minute: 45, burn: spent(0, 0) }];
    expect(sent(changes, 60, { renotifyMinutes: 20, alertFrom: 3 })).toEqual([
      [40, "BUDGET_BURN", "OPERATIONAL", 3],
      [45, "BUDGET_RECOVERY", "OPERATIONAL", 1],
    ]);
    expect(sent(changes, 60, { renotifyMinutes: 20, alertFrom: 4 })).toEqual([]);
  });

  it("respects stop alert after and leaves the recovery alone", () => {
    expect(sent([{ minute: 0, burn: spent(3, 0) }, { minute: 50, burn: spent(0, 0) }], 60, { renotifyMinutes: 10, stopAlertAfter: 2 })).toEqual([
      [0, "BUDGET_BURN", "OPERATIONAL", 1],
      [10, "BUDGET_BURN", "OPERATIONAL", 2],
      [50, "BUDGET_RECOVERY", "OPERATIONAL", 1],
    ]);
  });

  it("is blocked outside the time period, the number still counting", () => {
    // Friday 16:30 UTC to Monday 09:30 UTC is 65 hours.
    expect(sent([{ minute: 30, burn: spent(3, 0) }], 30 + 65 * 60, { timePeriod: "workhours", renotifyMinutes: 60 }, FRIDAY_1600)).toEqual([
      [30, "BUDGET_BURN", "OPERATIONAL", 1],
      [30 + 65 * 60, "BUDGET_BURN", "OPERATIONAL", 66],
    ]);
  });

  it("sends no recovery when recoveries are off", () => {
    expect(sent([{ minute: 0, burn: spent(3, 0) }, { minute: 5, burn: spent(0, 0) }], 10, { sendRecovery: false })).toEqual([[0, "BUDGET_BURN", "OPERATIONAL", 1]]);
  });

  it("never fires without the trigger, or for an object without figures (no SLA)", () => {
    expect(sent([{ minute: 0, burn: spent(90, 90) }], 10, { triggers: ["offline"] })).toEqual([]);
    expect(sent([{ minute: 0, state: "OFFLINE" }], 10)).toEqual([]);
  });

  it("runs beside a status problem: the outage and the budget are told apart", () => {
    const changes = [
      { minute: 0, state: "OFFLINE" as const, burn: spent(0, 0) },
      { minute: 2, burn: spent(2.2, 0.4) },
      { minute: 20, state: "OPERATIONAL" as const },
      { minute: 80, burn: spent(0, 0.4) },
    ];
    expect(sent(changes, 90, { triggers: ["offline", "burn"] })).toEqual([
      [0, "PROBLEM", "OFFLINE", 1],
      [2, "BUDGET_BURN", "OFFLINE", 1],
      [20, "RECOVERY", "OPERATIONAL", 1],
      [80, "BUDGET_RECOVERY", "OPERATIONAL", 1],
    ]);
  });

  it("keeps burning over minutes missed during a restart, and reads states stored before the trigger existed", () => {
    const rules = { ...BURN_ONLY, triggers: ["burn" as const], renotifyMinutes: 10, availabilityThreshold: 0, sendRecovery: true, alertFrom: 1, stopAlertAfter: 0, timePeriod: "24x7" as const };
    const legacy = createNotificationState() as Partial<ReturnType<typeof createNotificationState>>;
    delete legacy.burn;
    delete legacy.burnProblem;
    const restored = notificationStateSchema.parse(JSON.parse(JSON.stringify(legacy)));
    const first = stepNotificationState(restored, { at: atMinute(0), state: "OPERATIONAL", impacted: false, availability: 100, burn: spent(3, 0) }, rules);
    expect(first.notifications).toMatchObject([{ type: "BUDGET_BURN", send: true }]);
    const stored = notificationStateSchema.parse(JSON.parse(JSON.stringify(first.state)));
    const later = stepNotificationState(stored, { at: atMinute(25), state: "OPERATIONAL", impacted: false, availability: 100, burn: spent(3, 0) }, rules);
    expect(later.notifications.map((decision) => [decision.type, decision.number, decision.send])).toEqual([
      ["BUDGET_BURN", 2, false],
      ["BUDGET_BURN", 3, false],
    ]);
  });
});
