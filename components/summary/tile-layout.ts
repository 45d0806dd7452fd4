/** The tile area's inner size, the tile width chosen for it, and how far it is scrolled. */
export interface TileLayout {
  width: number;
  height: number;
  tileWidth: number;
  scrollTop: number;
}

const MIN_TILE = 120;
const MAX_TILE = 220;
export const GAP = 8;
export const TILE_ASPECT = 0.7;

/** The largest tile width (within limits) at which every tile fits the area; below the minimum it scrolls. */
export function fitTileWidth(count: number, width: number, height: number): number {
  if (count === 0 || width <= 0) return MAX_TILE;
  for (let tile = MAX_TILE; tile > MIN_TILE; tile -= 4) {
    const columns = Math.max(1, Math.floor((width + GAP) / (tile + GAP)));
    const rows = Math.ceil(count / columns);
    if (rows * (tile * TILE_ASPECT + GAP) <= height) return tile;
  }
  return MIN_TILE;
}

/** Tiles rendered before the area has been measured (and on the server): more than a screen holds. */
const FIRST_RENDER_TILES = 80;
/** Rows of tiles rendered above and below the visible ones, so a scroll shows no gap. */
const OVERSCAN_ROWS = 3;

/**
 * Which tiles to render: those in the visible rows and a few around them. A thousand tiles would
 * each be a button with a menu, and rendering them all made the Summary slow to start and repaint.
 */
export function tileWindow(
  count: number,
  layout: TileLayout | null,
): { first: number; end: number; columns: number; rowHeight: number; rowsBefore: number; rowsAfter: number } {
  if (layout === null || layout.width <= 0) return { first: 0, end: Math.min(count, FIRST_RENDER_TILES), columns: 1, rowHeight: 0, rowsBefore: 0, rowsAfter: 0 };
  const columns = Math.max(1, Math.floor((layout.width + GAP) / (layout.tileWidth + GAP)));
  const rowHeight = Math.round(layout.tileWidth * TILE_ASPECT) + GAP;
  const rows = Math.ceil(count / columns);
  const firstRow = Math.max(0, Math.floor(layout.scrollTop / rowHeight) - OVERSCAN_ROWS);
  const endRow = Math.min(rows, Math.ceil((layout.scrollTop + layout.height) / rowHeight) + OVERSCAN_ROWS);
  return {
    first: firstRow * columns,
    end: Math.min(count, endRow * columns),
    columns,
    rowHeight,
    rowsBefore: firstRow,
    rowsAfter: Math.max(0, rows - endRow),
  };
}
