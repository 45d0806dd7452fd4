// How a name matches what the user typed, and which matches come first. Pure: the API's SQL
// (search-estate.ts) orders its candidates the same way so that its LIMIT keeps the best ones.

/** 0: the name starts with the query; 1: a later word of it does; 2: it holds the query anywhere else. */
export type MatchRank = 0 | 1 | 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** How well `name` matches `query` (case-insensitive), or null when it does not hold it at all. */
export function matchRank(name: string, query: string): MatchRank | null {
  const haystack = name.toLowerCase();
  const needle = query.toLowerCase();
  if (needle.length === 0) return null;
  let at = haystack.indexOf(needle);
  if (at === -1) return null;
  if (at === 0) return 0;
  for (; at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!LETTER_OR_DIGIT.test(haystack[at - 1]!)) return 1;
  }
  return 2;
}

/** Better match first, then the shorter name (closer to what was typed), then by name. */
function compareMatches(a: { rank: MatchRank; name: string }, b: { rank: MatchRank; name: string }): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.name.length !== b.name.length) return a.name.length - b.name.length;
  const [lowerA, lowerB] = [a.name.toLowerCase(), b.name.toLowerCase()];
  if (lowerA !== lowerB) return lowerA < lowerB ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The items whose name matches the query, best first, at most `limit` of them. Items with equal
 * names keep their given order (the caller's tie-break, e.g. a check's host).
 */
export function rankMatches<Item>(items: readonly Item[], query: string, nameOf: (item: Item) => string, limit: number): Item[] {
  return items
    .flatMap((item, index) => {
      const name = nameOf(item);
      const rank = matchRank(name, query);
      return rank === null ? [] : [{ item, name, rank, index }];
    })
    .sort((a, b) => compareMatches(a, b) || a.index - b.index)
    .slice(0, limit)
    .map((match) => match.item);
}
