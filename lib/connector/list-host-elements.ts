import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import type { ReflectStatus } from "../reflect";
import { hostVisibilityCondition } from "./host-visibility";
import { containsPattern, PAGE_SIZE, tableQuerySchema, type TablePage, type TableQuery } from "./table-query";

export const HOST_ELEMENT_COLUMNS = ["host", "type", "status", "checks", "problems", "created"] as const;
export type HostElementColumn = (typeof HOST_ELEMENT_COLUMNS)[number];
export const hostElementQuerySchema = tableQuerySchema(HOST_ELEMENT_COLUMNS);

const ORDER_BY: Record<HostElementColumn, string> = {
  host: `e.host`,
  type: `e."hostType"`,
  status: `r.status`,
  checks: `checks`,
  problems: `problems`,
  created: `e."createdAt"`,
};

export interface HostElementRow {
  host: string;
  /** The host type the element was made for. */
  elementType: string;
  status: ReflectStatus;
  pending: boolean;
  removed: boolean;
  createdAt: Date;
  checks: number;
  /** Checks not OK. */
  problems: number;
}

/** The Hosts page: one page of the host elements the user may see. */
export async function listHostElements(prisma: PrismaClient, access: Access, query: TableQuery<HostElementColumn>): Promise<TablePage<HostElementRow>> {
  const visibility = hostVisibilityCondition(access, 2);
  const from = `FROM "HostElement" e JOIN "ReflectedHost" r ON r.host = e.host LEFT JOIN "Host" h ON h.name = e.host
    WHERE (e.host ILIKE $1 OR e."hostType" ILIKE $1) AND ${visibility.sql}`;
  const params = [containsPattern(query.q), ...visibility.params];
  const [count] = await prisma.$queryRawUnsafe<{ total: bigint | number }[]>(`SELECT COUNT(*) AS total ${from}`, ...params);
  const total = Number(count?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const direction = query.dir === "desc" ? "DESC" : "ASC";
  const rows = await prisma.$queryRawUnsafe<(Omit<HostElementRow, "checks" | "problems"> & { checks: bigint | number; problems: bigint | number })[]>(
    `SELECT e.host, e."hostType" AS "elementType", r.status::text AS status, r.pending, r.removed, e."createdAt",
       (SELECT COUNT(*) FROM "ServiceCheck" c WHERE c."hostId" = h.id) AS checks,
       (SELECT COUNT(*) FROM "ServiceCheck" c WHERE c."hostId" = h.id AND c.state <> 'OK') AS problems
     ${from} ORDER BY ${ORDER_BY[query.sort]} ${direction}, e.host ${direction} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    ...params,
  );
  return { rows: rows.map((row) => ({ ...row, checks: Number(row.checks), problems: Number(row.problems) })), total, page, pageCount };
}
