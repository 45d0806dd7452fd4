import type { PGlite } from "@electric-sql/pglite";
import type { Prisma, PrismaClient } from "@prisma/client";
import type pg from "pg";

type Reader = (query: Prisma.Sql) => Promise<Record<string, unknown>[]>;

const readers = new WeakMap<object, Reader>();
const packingClients = new WeakSet<object>();

const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const INT8 = 20;

// What Prisma's $queryRaw makes of these types: a timestamp without time zone is UTC (the drivers
// would read it in the process's zone), a bigint a BigInt.
const parseUtcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const parseTimestampTz = (text: string) => new Date(text);
const parseBigInt = (text: string) => BigInt(text);
const PARSERS: Record<number, (text: string) => unknown> = { [TIMESTAMP]: parseUtcTimestamp, [TIMESTAMPTZ]: parseTimestampTz, [INT8]: parseBigInt };

/**
 * Reads on a PostgreSQL pool, with Prisma's types for timestamps and bigints (pg's own parsers, given
 * by lib/db/client.ts, for the rest: this module imports nothing at run time, as pages' client code reaches it).
 */
export function poolReader(pool: pg.Pool, pgTypes: typeof pg.types): Reader {
  const types = { getTypeParser: (oid: number) => PARSERS[oid] ?? pgTypes.getTypeParser(oid, "text") } as pg.CustomTypesConfig;
  const name = statementNames();
  return async (query) => (await pool.query({ name: name(query.text), text: query.text, values: query.values, types })).rows as Record<string, unknown>[];
}

/** How many distinct statements each connection keeps prepared; past that, statements are planned per call. */
const PREPARED_STATEMENTS = 100;

/**
 * A name per statement text, so each connection prepares it once and PostgreSQL keeps its plan:
 * planning these joins took longer than running them. Texts come from a few call sites; should
 * there ever be more than PREPARED_STATEMENTS, the rest go unnamed.
 */
function statementNames(): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < PREPARED_STATEMENTS) {
      name = `bsm_read_${names.size}`;
      names.set(text, name);
    }
    return name;
  };
}

/** Reads on PGlite, with Prisma's types for timestamps and bigints. */
export function pgliteReader(pglite: PGlite): Reader {
  return async (query) => (await pglite.query<Record<string, unknown>>(query.text, query.values, { parsers: PARSERS })).rows;
}

/**
 * Lets readRows go straight to the driver for this client (lib/db/client.ts, for every database it opens).
 * `packLargeReads`: reads of many rows are cheaper as one JSON value on this driver (lib/db/packed-rows).
 */
export function registerDirectReader(prisma: PrismaClient, read: Reader, options: { packLargeReads?: boolean } = {}): void {
  readers.set(prisma, read);
  if (options.packLargeReads) packingClients.add(prisma);
}

/** Whether reads of many rows on this client should come as one JSON value (registerDirectReader). */
export function packsLargeReads(prisma: PrismaClient | Prisma.TransactionClient): boolean {
  return packingClients.has(prisma);
}

/**
 * The rows of a query outside a transaction (a read, or a read that also records, through a
 * data-modifying WITH), as prisma.$queryRaw would return them (timestamps as UTC Dates,
 * bigints as BigInt; other types as the driver reads them: cast counts to int, avoid numeric), but
 * straight through the database's own driver when the client is one lib/db opened: the hot read
 * paths (every API request's caller check and status resources) run a few short queries, and
 * Prisma's raw query costs about a millisecond of CPU more per query than the driver.
 * A transaction client, or one opened elsewhere, reads through Prisma.
 */
export async function readRows<Row>(prisma: PrismaClient | Prisma.TransactionClient, query: Prisma.Sql): Promise<Row[]> {
  const read = readers.get(prisma);
  if (read === undefined) return prisma.$queryRaw<Row[]>(query);
  return (await read(query)) as Row[];
}
