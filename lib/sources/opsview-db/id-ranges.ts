/** A range of object ids: from (inclusive) to (exclusive); a null bound is open. */
export type IdRange = [from: number | null, to: number | null];

/**
 * `parts` ranges that together cover every id, split evenly between the lowest and highest id seen
 * (`bounds`: a MIN, MAX row). The first starts and the last ends open, so an id outside the bounds
 * (a check added since they were read) still falls in one; without usable bounds, one open range.
 */
export function objectIdRanges(bounds: readonly unknown[] | undefined, parts: number): IdRange[] {
  const [low, high] = (bounds ?? []).map(Number);
  const span = high - low;
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || parts < 2 || span < parts) return [[null, null]];
  const splits = Array.from({ length: parts - 1 }, (_, index) => low + Math.round((span * (index + 1)) / parts));
  return [null, ...splits].map((from, index): IdRange => [from, splits[index] ?? null]);
}
