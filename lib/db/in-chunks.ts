/**
 * Most values one `in:` list carries. A statement takes at most 32,767 bind parameters (PostgreSQL and
 * PGlite), one per value of the list, and Prisma splits a long list only for a plain findMany: with
 * orderBy, in a count, updateMany, deleteMany, a relation filter or an OR it fails with P2029. Room is
 * left for the rest of the query.
 */
export const IN_LIST_LIMIT = 10_000;

/**
 * The rows `query` returns for `items`, asked a slice of at most `size` items at a time, one slice
 * after another (in a transaction the queries share one connection), in the order of the slices.
 */
export async function inChunks<Item, Row>(items: readonly Item[], query: (chunk: Item[]) => Promise<Row[]>, size: number = IN_LIST_LIMIT): Promise<Row[]> {
  if (!(Number.isInteger(size) && size > 0)) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const rows: Row[] = [];
  for (let start = 0; start < items.length; start += size) {
    for (const row of await query(items.slice(start, start + size))) rows.push(row);
  }
  return rows;
}

/** The sum of what `count` returns for slices of `items` (rows counted, updated or deleted), as inChunks asks. */
export async function countInChunks<Item>(items: readonly Item[], count: (chunk: Item[]) => Promise<number>, size: number = IN_LIST_LIMIT): Promise<number> {
  const counts = await inChunks(items, async (chunk) => [await count(chunk)], size);
  return counts.reduce((total, each) => total + each, 0);
}
