/**
 * Rows in PostgreSQL's COPY text format (tab-separated, one row a line, \N for NULL), the fastest
 * way to load many rows on PostgreSQL and PGlite alike (SqlConnection.copyIn).
 */
export type CopyValue = string | number | boolean | null | readonly string[];

const SPECIAL = /[\\\n\r\t]/;

function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\n\r\t]/g, (char) => (char === "\\" ? "\\\\" : char === "\n" ? "\\n" : char === "\r" ? "\\r" : "\\t"));
}

const ARRAY_ELEMENT_SPECIAL = /[\\"]/;

/** A text[] literal: every element quoted, so commas, braces, spaces and the word NULL stay text. */
function arrayLiteral(items: readonly string[]): string {
  if (items.length === 0) return "{}";
  return `{${items.map((item) => `"${ARRAY_ELEMENT_SPECIAL.test(item) ? item.replace(/[\\"]/g, (char) => `\\${char}`) : item}"`).join(",")}}`;
}

function field(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeText(value);
  return escapeText(arrayLiteral(value));
}

/** One row, ending with its newline. */
export function copyTextRow(values: readonly CopyValue[]): string {
  return `${values.map(field).join("\t")}\n`;
}

/** Every item as one row; joined once at the end, which V8 builds faster than a growing string. */
export function copyTextRows<Item>(items: readonly Item[], values: (item: Item) => readonly CopyValue[]): string {
  const lines = new Array<string>(items.length);
  for (let index = 0; index < items.length; index++) lines[index] = copyTextRow(values(items[index]));
  return lines.join("");
}

const DAY_MS = 86_400_000;
/** The last moment toISOString writes with a four-digit year. */
const LAST_FOUR_DIGIT_YEAR_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, "0"));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, value) => String(value).padStart(3, "0"));
/** "YYYY-MM-DD " by day since the epoch: a row's date is formatted once per day, not once per row. */
const datePrefixes = new Map<number, string>();

/** A timestamp (without time zone) column's value for epoch milliseconds, in UTC like the rest of the store. */
export function copyTimestamp(epochMs: number): string {
  // Date#toISOString costs microseconds, which 100,000 rows turn into a large share of a COPY's preparation.
  if (!Number.isInteger(epochMs) || epochMs < 0 || epochMs > LAST_FOUR_DIGIT_YEAR_MS) {
    return new Date(epochMs).toISOString().slice(0, 23).replace("T", " ");
  }
  const day = Math.floor(epochMs / DAY_MS);
  let prefix = datePrefixes.get(day);
  if (prefix === undefined) {
    if (datePrefixes.size >= 4096) datePrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11).replace("T", " ");
    datePrefixes.set(day, prefix);
  }
  const ofDay = epochMs - day * DAY_MS;
  const milliseconds = ofDay % 1000;
  const seconds = Math.floor(ofDay / 1000);
  return `${prefix}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[milliseconds]}`;
}
