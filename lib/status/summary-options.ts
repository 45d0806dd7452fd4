import { compareForSummary } from "../bsm";
import { isServiceState } from "./bsm-object";
import type { BusinessServiceStatusView } from "./list-business-service-statuses";

export const SORT_FIELDS = ["status", "availability", "name"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export const STATUS_FILTERS = ["", "OFFLINE", "DOWNTIME", "IMPACTED", "OPERATIONAL"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** What the Summary shows; on the Summary page it lives in the URL so a view can be bookmarked. */
export interface SummaryOptions {
  sort: SortField;
  descending: boolean;
  name: string;
  status: StatusFilter;
  gridHidden: boolean;
}

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = { sort: "status", descending: false, name: "", status: "", gridHidden: false };

export function summaryOptionsFromParams(params: { get(name: string): string | null }): SummaryOptions {
  const sort = params.get("sort");
  const status = params.get("status") ?? "";
  return {
    sort: (SORT_FIELDS as readonly string[]).includes(sort ?? "") ? (sort as SortField) : "status",
    descending: params.get("dir") === "desc",
    name: params.get("q") ?? "",
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StatusFilter) : "",
    gridHidden: params.get("grid") === "hidden",
  };
}

/** Only what differs from the defaults, so a plain Summary keeps a plain URL. */
export function summaryOptionsToParams(options: SummaryOptions): URLSearchParams {
  const params = new URLSearchParams();
  if (options.name) params.set("q", options.name);
  if (options.status) params.set("status", options.status);
  if (options.sort !== "status") params.set("sort", options.sort);
  if (options.descending) params.set("dir", "desc");
  if (options.gridHidden) params.set("grid", "hidden");
  return params;
}

export function matchesFilters(service: BusinessServiceStatusView, options: Pick<SummaryOptions, "name" | "status">): boolean {
  if (options.name && !service.name.toLowerCase().includes(options.name.toLowerCase())) return false;
  switch (options.status) {
    case "":
      return true;
    case "IMPACTED":
      return service.impacted;
    case "OPERATIONAL":
      return service.state === "OPERATIONAL" && !service.impacted;
    default:
      return service.state === options.status;
  }
}

function compareNames(a: BusinessServiceStatusView, b: BusinessServiceStatusView): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Grid order. "status" is the Summary order (problems first); ties fall back to it. */
export function sortForGrid(
  services: readonly BusinessServiceStatusView[],
  availability: Readonly<Record<string, number>> | undefined,
  sort: SortField,
  descending: boolean,
): BusinessServiceStatusView[] {
  const availabilityOf = (service: BusinessServiceStatusView) => availability?.[service.id] ?? 100;
  const compare =
    sort === "name"
      ? compareNames
      : sort === "availability"
        ? (a: BusinessServiceStatusView, b: BusinessServiceStatusView) => availabilityOf(a) - availabilityOf(b) || compareForSummary(a, b)
        : compareForSummary;
  const sorted = [...services].sort(compare);
  return descending ? sorted.reverse() : sorted;
}

export interface ServiceStatusChange {
  objectType: string;
  objectKey: string;
  state: string;
  acknowledged: boolean;
  impacted: boolean;
}

/**
 * The list with the live event's business-service changes applied, back in Summary order. Only
 * services already listed change (the list is what the user may see); unchanged ones keep their
 * identity so their tiles do not re-render. Counts catch up on the refetch that follows. A new state
 * starts at the event's time (`at`, epoch ms), as the poller stores it.
 */
export function applyServiceChanges(
  services: readonly BusinessServiceStatusView[],
  changes: readonly ServiceStatusChange[],
  at: number,
): BusinessServiceStatusView[] {
  const byId = new Map(changes.filter((change) => change.objectType === "BUSINESS_SERVICE").map((change) => [change.objectKey, change]));
  if (byId.size === 0) return services as BusinessServiceStatusView[];
  let changed = false;
  const next = services.map((service) => {
    const change = byId.get(service.id);
    if (!change || !isServiceState(change.state)) return service;
    if (change.state === service.state && change.acknowledged === service.acknowledged && change.impacted === service.impacted) return service;
    changed = true;
    const stateSince = change.state === service.state ? service.stateSince : new Date(at).toISOString();
    return { ...service, state: change.state, acknowledged: change.acknowledged, impacted: change.impacted, stateSince };
  });
  return changed ? next.sort(compareForSummary) : (services as BusinessServiceStatusView[]);
}

/** Rows per grid page: a thousand rows would cost more to render than anyone reads. */
export const GRID_PAGE_SIZE = 50;

export interface GridPage {
  /** Zero-based; the last page when the rows shrank below the one requested. */
  page: number;
  pages: number;
  /** The page's rows are [first, end). */
  first: number;
  end: number;
}

/** Which rows a page of the grid holds; an empty grid still has one (empty) page. */
export function gridPage(rowCount: number, requestedPage: number, pageSize = GRID_PAGE_SIZE): GridPage {
  const pages = Math.max(1, Math.ceil(rowCount / pageSize));
  const page = Math.min(requestedPage, pages - 1);
  const first = page * pageSize;
  return { page, pages, first, end: Math.min(first + pageSize, rowCount) };
}
