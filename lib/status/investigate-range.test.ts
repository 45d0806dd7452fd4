import { describe, expect, it } from "vitest";
import { figuresOfProblemPeriods } from "../history";
import { bucketOf } from "./investigate-range";

const HOUR = 3_600_000;

describe("a chart bucket", () => {
  it("is no data when the whole bucket lies before the object existed", () => {
    const figures = figuresOfProblemPeriods([], { from: 0, to: HOUR }, { createdAt: 2 * HOUR });
    expect(bucketOf(figures)).toMatchObject({ availability: null });
  });

  it("keeps the figure when the object existed for part of it", () => {
    const figures = figuresOfProblemPeriods([{ from: HOUR / 2, to: (3 * HOUR) / 4, state: "FAILED" }], { from: 0, to: HOUR }, { createdAt: HOUR / 2 });
    const bucket = bucketOf(figures);
    expect(bucket.availability).not.toBeNull();
    expect(bucket.failedMs).toBe(HOUR / 4);
  });
});
