export interface TilePosition {
  left: number;
  top: number;
}

export interface TileMove {
  key: string;
  /** Where the tile was, relative to where it is now. */
  dx: number;
  dy: number;
}

/**
 * The tiles that moved between two layouts, for a FLIP animation: each starts where it was and slides
 * to where it is. Tiles new to the layout, and moves under a pixel, do not animate. Positions are layout
 * offsets (offsetLeft/offsetTop): in the tiles' own zoomed pixels, as a transform is, and unaffected by a
 * slide still running.
 */
export function tileMoves(before: ReadonlyMap<string, TilePosition>, after: ReadonlyMap<string, TilePosition>): TileMove[] {
  const moves: TileMove[] = [];
  for (const [key, now] of after) {
    const then = before.get(key);
    if (!then) continue;
    const dx = then.left - now.left;
    const dy = then.top - now.top;
    if (Math.abs(dx) >= 1 || Math.abs(dy) >= 1) moves.push({ key, dx, dy });
  }
  return moves;
}
