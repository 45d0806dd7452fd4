import { z } from "zod";

import { ValidationError } from "../errors/app-error";
export interface ListQuery {
  page: number;
  rows: number;
  /** Case-insensitive part of the name. */
  name?: string;
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

/** Opsview's list parameters: page, rows, a name filter and status (repeatable or comma-separated). */
export function parseListQuery(url: URL, allowedStatuses: readonly string[]): ListQuery {
  const parsed = listQuery.safeParse({
    page: url.searchParams.get("page") ?? undefined,
    rows: url.searchParams.get("rows") ?? undefined,
    name: url.searchParams.get("name") ?? undefined,
  });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue) => issue.message).join("; "));
  const status = url.searchParams.getAll("status").flatMap((value) => value.split(",")).map((value) => value.trim().toUpperCase()).filter(Boolean);
  const unknown = status.filter((value) => !allowedStatuses.includes(value));
  if (unknown.length > 0) throw new ValidationError(`unknown status ${unknown.join(", ")}; use ${allowedStatuses.join(", ")}`);
  return { ...parsed.data, status };
}

export interface Page<T> {
  list: T[];
  summary: { page: number; rows: number; totalpages: number; totalrows: number };
  /** When the monitoring source stopped answering (ISO time; the states are the last known ones), null while fresh. */
  stale_since: string | null;
}

/** Filters and pages the items into Opsview's envelope, with the data's staleness beside it. */
export function applyListQuery<T extends { name: string; status: string }>(items: readonly T[], query: ListQuery, staleSince: string | null): Page<T> {
  const needle = query.name?.toLowerCase();
  const filtered = items.filter(
    (item) => (needle === undefined || item.name.toLowerCase().includes(needle)) && (query.status.length === 0 || query.status.includes(item.status)),
  );
  const start = (query.page - 1) * query.rows;
  return {
    list: filtered.slice(start, start + query.rows),
    summary: { page: query.page, rows: query.rows, totalpages: Math.max(1, Math.ceil(filtered.length / query.rows)), totalrows: filtered.length },
    stale_since: staleSince,
  };
}
