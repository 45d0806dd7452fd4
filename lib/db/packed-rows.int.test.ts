import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { packsLargeReads, readRows } from "./direct-read";
import { readPackedRows } from "./packed-rows";

// Text of every awkward kind, whole and fractional numbers (epoch milliseconds with microseconds), booleans and nulls.
const rows = Prisma.sql`
  SELECT * FROM (VALUES
    (1, 'plain', 1733011200123.456::float8, true, NULL::text),
    (2, E'line\\nbreak, "quotes", back\\\\slash, tab\\t', -0.5::float8, false, 'x'),
    (3, 'ünïcödé ✓ 𝄞', 99.999::float8, NULL::boolean, '')
  ) AS t(n, label, share, yes, maybe)`;

describe.each(RUNTIMES)("readPackedRows on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { migrate: false });

  it("reads the rows readRows reads, in the query's order", async () => {
    const { prisma } = await freshDatabase();
    const ordered = Prisma.sql`${rows} ORDER BY n DESC`;
    const packed = await readPackedRows<Record<string, unknown>>(prisma, ordered);
    expect(packed).toEqual(await readRows(prisma, ordered));
    expect(packed.map((row) => row.n)).toEqual([3, 2, 1]);
    expect(packed[1]).toMatchObject({ label: 'line\nbreak, "quotes", back\\slash, tab\t', share: -0.5 });
  });

  it("packs the rows on PGlite only", async () => {
    const { prisma } = await freshDatabase();
    expect(packsLargeReads(prisma)).toBe(runtime === "pglite");
  });

  it("reads no rows as an empty list", async () => {
    const { prisma } = await freshDatabase();
    expect(await readPackedRows(prisma, Prisma.sql`${rows} WHERE n > 10`)).toEqual([]);
  });

  it("reads the same inside a transaction, through Prisma", async () => {
    const { prisma } = await freshDatabase();
    const packed = await prisma.$transaction((tx) => readPackedRows<Record<string, unknown>>(tx, rows));
    expect(packed).toEqual(await readRows(prisma, rows));
  });
});
