import { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { RUNTIMES, freshDatabaseOpener } from "@/tests/support/databases";
import { readRows } from "./direct-read";

// One row of every type the hot reads return, and the parameters they pass (text, int[] and text[] arrays).
const query = (names: string[]) => Prisma.sql`
  SELECT TIMESTAMP '2026-12-01 10:20:30.456' AS stamp, TIMESTAMPTZ '2026-12-01 10:20:30.456+02' AS "stampTz", NULL::timestamp AS "noStamp",
         9007199254740993::bigint AS big, 42::int AS small, 99.25::float8 AS share, true AS yes,
         ARRAY['a', 'b c']::text[] AS list, '{}'::text[] AS "emptyList", '{"n": 1, "s": [2]}'::jsonb AS document, json_build_object('x', 1) AS built,
         ${names[0]}::text AS first, array_length(${names}::text[], 1) AS given, 3 = ANY(${[1, 2, 3]}::int[]) AS found`;

describe.each(RUNTIMES)("readRows on %s", (runtime) => {
  const freshDatabase = freshDatabaseOpener(runtime, { migrate: false });
  const zone = process.env.TZ;
  afterEach(() => {
    process.env.TZ = zone;
  });

  it("reads what prisma.$queryRaw reads", async () => {
    const { prisma } = await freshDatabase();
    const names = ["o'neil", "x"];
    const direct = await readRows<Record<string, unknown>>(prisma, query(names));
    expect(direct).toEqual(await prisma.$queryRaw(query(names)));
    expect(direct[0]).toMatchObject({ big: 9007199254740993n, first: "o'neil", given: 2, found: true });
  });

  // On PostgreSQL each connection prepares a statement once (by name) and runs it again with other values.
  it("runs the same statement again with other values", async () => {
    const { prisma } = await freshDatabase();
    const statement = (id: number) => Prisma.sql`SELECT ${id}::int * 2 AS doubled`;
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((id) => readRows<{ doubled: number }>(prisma, statement(id))));
    expect(answers.map(([row]) => row.doubled)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]);
    expect(await readRows(prisma, statement(50))).toEqual([{ doubled: 100 }]);
  });

  // A timestamp without time zone is UTC (as Prisma's models store it), whatever the process's zone.
  it("reads timestamps as UTC in any time zone of the process", async () => {
    const { prisma } = await freshDatabase();
    process.env.TZ = "America/New_York";
    const [row] = await readRows<Record<string, unknown>>(prisma, query(["x"]));
    expect(row).toMatchObject({ stamp: new Date("2026-12-01T10:20:30.456Z"), stampTz: new Date("2026-12-01T08:20:30.456Z"), noStamp: null });
  });

  it("reads through Prisma inside a transaction", async () => {
    const { prisma } = await freshDatabase();
    const rows = await prisma.$transaction(async (tx) => {
      await tx.$executeRaw`CREATE TEMP TABLE seen (n int) ON COMMIT DROP`;
      await tx.$executeRaw`INSERT INTO seen VALUES (7)`;
      return readRows<{ n: number }>(tx, Prisma.sql`SELECT n FROM seen`);
    });
    expect(rows).toEqual([{ n: 7 }]);
  });
});
