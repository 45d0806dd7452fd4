import { describe, expect, it } from "vitest";
import { segmentsOfStoredTimeline, storedTimelineOf } from "./stored-timeline";

const FROM = 1_000;
const TO = 10_000;

describe("stored timeline", () => {
  it("turns the initial state and the changes into segments over the window", () => {
    expect(segmentsOfStoredTimeline({ initial: "FAILED", changes: [[4_000, "OPERATIONAL"], [7_000, "DOWNTIME"]] }, FROM, TO)).toEqual([
      { from: FROM, to: 4_000, state: "FAILED" },
      { from: 4_000, to: 7_000, state: "OPERATIONAL" },
      { from: 7_000, to: TO, state: "DOWNTIME" },
    ]);
  });

  it("is one segment when nothing changed in the window", () => {
    expect(segmentsOfStoredTimeline({ initial: "OFFLINE", changes: [] }, FROM, TO)).toEqual([{ from: FROM, to: TO, state: "OFFLINE" }]);
  });

  it("ignores changes outside the window and changes to the state already held", () => {
    const stored = { initial: "OPERATIONAL", changes: [[500, "FAILED"], [2_000, "OPERATIONAL"], [3_000, "FAILED"], [12_000, "OPERATIONAL"]] };
    expect(segmentsOfStoredTimeline(stored, FROM, TO)).toEqual([
      { from: FROM, to: 3_000, state: "OPERATIONAL" },
      { from: 3_000, to: TO, state: "FAILED" },
    ]);
  });

  it("is null for nothing stored or something unreadable", () => {
    expect(segmentsOfStoredTimeline(null, FROM, TO)).toBeNull();
    expect(segmentsOfStoredTimeline({ initial: "BROKEN", changes: [] }, FROM, TO)).toBeNull();
    expect(segmentsOfStoredTimeline({ initial: "FAILED", changes: [["soon", "OPERATIONAL"]] }, FROM, TO)).toBeNull();
    expect(segmentsOfStoredTimeline({ initial: "FAILED" }, FROM, TO)).toBeNull();
  });

  it("stores segments as the state at the start and the changes, which read back the same", () => {
    const segments = [
      { from: FROM, to: 5_000, state: "OPERATIONAL" as const },
      { from: 5_000, to: TO, state: "FAILED" as const },
    ];
    expect(storedTimelineOf(segments)).toEqual({ initial: "OPERATIONAL", changes: [[5_000, "FAILED"]] });
    expect(segmentsOfStoredTimeline(storedTimelineOf(segments), FROM, TO)).toEqual(segments);
  });
});
