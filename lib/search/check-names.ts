import type { PrismaClient } from "@prisma/client";

/** Check name → the names of the hosts that have a check of that name, in name order. */
export type CheckIndex = ReadonlyMap<string, readonly string[]>;

const cache = new WeakMap<PrismaClient, { maxId: number | null; index: Promise<CheckIndex> }>();

async function readCheckIndex(prisma: PrismaClient): Promise<CheckIndex> {
  const rows = await prisma.$queryRaw<{ name: string; host: string }[]>`
    SELECT c.name, h.name AS host FROM "ServiceCheck" c JOIN "Host" h ON h.id = c."hostId" ORDER BY h.name COLLATE "C"`;
  const index = new Map<string, string[]>();
  for (const row of rows) {
    const hosts = index.get(row.name);
    if (hosts) hosts.push(row.host);
    else index.set(row.name, [row.host]);
  }
  return index;
}

/**
 * Which hosts have which checks, read again only when a check has been added (the highest id moved;
 * read from the primary key's index). Matching the query against some 35,000 check rows took most
 * of a search's time; the distinct check names are few. A check deleted since may stay listed
 * until then: its row is simply not found when its state is read.
 */
export async function loadCheckIndex(prisma: PrismaClient): Promise<CheckIndex> {
  const [{ maxId }] = await prisma.$queryRaw<{ maxId: number | null }[]>`SELECT max(id) AS "maxId" FROM "ServiceCheck"`;
  const cached = cache.get(prisma);
  if (cached && cached.maxId === maxId) return cached.index;
  const index = readCheckIndex(prisma);
  cache.set(prisma, { maxId, index });
  index.catch(() => {
    if (cache.get(prisma)?.index === index) cache.delete(prisma);
  });
  return index;
}
