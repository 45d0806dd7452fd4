// Timestamps in hand-written SQL. Columns are `timestamp without time zone` holding UTC (as Prisma writes them).

/** SQL for the UTC timestamp of an epoch-milliseconds expression (a parameter like `$3`, or a column). */
export function utcFromEpochMs(expression: string): string {
  return `(to_timestamp(${expression} / 1000.0) AT TIME ZONE 'UTC')`;
}

/** SQL for a timestamp column as epoch milliseconds: a plain number in every driver, no Date per row. */
export function epochMsOf(column: string): string {
  return `(extract(epoch from ${column}) * 1000)::float8`;
}
