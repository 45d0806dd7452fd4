import { describe, expect, it } from "vitest";
import { objectIdRanges } from "./id-ranges";

/** Which range of `ranges` holds `id` (each range: from inclusive, to exclusive, null open). */
const rangesHolding = (ranges: ReturnType<typeof objectIdRanges>, id: number) =>
  ranges.filter(([from, to]) => (from === null || id >= from) && (to === null || id < to)).length;

describe("objectIdRanges", () => {
  it("splits the span evenly, with open outer ends", () => {
    expect(objectIdRanges([100, 200], 2)).toEqual([
      [null, 150],
      [150, null],
    ]);
    expect(objectIdRanges([0, 90], 3)).toEqual([
      [null, 30],
      [30, 60],
      [60, null],
    ]);
  });

  it("puts every id, inside the bounds or not, in exactly one range", () => {
    const ranges = objectIdRanges([17, 1_000_003], 4);
    for (const id of [-5, 0, 16, 17, 18, 250_000, 250_013, 500_009, 999_999, 1_000_003, 2_000_000]) expect(rangesHolding(ranges, id)).toBe(1);
  });

  it("reads one open range without bounds, with one part, or with fewer ids than parts", () => {
    expect(objectIdRanges(undefined, 2)).toEqual([[null, null]]);
    expect(objectIdRanges([null, null], 2)).toEqual([[null, null]]);
    expect(objectIdRanges([5, 900], 1)).toEqual([[null, null]]);
    expect(objectIdRanges([5, 6], 2)).toEqual([[null, null]]);
  });

  it("takes the bounds as the driver gives them, numbers or numeric strings", () => {
    expect(objectIdRanges(["10", "30"], 2)).toEqual([
      [null, 20],
      [20, null],
    ]);
  });
});
