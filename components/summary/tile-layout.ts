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

/** A wall-screen page: how many tiles each page holds, how many pages, the grid, and how much the tile content is scaled. */
export interface KioskLayout {
  perPage: number;
  pages: number;
  columns: number;
  rows: number;
  /** Tile content is drawn for KIOSK_TILE and zoomed by this factor; the tiles themselves fill their cells. */
  scale: number;
}

/** A tile's content (name, state, how long, availability) at scale 1. */
export const KIOSK_TILE = { width: 200, height: 120 } as const;
export const KIOSK_GAP = 8;
/** Read from across a room: at least 1.2 × the normal size at 1080p, and proportionally more on larger screens. */
const KIOSK_MIN_SCALE = 1.2;
const KIOSK_REFERENCE = { width: 1920, height: 1080 } as const;
/** A single service on a 4K screen would otherwise get letters a quarter of the screen high. */
const KIOSK_MAX_SCALE = 8;

/**
 * The grid for `count` equal cells in a `width` × `height` area whose cells let content drawn at `tile`
 * size grow largest, and that growth (`scale`). The cells fill the area whatever their shape.
 */
export function bestGrid(count: number, width: number, height: number, tile: { width: number; height: number } = KIOSK_TILE) {
  const scaleWith = (columns: number) => {
    const rows = Math.ceil(Math.max(1, count) / columns);
    const cellWidth = (width - (columns - 1) * KIOSK_GAP) / columns;
    const cellHeight = (height - (rows - 1) * KIOSK_GAP) / rows;
    return { columns, rows, scale: Math.min(cellWidth / tile.width, cellHeight / tile.height) };
  };
  let best = scaleWith(1);
  for (let columns = 2; columns <= count; columns++) {
    const candidate = scaleWith(columns);
    if (candidate.scale > best.scale) best = candidate;
  }
  return best;
}

/**
 * The wall-screen grid for `count` tiles in a `width` × `height` area: as few pages as keep the text
 * readable, tiles spread evenly over them, and the grid whose cells let the content grow largest.
 */
export function kioskLayout(count: number, width: number, height: number): KioskLayout {
  const minScale = KIOSK_MIN_SCALE * Math.max(1, Math.min(width / KIOSK_REFERENCE.width, height / KIOSK_REFERENCE.height));
  const fitting = (size: number, tile: number) => Math.max(1, Math.floor((size + KIOSK_GAP) / (tile * minScale + KIOSK_GAP)));
  const capacity = fitting(width, KIOSK_TILE.width) * fitting(height, KIOSK_TILE.height);
  const pages = Math.max(1, Math.ceil(count / capacity));
  const perPage = Math.max(1, Math.ceil(count / pages));
  const best = bestGrid(perPage, width, height);
  return { perPage, pages, columns: best.columns, rows: best.rows, scale: Math.max(0.5, Math.min(KIOSK_MAX_SCALE, best.scale)) };
}
