import { z } from "zod";

// Fields every input schema shares, so that what PostgreSQL cannot store is refused as bad input
// (a field error, HTTP 400) before it reaches the database (which would fail with a 500).

/** The largest PostgreSQL `integer` (int4): every id column of the schema. */
export const INT4_MAX = 2_147_483_647;

const NUL = /\u0000/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const STORABLE_TEXT_MESSAGE = "must not contain NUL or unpaired surrogate characters";

/** Text PostgreSQL can store: no NUL character (refused in `text`) and valid UTF-16 (no unpaired surrogate). */
export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !UNPAIRED_SURROGATE.test(value);
}

/** A string schema that refuses NUL and unpaired surrogates; chain .trim(), .min(), .max() as usual. */
export function storableText() {
  return z.string().refine(isStorableText, { message: STORABLE_TEXT_MESSAGE, abort: true });
}

/** A row id: a whole number from 1 to the int4 maximum. */
export function recordId() {
  return z.number().int().min(1).max(INT4_MAX, "is not an id");
}

export function isRecordId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= INT4_MAX;
}

/** An id from a URL path or query: decimal digits without a leading zero, within int4; otherwise null. */
export function parseIdSegment(segment: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= INT4_MAX ? id : null;
}
