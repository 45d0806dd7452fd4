import { describe, expect, it } from "vitest";
import { GAP, TILE_ASPECT, bestGrid, fitTileWidth, kioskLayout, tileWindow } from "./tile-layout";

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

describe("kioskLayout", () => {
  it("puts ten services on one 1080p page in a 4 × 3 grid, content more than twice the normal size", () => {
    const layout = kioskLayout(10, 1920, 1040);
    expect(layout).toMatchObject({ perPage: 10, pages: 1, columns: 4, rows: 3 });
    expect(layout.scale).toBeGreaterThan(2);
  });

  it("scales the same grid twice as large on a 4K screen", () => {
    const fullHd = kioskLayout(10, 1920, 1040);
    const ultraHd = kioskLayout(10, 3840, 2080);
    expect(ultraHd).toMatchObject({ perPage: 10, pages: 1, columns: fullHd.columns, rows: fullHd.rows });
    expect(ultraHd.scale).toBeCloseTo(2 * fullHd.scale, 1);
  });

  it("spreads more services than fit evenly over pages, every page readable", () => {
    const layout = kioskLayout(120, 1920, 1040);
    // 1.2 × (200 × 120) tiles: 7 columns of 248 px, 6 rows of 152 px; 42 a page.
    expect(layout.pages).toBe(3);
    expect(layout.perPage).toBe(40);
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(40);
    expect(layout.scale).toBeGreaterThanOrEqual(1.2);
  });

  it("pages a small screen a few tiles at a time", () => {
    // 2 columns of 248 px and 2 rows of 152 px: 4 a page, 10 services on 3 pages of 4, 4 and 2.
    expect(kioskLayout(10, 560, 320)).toMatchObject({ pages: 3, perPage: 4 });
  });

  it("keeps at least one tile a page when the area is tiny, and one page when there is nothing", () => {
    expect(kioskLayout(3, 100, 50)).toMatchObject({ perPage: 1, pages: 3 });
    expect(kioskLayout(0, 1920, 1080)).toMatchObject({ perPage: 1, pages: 1 });
  });

  it("caps the content scale for a single service on a large screen", () => {
    expect(kioskLayout(1, 3840, 2160)).toMatchObject({ columns: 1, rows: 1, scale: 8 });
  });
});

describe("bestGrid", () => {
  it("lays three or four dashlets on a wide screen two by two, and seven three by three", () => {
    expect(bestGrid(4, 1920, 1040, { width: 480, height: 320 })).toMatchObject({ columns: 2, rows: 2 });
    // Three side by side would be 634 px wide: narrower than half the width is worth.
    expect(bestGrid(3, 1920, 1040, { width: 480, height: 320 })).toMatchObject({ columns: 2, rows: 2 });
    expect(bestGrid(7, 1920, 1040, { width: 480, height: 320 })).toMatchObject({ columns: 3, rows: 3 });
  });
});
