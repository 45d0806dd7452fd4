import { Prisma, type PrismaClient } from "@prisma/client";
import { packsLargeReads, readRows } from "./direct-read";

/**
 * readRows for reads of thousands of rows. On PGlite, whose protocol parser spends 8–20 µs a row (a copy
 * and a text decode per field, an object per row), the database builds one JSON array of them, parsed
 * here in one go; elsewhere (PostgreSQL's driver reads rows faster than the server builds the JSON) the
 * rows come as they are. Only for columns of text, numbers and booleans: packed, a timestamp would
 * arrive as text and a bigint as a number that may be rounded.
 */
export async function readPackedRows<Row>(prisma: PrismaClient | Prisma.TransactionClient, query: Prisma.Sql): Promise<Row[]> {
  if (!packsLargeReads(prisma)) return readRows<Row>(prisma, query);
  const [packed] = await readRows<{ rows: Row[] }>(prisma, Prisma.sql`SELECT coalesce(json_agg(packed), '[]'::json) AS rows FROM (${query}) packed`);
  return packed.rows;
}
