import { describe, expect, it } from "vitest";
import { describePlan, describeProblems } from "./plan-text";

describe("the plan in words", () => {
  it("lists each object with its action and sums them up, leaving out empty kinds", () => {
    const plan = {
      components: [
        { name: "Db", action: "create" as const },
        { name: "Web", action: "kept" as const },
      ],
      businessServices: [],
      problems: [{ path: "components[0].hosts[1]", message: 'no monitored host is named "web-9"' }],
    };
    expect(describePlan(plan)).toBe("Components:\n  create    Db\n  kept      Web\n1 to create, 0 to update, 0 to delete, 0 unchanged, 1 kept.\n");
    expect(describeProblems(plan)).toBe('components[0].hosts[1]: no monitored host is named "web-9"\n');
  });
});
