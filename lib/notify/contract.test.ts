import { describe, expect, it } from "vitest";

import { parseSimulationInput } from "./contract";
import { BASE_RULES } from "./test-support";

const VALID = {
  object: { type: "BSMService", id: "shop", name: "Shop" },
  profile: BASE_RULES,
  timeline: [
    { at: "2026-11-22T10:00:00Z", state: "OPERATIONAL", impacted: false, availability: 100 },
    { at: "2026-11-22T10:05:00Z", state: "OFFLINE", impacted: false, availability: 99.9 },
  ],
  until: "2026-11-22T12:00:00Z",
};

function withTimeline(index: number, patch: Record<string, unknown>) {
  return { ...VALID, timeline: VALID.timeline.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)) };
}

describe("simulation input contract", () => {
  it("accepts the example of docs/notification-rules.md §13", () => {
    const parsed = parseSimulationInput(VALID);
    expect(parsed.ok).toBe(true);
  });

  it("accepts a custom weekly time period", () => {
    const parsed = parseSimulationInput({
      ...VALID,
      profile: { ...BASE_RULES, timePeriod: { timeZone: "Europe/London", ranges: { monday: ["09:00-17:00"] } } },
    });
    expect(parsed.ok).toBe(true);
  });

  it("accepts the burn trigger with its windows and per-entry budget figures", () => {
    const parsed = parseSimulationInput({
      ...withTimeline(1, { burn: [{ windowMinutes: 60, spentPercent: 2.5 }] }),
      profile: { ...BASE_RULES, triggers: ["burn"], burnRateWindows: [{ windowMinutes: 60, budgetPercent: 2 }] },
    });
    expect(parsed.ok && parsed.value.timeline[1].burn).toEqual([{ windowMinutes: 60, spentPercent: 2.5 }]);
  });

  it.each<[string, unknown, string]>([
    ["a burn window of 0 minutes", { ...VALID, profile: { ...BASE_RULES, burnRateWindows: [{ windowMinutes: 0, budgetPercent: 2 }] } }, "profile.burnRateWindows[0].windowMinutes:"],
    ["a burn share above 100 %", { ...VALID, profile: { ...BASE_RULES, burnRateWindows: [{ windowMinutes: 60, budgetPercent: 120 }] } }, "profile.burnRateWindows[0].budgetPercent:"],
    ["five burn windows", { ...VALID, profile: { ...BASE_RULES, burnRateWindows: [1, 2, 3, 4, 5].map((windowMinutes) => ({ windowMinutes, budgetPercent: 2 })) } }, "profile.burnRateWindows:"],
    ["a negative budget figure", withTimeline(1, { burn: [{ windowMinutes: 60, spentPercent: -1 }] }), "timeline[1].burn[0].spentPercent:"],
    ["a figure for the same window twice", withTimeline(1, { burn: [{ windowMinutes: 60, spentPercent: 1 }, { windowMinutes: 60, spentPercent: 2 }] }), "timeline[1].burn:"],
    ["a missing object", { ...VALID, object: undefined }, "object:"],
    ["an unknown object type", { ...VALID, object: { ...VALID.object, type: "Host" } }, "object.type:"],
    ["an unknown trigger", { ...VALID, profile: { ...BASE_RULES, triggers: ["offline", "down"] } }, "profile.triggers[1]:"],
    ["alert from 0", { ...VALID, profile: { ...BASE_RULES, alertFrom: 0 } }, "profile.alertFrom:"],
    ["a fractional interval", { ...VALID, profile: { ...BASE_RULES, renotifyMinutes: 1.5 } }, "profile.renotifyMinutes:"],
    ["an unknown time period", { ...VALID, profile: { ...BASE_RULES, timePeriod: "weekends" } }, "profile.timePeriod:"],
    [
      "an unknown time zone",
      { ...VALID, profile: { ...BASE_RULES, timePeriod: { timeZone: "Mars/Base", ranges: {} } } },
      "profile.timePeriod",
    ],
    ["an empty timeline", { ...VALID, timeline: [] }, "timeline:"],
    ["a time that is not a whole minute", withTimeline(1, { at: "2026-11-22T10:05:30Z" }), "timeline[1].at:"],
    ["a time that is not ISO 8601", withTimeline(0, { at: "yesterday" }), "timeline[0].at:"],
    ["an unknown state", withTimeline(1, { state: "DOWN" }), "timeline[1].state:"],
    ["a state of the other object type", withTimeline(1, { state: "FAILED" }), "timeline[1].state:"],
    ["availability above 100", withTimeline(0, { availability: 101 }), "timeline[0].availability:"],
    ["a missing impacted flag", withTimeline(0, { impacted: undefined }), "timeline[0].impacted:"],
    ["entries out of order", withTimeline(1, { at: "2026-11-22T09:00:00Z" }), "timeline[1].at:"],
    ["until before the first entry", { ...VALID, until: "2026-11-22T09:00:00Z" }, "until:"],
  ])("rejects %s, naming the field", (_name, input, prefix) => {
    const parsed = parseSimulationInput(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.startsWith(prefix)).toBe(true);
      expect(parsed.error).not.toContain("\n");
    }
  });
});
