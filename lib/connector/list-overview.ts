import type { PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";
import type { ReflectStatus } from "../reflect";
import { hostVisibilityCondition } from "./host-visibility";
import { containsPattern, PAGE_SIZE, tableQuerySchema, type TablePage, type TableQuery } from "./table-query";

export const OVERVIEW_COLUMNS = ["host", "type", "status", "export", "element"] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];
export const overviewQuerySchema = tableQuerySchema(OVERVIEW_COLUMNS);

const ORDER_BY: Record<OverviewColumn, string> = {
  host: `r.host`,
  type: `r."hostType"`,
  status: `r.status`,
  export: `r."exportEnabled"`,
  element: `e."hostType" IS NOT NULL`,
};

export interface OverviewRow {
  host: string;
  hostType: string;
  removed: boolean;
  exportEnabled: boolean;
  status: ReflectStatus;
  pending: boolean;
  message: string | null;
  elementType: string | null;
}

export interface OverviewPage extends TablePage<OverviewRow> {
  /** Pending hosts the user may see, in the whole table: what Reflect All would act on. */
  pendingTotal: number;
}

/** The Overview table: one page of the hosts the user may see, searched by host name or type. */
export async function listOverview(prisma: PrismaClient, access: Access, query: TableQuery<OverviewColumn>): Promise<OverviewPage> {
  const visibility = hostVisibilityCondition(access, 2);
  const visible = `FROM "ReflectedHost" r LEFT JOIN "HostElement" e ON e.host = r.host LEFT JOIN "Host" h ON h.name = r.host WHERE ${visibility.sql}`;
  const matches = `(r.host ILIKE $1 OR r."hostType" ILIKE $1)`;
  const from = `${visible} AND ${matches}`;
  const params = [containsPattern(query.q), ...visibility.params];
  const [counts] = await prisma.$queryRawUnsafe<{ total: bigint | number; pending: bigint | number }[]>(
    `SELECT COUNT(*) FILTER (WHERE ${matches}) AS total, COUNT(*) FILTER (WHERE r.pending) AS pending ${visible}`,
    ...params,
  );
  const total = Number(counts?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const direction = query.dir === "desc" ? "DESC" : "ASC";
  const rows = await prisma.$queryRawUnsafe<OverviewRow[]>(
    `SELECT r.host, r."hostType", r.removed, r."exportEnabled", r.status::text AS status, r.pending, r.message, e."hostType" AS "elementType"
     ${from} ORDER BY ${ORDER_BY[query.sort]} ${direction}, r.host ${direction} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    ...params,
  );
  return { rows, total, page, pageCount, pendingTotal: Number(counts?.pending ?? 0) };
}
