import Link from "next/link";
import type { TablePage, TableQuery } from "@/lib/connector";

/** The URL of a server-side table with some of its query changed; the defaults are left out. */
export function tableHref<Column extends string>(basePath: string, query: TableQuery<Column>, change: Partial<TableQuery<Column>>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  params.set("sort", next.sort);
  params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  return `${basePath}?${params.toString()}`;
}

export function SearchForm({ basePath, query, label }: { basePath: string; query: TableQuery<string>; label: string }) {
  return (
    <form action={basePath} method="get" role="search" className="flex items-center gap-2">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <label className="sr-only" htmlFor={`${basePath}-search`}>
        {label}
      </label>
      <input
        id={`${basePath}-search`}
        type="search"
        name="q"
        defaultValue={query.q}
        placeholder={label}
        className="w-72 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm"
      />
      <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
        Search
      </button>
    </form>
  );
}

export function SortableHeader<Column extends string>({
  basePath,
  query,
  column,
  children,
}: {
  basePath: string;
  query: TableQuery<Column>;
  column: Column;
  children: string;
}) {
  const active = query.sort === column;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th className="px-4 py-2 font-medium" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={tableHref(basePath, query, { sort: column, dir, page: 1 })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {children}
        <span aria-hidden className="text-xs">{active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </th>
  );
}

export function Pagination<Column extends string>({ basePath, query, page, what }: { basePath: string; query: TableQuery<Column>; page: TablePage<unknown>; what: string }) {
  return (
    <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm text-slate-600">
      <span data-testid="table-count">
        {page.total} {what}, page {page.page} of {page.pageCount}
      </span>
      {page.page > 1 && (
        <Link href={tableHref(basePath, query, { page: page.page - 1 })} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
          Previous
        </Link>
      )}
      {page.page < page.pageCount && (
        <Link href={tableHref(basePath, query, { page: page.page + 1 })} className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
          Next
        </Link>
      )}
    </nav>
  );
}
