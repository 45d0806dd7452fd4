import { describe, expect, it } from "vitest";
import type { ReflectionMode } from "../reflect";
import { planMembership, requiredOnlineError } from "./plan-membership";

// Members 1, 2, 3; the rule now matches 2, 3, 4: host 4 is Detected, host 1 Removed.
const members = [1, 2, 3];
const matching = [2, 3, 4];

describe("planMembership: the mode table (docs/membership-rules.md §2)", () => {
  it.each<[ReflectionMode, number[], number[], string[]]>([
    ["MANUAL", [], [], ["DETECTED 4", "REMOVED 1"]],
    ["SEMI_AUTOMATIC", [4], [], ["REMOVED 1"]],
    ["AUTOMATIC", [4], [1], []],
  ])("in %s mode a gained host is added %j, a lost one removed %j, and %j wait for review", (mode, add, remove, pending) => {
    const plan = planMembership({ mode, requiredOnline: 2, members, matching });
    expect(plan.add).toEqual(add);
    expect(plan.remove).toEqual(remove);
    expect(plan.pending.map((change) => `${change.kind} ${change.hostId}`)).toEqual(pending);
    expect(plan.pending.every((change) => change.error === null)).toBe(true);
  });

  it("a rule that matches exactly the members changes nothing in any mode", () => {
    for (const mode of ["MANUAL", "SEMI_AUTOMATIC", "AUTOMATIC"] as const) {
      expect(planMembership({ mode, requiredOnline: 3, members, matching: [3, 1, 2] })).toEqual({ add: [], remove: [], pending: [] });
    }
  });

  it("new members keep the rule's order and come after the present ones", () => {
    expect(planMembership({ mode: "AUTOMATIC", requiredOnline: 0, members: [5], matching: [9, 5, 7] }).add).toEqual([9, 7]);
  });
});

describe("planMembership: R stays valid", () => {
  it("Automatic mode removes nothing when the removals would leave fewer hosts than R, and says why on each", () => {
    const plan = planMembership({ mode: "AUTOMATIC", requiredOnline: 3, members, matching: [3] });
    expect(plan.remove).toEqual([]);
    expect(plan.pending).toEqual([
      { hostId: 1, kind: "REMOVED", error: requiredOnlineError(1, 3) },
      { hostId: 2, kind: "REMOVED", error: requiredOnlineError(1, 3) },
    ]);
  });

  it("hosts added in the same poll count towards R", () => {
    const plan = planMembership({ mode: "AUTOMATIC", requiredOnline: 3, members, matching });
    expect(plan).toEqual({ add: [4], remove: [1], pending: [] });
  });

  it("in Manual mode pending additions do not count: the removal carries the error", () => {
    const plan = planMembership({ mode: "MANUAL", requiredOnline: 3, members, matching });
    expect(plan.pending).toEqual([
      { hostId: 4, kind: "DETECTED", error: null },
      { hostId: 1, kind: "REMOVED", error: requiredOnlineError(2, 3) },
    ]);
  });

  it("Semi-Automatic removals wait for review, with the error when they would break R", () => {
    expect(planMembership({ mode: "SEMI_AUTOMATIC", requiredOnline: 3, members, matching: [] }).pending.map((change) => change.error)).toEqual([
      requiredOnlineError(0, 3),
      requiredOnlineError(0, 3),
      requiredOnlineError(0, 3),
    ]);
  });

  it("a removal down to exactly R is allowed", () => {
    expect(planMembership({ mode: "AUTOMATIC", requiredOnline: 2, members, matching: [1, 2] }).remove).toEqual([3]);
  });

  it("the message names what is left and what is required", () => {
    expect(requiredOnlineError(1, 2)).toBe("Removing would leave 1 host, fewer than the 2 required online: lower Required online first");
  });
});
