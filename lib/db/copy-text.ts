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

/** A text[] literal: every element quoted, so commas, braces, spaces and the word NULL stay text. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/[\\"]/g, (char) => `\\${char}`)}"`).join(",")}}`;
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
  let line = "";
  for (let index = 0; index < values.length; index++) line += (index === 0 ? "" : "\t") + field(values[index]);
  return `${line}\n`;
}

/** A timestamp (without time zone) column's value for epoch milliseconds, in UTC like the rest of the store. */
export function copyTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 23).replace("T", " ");
}
