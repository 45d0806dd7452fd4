import { describe, expect, it } from "vitest";
import { describeCyclePhases, describePollCycle, roundCyclePhases } from "./cycle-cost";

describe("cycle cost", () => {
  it("rounds each phase to whole milliseconds", () => {
    expect(roundCyclePhases({ readMs: 12.4, evaluateMs: 0.6, storeMs: 7.5 })).toEqual({ readMs: 12, evaluateMs: 1, storeMs: 8 });
  });

  it("describes the phases in reading order", () => {
    expect(describeCyclePhases({ readMs: 1203.7, evaluateMs: 41.2, storeMs: 0.2 })).toBe("read 1204 ms, evaluate 41 ms, store 0 ms");
  });

  it.each([
    [{ read: "changes", checksWritten: 51, statusChanges: 2 }, "Poll: changes, 51 checks written, 2 status changes, read 12 ms, evaluate 1 ms, store 8 ms"],
    [{ read: "full", checksWritten: 1, statusChanges: 1 }, "Poll: full, 1 check written, 1 status change, read 12 ms, evaluate 1 ms, store 8 ms"],
    [{ read: "changes", checksWritten: 0, statusChanges: 0 }, "Poll: changes, 0 checks written, 0 status changes, read 12 ms, evaluate 1 ms, store 8 ms"],
  ] as const)("logs one compact line per cycle: %o", (cycle, line) => {
    expect(describePollCycle({ ...cycle, phases: { readMs: 12, evaluateMs: 1, storeMs: 8 } })).toBe(line);
  });
});
