import { describe, expect, it } from "vitest";
import { GAP, TILE_ASPECT, fitTileWidth, tileWindow } from "./tile-layout";

describe("fitTileWidth", () => {
  it("chooses the largest tile at which every tile fits, and the minimum when they cannot", () => {
    expect(fitTileWidth(4, 1000, 1000)).toBe(220);
    const width = fitTileWidth(60, 1200, 800);
    expect(width).toBeGreaterThan(120);
    const columns = Math.floor((1200 + GAP) / (width + GAP));
    expect(Math.ceil(60 / columns) * (width * TILE_ASPECT + GAP)).toBeLessThanOrEqual(800);
    const larger = width + 4;
    const largerColumns = Math.floor((1200 + GAP) / (larger + GAP));
    expect(Math.ceil(60 / largerColumns) * (larger * TILE_ASPECT + GAP)).toBeGreaterThan(800);
    expect(fitTileWidth(1000, 1200, 400)).toBe(120);
  });
});

describe("tileWindow", () => {
  const layout = { width: 1000, height: 400, tileWidth: 104, scrollTop: 0 };
  // 1000 + 8 over 104 + 8: 9 columns; rows of round(104 × 0.7) + 8 = 81 px.

  it("renders a first batch before the area is measured", () => {
    expect(tileWindow(1000, null)).toMatchObject({ first: 0, end: 80, rowsBefore: 0, rowsAfter: 0 });
    expect(tileWindow(10, null)).toMatchObject({ first: 0, end: 10 });
  });

  it("renders the visible rows and three more below at the top", () => {
    // 400 px show rows 0–4 (ceil(400 / 81) = 5), plus 3: rows 0–7, 72 tiles.
    expect(tileWindow(1000, layout)).toEqual({ first: 0, end: 72, columns: 9, rowHeight: 81, rowsBefore: 0, rowsAfter: 112 - 8 });
  });

  it("keeps the total height when scrolled: rows above and below stand in as padding", () => {
    const shown = tileWindow(1000, { ...layout, scrollTop: 81 * 50 + 10 });
    // Row 50 is at the top, 4,460 px the bottom edge: rows 47 to 58 (ceil(4460 / 81) = 56, plus 3).
    expect(shown).toMatchObject({ first: 47 * 9, end: 59 * 9, rowsBefore: 47 });
    expect(shown.rowsBefore + (shown.end - shown.first) / 9 + shown.rowsAfter).toBe(Math.ceil(1000 / 9));
  });

  it("ends at the last tile, whose row may be part full", () => {
    const shown = tileWindow(1000, { ...layout, scrollTop: 81 * 200 });
    expect(shown).toMatchObject({ end: 1000, rowsAfter: 0 });
    expect(shown.first % 9).toBe(0);
  });

  it("renders everything when it all fits", () => {
    expect(tileWindow(10, { ...layout, tileWidth: 220 })).toMatchObject({ first: 0, end: 10, rowsBefore: 0, rowsAfter: 0 });
  });
});
