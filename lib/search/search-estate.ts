import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { Access } from "../auth/access";
import { hostVisibilityCondition } from "../connector/host-visibility";
import { containsPattern } from "../connector/table-query";
import { ValidationError } from "../errors/app-error";
import { readStoredFlags } from "../status/stored-statuses";
import { storableText } from "../validation/fields";
import { loadCheckIndex } from "./check-names";
import { rankMatches } from "./rank";
import { componentPath, hostPath, servicePath } from "./result-links";
import { MAX_QUERY_LENGTH, type SearchResults } from "./search-results";

export const DEFAULT_PER_KIND = 5;
export const MAX_PER_KIND = 20;

export interface SearchQuery {
  q: string;
  limit: number;
}

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${MAX_PER_KIND}`;
const searchQuerySchema = z.object({
  q: storableText()
    .trim()
    .min(1, "q (what to search for) must not be empty")
    .max(MAX_QUERY_LENGTH, `q (what to search for) must be at most ${MAX_QUERY_LENGTH} characters`),
  limit: z.coerce.number({ error: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(MAX_PER_KIND, LIMIT_MESSAGE).default(DEFAULT_PER_KIND),
});

/** ?q= (required) and ?limit= (results per kind); 400 with a plain message otherwise. */
export function parseSearchQuery(url: URL): SearchQuery {
  const q = url.searchParams.get("q");
  if (q === null) throw new ValidationError("q (what to search for) is required");
  const parsed = searchQuerySchema.safeParse({ q, limit: url.searchParams.get("limit") ?? undefined });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

/**
 * The SQL form of rank.ts's order for one name column, with the query as $2 (lower case) and the
 * word-start pattern as $3: the LIMIT then keeps exactly the matches rankMatches would put first.
 */
function rankedOrder(column: string): string {
  return `CASE WHEN starts_with(lower(${column}), $2) THEN 0 WHEN ${column} ~* $3 THEN 1 ELSE 2 END,
          length(${column}), lower(${column}) COLLATE "C", ${column} COLLATE "C"`;
}

/** A case-insensitive regular expression for the query at the start of a word (after anything but a letter or digit). */
function wordStartPattern(query: string): string {
  return `(^|[^[:alnum:]])${query.replace(/[^\p{L}\p{N}]/gu, (character) => `\\${character}`)}`;
}

interface NamedRow {
  id: number;
  name: string;
  state: string | null;
  acknowledged: boolean | null;
  impacted: boolean | null;
}

interface HostRow {
  name: string;
  hasElement: boolean;
  componentIds: number[];
  worstCheckState: string | null;
  checks: number;
  checksNotOk: number;
}

interface CheckRow {
  name: string;
  host: string;
  state: string;
  acknowledged: boolean;
  inDowntime: boolean;
  hasElement: boolean;
  componentIds: number[];
}

/** How many (host, check) candidates the first read of check states looks at; each further read, four times more. */
const FIRST_CHECK_CANDIDATES = 100;

/**
 * Checks on hosts the user may see whose name matches: best check name first (rankMatches over the
 * distinct names), then by host name. Candidates from the check index are read in growing batches,
 * with the host rule in SQL, until `limit` are found: one small read for most users.
 */
async function searchChecks(prisma: PrismaClient, access: Access, q: string, limit: number): Promise<CheckRow[]> {
  const hostVisibility = hostVisibilityCondition(access, 4);
  if (hostVisibility.sql === "FALSE") return [];
  const index = await loadCheckIndex(prisma);
  const candidates = rankMatches([...index.keys()], q, (name) => name, Number.MAX_SAFE_INTEGER).flatMap((name) =>
    (index.get(name) ?? []).map((host) => ({ host, name })),
  );
  const found: CheckRow[] = [];
  for (let start = 0, size = FIRST_CHECK_CANDIDATES; start < candidates.length && found.length < limit; start += size, size *= 4) {
    const batch = candidates.slice(start, start + size);
    found.push(
      ...(await prisma.$queryRawUnsafe<CheckRow[]>(
        `SELECT c.name, h.name AS host, c.state::text AS state, c.acknowledged, c."inDowntime",
                EXISTS (SELECT 1 FROM "HostElement" e WHERE e.host = h.name) AS "hasElement",
                ARRAY(SELECT ch."componentId" FROM "ComponentHost" ch WHERE ch."hostId" = h.id ORDER BY ch."componentId") AS "componentIds"
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS candidate(host, name, position)
         JOIN "Host" h ON h.name = candidate.host
         JOIN "ServiceCheck" c ON c."hostId" = h.id AND c.name = candidate.name
         WHERE h."removedAt" IS NULL AND ${hostVisibility.sql}
         ORDER BY candidate.position LIMIT $3`,
        batch.map((candidate) => candidate.host),
        batch.map((candidate) => candidate.name),
        limit - found.length,
        ...hostVisibility.params,
      )),
    );
  }
  return found;
}

const CHECK_SEVERITY_ORDER = `CASE sc.state WHEN 'CRITICAL' THEN 0 WHEN 'UNKNOWN' THEN 1 WHEN 'WARNING' THEN 2 ELSE 3 END`;

function flagsDetail(flags: { acknowledged: boolean; impacted?: boolean; inDowntime?: boolean }): string | null {
  const marks = [flags.acknowledged && "acknowledged", flags.impacted && "impacted", flags.inDowntime && "in downtime"].filter(Boolean);
  return marks.length > 0 ? marks.join(", ") : null;
}

/**
 * Business services, components, hosts and service checks whose name holds the query, only those
 * the user may see (the same Access and host rule as every view: access.canSeeService /
 * canSeeComponent, and hostVisibilityCondition for hosts and checks of hosts), best matches first, at most `limit` of each.
 */
export async function searchEstate(prisma: PrismaClient, access: Access, { q, limit }: SearchQuery): Promise<SearchResults> {
  const empty: SearchResults = { query: q, service: [], component: [], host: [], check: [] };
  if (!access.has("bsm")) return empty;
  const matchParams = [containsPattern(q), q.toLowerCase(), wordStartPattern(q), limit];
  const hostVisibility = hostVisibilityCondition(access, matchParams.length + 1);
  const firstVisibleComponent = (componentIds: number[]) => componentIds.find((id) => access.canSeeComponent(id)) ?? null;

  // Candidates in rank order, in growing batches, kept when the user may see them (Access decides,
  // as on every view): an administrator's first batch is enough; sending every visible id (5,000
  // components) to the database cost more than the search.
  const bsmObjects = async (table: "BusinessService" | "Component", objectType: "BUSINESS_SERVICE" | "COMPONENT", canSee: (id: number) => boolean) => {
    const found: NamedRow[] = [];
    for (let offset = 0, size = 4 * limit; found.length < limit; offset += size, size *= 4) {
      const rows = await prisma.$queryRawUnsafe<NamedRow[]>(
        `WITH matched AS (
           SELECT o.id, o.name FROM "${table}" o WHERE o.name ILIKE $1
           ORDER BY ${rankedOrder("o.name")} LIMIT $4 OFFSET $5)
         SELECT m.id, m.name, st.state::text AS state, st.acknowledged, st.impacted
         FROM matched m LEFT JOIN "BsmObjectStatus" st ON st."objectType" = '${objectType}'::"BsmObjectType" AND st."objectKey" = m.id::text`,
        matchParams[0],
        matchParams[1],
        matchParams[2],
        size,
        offset,
      );
      found.push(...rows.filter((row) => canSee(row.id)));
      if (rows.length < size) break;
    }
    return found;
  };

  const [services, components, hosts, checks] = await Promise.all([
    bsmObjects("BusinessService", "BUSINESS_SERVICE", access.canSeeService),
    bsmObjects("Component", "COMPONENT", access.canSeeComponent),
    prisma.$queryRawUnsafe<HostRow[]>(
      `WITH matched AS (
         SELECT h.id, h.name FROM "Host" h
         WHERE h."removedAt" IS NULL AND h.name ILIKE $1 AND ${hostVisibility.sql}
         ORDER BY ${rankedOrder("h.name")} LIMIT $4)
       SELECT m.name,
              EXISTS (SELECT 1 FROM "HostElement" e WHERE e.host = m.name) AS "hasElement",
              ARRAY(SELECT ch."componentId" FROM "ComponentHost" ch WHERE ch."hostId" = m.id ORDER BY ch."componentId") AS "componentIds",
              (SELECT sc.state::text FROM "ServiceCheck" sc WHERE sc."hostId" = m.id ORDER BY ${CHECK_SEVERITY_ORDER} LIMIT 1) AS "worstCheckState",
              (SELECT count(*) FROM "ServiceCheck" sc WHERE sc."hostId" = m.id)::int AS checks,
              (SELECT count(*) FROM "ServiceCheck" sc WHERE sc."hostId" = m.id AND sc.state <> 'OK')::int AS "checksNotOk"
       FROM matched m`,
      ...matchParams,
      ...hostVisibility.params,
    ),
    searchChecks(prisma, access, q, limit),
  ]);

  const name = (hit: { name: string }) => hit.name;
  return {
    query: q,
    service: rankMatches(services, q, name, limit).map((row) => {
      const flags = readStoredFlags("BUSINESS_SERVICE", row);
      return { kind: "service", key: String(row.id), name: row.name, state: flags.state, detail: flagsDetail(flags), href: servicePath(row.id) };
    }),
    component: rankMatches(components, q, name, limit).map((row) => {
      const flags = readStoredFlags("COMPONENT", row);
      return { kind: "component", key: String(row.id), name: row.name, state: flags.state, detail: flagsDetail(flags), href: componentPath(row.id) };
    }),
    host: rankMatches(hosts, q, name, limit).map((row) => ({
      kind: "host",
      key: row.name,
      name: row.name,
      state: row.worstCheckState ?? "No checks",
      detail: row.checks === 0 ? null : row.checksNotOk === 0 ? `all ${row.checks} checks OK` : `${row.checksNotOk} of ${row.checks} checks not OK`,
      href: hostPath({ name: row.name, hasElement: row.hasElement, visibleComponentId: firstVisibleComponent(row.componentIds) }),
    })),
    check: checks.map((row) => ({
      kind: "check",
      key: JSON.stringify([row.host, row.name]),
      name: row.name,
      state: row.state,
      detail: [`on ${row.host}`, flagsDetail(row)].filter(Boolean).join(", "),
      href: hostPath({ name: row.host, hasElement: row.hasElement, visibleComponentId: firstVisibleComponent(row.componentIds) }),
    })),
  };
}
