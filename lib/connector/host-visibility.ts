import type { Prisma, PrismaClient } from "@prisma/client";
import type { Access } from "../auth/access";

/**
 * The SQL form of access.canSeeHost for paginated tables: true when every host is visible, otherwise a
 * condition on "Host" aliased `h` (a keyword in common, or a host group in common and, when the role
 * chooses service groups, no check of the host outside them), with its JSON parameters.
 */
export function hostVisibilityCondition(access: Access, firstParam: number): { sql: string; params: string[] } {
  const { grants } = access;
  if (!access.has("bsm")) return { sql: "FALSE", params: [] };
  if (grants.isAdmin || grants.viewAll) return { sql: "TRUE", params: [] };
  const byKeyword = `EXISTS (SELECT 1 FROM jsonb_array_elements_text($${firstParam + 1}::jsonb) k(name) WHERE k.name = ANY(h.keywords))`;
  const byHostGroup = `EXISTS (SELECT 1 FROM jsonb_array_elements_text($${firstParam}::jsonb) g(name) WHERE g.name = ANY(h."hostGroups"))`;
  const params = [JSON.stringify(grants.hostGroups), JSON.stringify(grants.keywords)];
  if (grants.allServiceGroups) return { sql: `(${byHostGroup} OR ${byKeyword})`, params };
  const everyCheckInGrantedGroup = `NOT EXISTS (SELECT 1 FROM "ServiceCheck" sc WHERE sc."hostId" = h.id
       AND NOT (COALESCE(sc."serviceGroups", '{}') && ARRAY(SELECT jsonb_array_elements_text($${firstParam + 2}::jsonb))))`;
  return {
    sql: `(${byKeyword} OR (${byHostGroup} AND ${everyCheckInGrantedGroup}))`,
    params: [...params, JSON.stringify(grants.serviceGroups)],
  };
}

/**
 * Which of these hosts the user may see, by the rule of the Overview and Hosts tables: hosts in no
 * component count too (access.canSeeHost knows only hosts that are in some component).
 */
export async function visibleHostNames(db: PrismaClient | Prisma.TransactionClient, access: Access, names: readonly string[]): Promise<Set<string>> {
  const visibility = hostVisibilityCondition(access, 2);
  if (names.length === 0 || visibility.sql === "FALSE") return new Set();
  if (visibility.sql === "TRUE") return new Set(names);
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT h.name FROM "Host" h WHERE h.name = ANY($1::text[]) AND ${visibility.sql}`,
    [...names],
    ...visibility.params,
  );
  return new Set(rows.map((row) => row.name));
}
