import { describe, expect, it } from "vitest";
import { investigatePath, parseInvestigateTarget, storedObjectOf } from "./investigate-target";

describe("investigate targets", () => {
  it.each([
    [["service", "12"], { kind: "service", id: 12 }],
    [["component", "3"], { kind: "component", id: 3 }],
    [["host", "3", "web 01"], { kind: "host", componentId: 3, host: "web 01" }],
  ])("parse %j", (segments, target) => {
    expect(parseInvestigateTarget(segments)).toEqual(target);
  });

  it.each([[[]], [["service"]], [["service", "0"]], [["service", "x"]], [["service", "1", "extra"]], [["host", "1"]], [["host", "1", ""]], [["cluster", "1"]]])(
    "reject %j",
    (segments) => {
      expect(parseInvestigateTarget(segments)).toBeNull();
    },
  );

  it("round-trips through its path and names its stored object", () => {
    const target = { kind: "host", componentId: 7, host: "db/1" } as const;
    expect(investigatePath(target)).toBe("/bsm/investigate/host/7/db%2F1");
    const segments = investigatePath(target).split("/").slice(3).map(decodeURIComponent);
    expect(parseInvestigateTarget(segments)).toEqual(target);
    expect(storedObjectOf(target)).toEqual({ objectType: "COMPONENT_HOST", objectKey: "7:db/1" });
  });
});
