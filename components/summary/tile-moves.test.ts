import { describe, expect, it } from "vitest";
import { tileMoves } from "./tile-moves";

const at = (entries: [string, number, number][]) => new Map(entries.map(([key, left, top]) => [key, { left, top }]));

describe("tileMoves", () => {
  it("slides a tile from where it was to where it is", () => {
    expect(tileMoves(at([["a", 0, 0], ["b", 100, 0]]), at([["a", 100, 0], ["b", 0, 0]]))).toEqual([
      { key: "a", dx: -100, dy: 0 },
      { key: "b", dx: 100, dy: 0 },
    ]);
  });

  it("leaves tiles that stayed, and tiles that are new, alone", () => {
    expect(tileMoves(at([["a", 0, 0]]), at([["a", 0.5, 0], ["c", 200, 0]]))).toEqual([]);
  });
});
