import { z } from "zod";

import { ValidationError } from "../errors/app-error";
export interface ListPaging {
  page: number;
  rows: number;
  /** Case-insensitive part of the name. */
  name?: string;
}

export interface ListQuery extends ListPaging {
  /** Only objects in one of these states. */
  status: string[];
}

export const DEFAULT_ROWS = 50;
export const MAX_ROWS = 1000;

const listQuery = z.object({
  page: z.coerce.number().int().min(1, "page must be 1 or more").default(1),
  rows: z.coerce.number().int().min(1, "rows must be 1 or more").max(MAX_ROWS, `rows must be at most ${MAX_ROWS}`).default(DEFAULT_ROWS),
  name: z.string().trim().min(1).optional(),
});

/** The paging parameters every list takes: page, rows and a name filter. */
export function parseListPaging(url: URL): ListPaging {
  const parsed = listQuery.safeParse({
    page: url.searchParams.get("page") ?? undefined,
    rows: url.searchParams.get("rows") ?? undefined,
    name: url.searchParams.get("name") ?? undefined,
  });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

/** Opsview's list parameters: page, rows, a name filter and status (repeatable or comma-separated). */
export function parseListQuery(url: URL, allowedStatuses: readonly string[]): ListQuery {
  const paging = parseListPaging(url);
  const status = url.searchParams.getAll("status").flatMap((value) => value.split(",")).map((value) => value.trim().toUpperCase()).filter(Boolean);
  const unknown = status.filter((value) => !allowedStatuses.includes(value));
  if (unknown.length > 0) throw new ValidationError(`unknown status ${unknown.join(", ")}; use ${allowedStatuses.join(", ")}`);
  return { ...paging, status };
}

export interface PageSummary {
  page: number;
  rows: number;
  totalpages: number;
  totalrows: number;
}

/** One page of items already filtered, in the lists' envelope. */
export function pageOf<T>(items: readonly T[], { page, rows }: Pick<ListPaging, "page" | "rows">): { list: T[]; summary: PageSummary } {
  const start = (page - 1) * rows;
  return { list: items.slice(start, start + rows), summary: { page, rows, totalpages: Math.max(1, Math.ceil(items.length / rows)), totalrows: items.length } };
}

export interface Page<T> {
  list: T[];
  summary: PageSummary;
  /** When the monitoring source stopped answering (ISO time; the states are the last known ones), null while fresh. */
  stale_since: string | null;
}

/** Filters and pages the items into Opsview's envelope, with the data's staleness beside it. */
export function applyListQuery<T extends { name: string; status: string }>(items: readonly T[], query: ListQuery, staleSince: string | null): Page<T> {
  const needle = query.name?.toLowerCase();
  const filtered = items.filter(
    (item) => (needle === undefined || item.name.toLowerCase().includes(needle)) && (query.status.length === 0 || query.status.includes(item.status)),
  );
  return { ...pageOf(filtered, query), stale_since: staleSince };
}
