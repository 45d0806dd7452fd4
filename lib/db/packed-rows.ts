import { Prisma, type PrismaClient } from "@prisma/client";
import { readRows } from "./direct-read";

/**
 * readRows for reads of thousands of rows: the database builds one JSON array of them, parsed here in one
 * go. PGlite's protocol parser spends 8–20 µs a row (a copy and a text decode per field, an object per
 * row); one JSON value costs a fraction of that, and no more on PostgreSQL. Only for columns of text,
 * numbers and booleans: a timestamp would arrive as text, a bigint as a number that may be rounded.
 */
export async function readPackedRows<Row>(prisma: PrismaClient | Prisma.TransactionClient, query: Prisma.Sql): Promise<Row[]> {
  const [packed] = await readRows<{ rows: Row[] }>(prisma, Prisma.sql`SELECT coalesce(json_agg(packed), '[]'::json) AS rows FROM (${query}) packed`);
  return packed.rows;
}
