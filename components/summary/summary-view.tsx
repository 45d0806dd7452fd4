"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { BsmObjectMenu } from "@/components/bsm/bsm-object-menu";
import { serviceLinks } from "@/components/bsm/object-links";
import { AcknowledgedMark, ImpactedMark, describeStatus, formatAvailability } from "@/components/bsm/status-marks";
import { useServiceAvailabilities, useSummaryServices } from "@/components/bsm/view-queries";
import { StatusBadge } from "@/components/status/status-badge";
import { statusStyle } from "@/components/status/status-style";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import {
  DEFAULT_SUMMARY_OPTIONS,
  matchesFilters,
  sortForGrid,
  summaryOptionsFromParams,
  summaryOptionsToParams,
  type SortField,
  type StatusFilter,
  type SummaryOptions,
} from "./summary-options";
import { GAP, TILE_ASPECT, fitTileWidth, tileWindow, type TileLayout } from "./tile-layout";

/** The Summary page: options in the URL so a view can be bookmarked. */
export function SummaryPageView({ initial }: { initial: BusinessServiceStatusView[] }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const options = useMemo(() => summaryOptionsFromParams(searchParams), [searchParams]);
  const setOptions = useCallback(
    (next: SummaryOptions) => {
      const query = summaryOptionsToParams(next).toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return <SummaryDashlet initial={initial} options={options} onOptionsChange={setOptions} tilesHeight="45vh" />;
}

/** The Summary on a dashboard: options kept while the page is open. */
export function SummaryDashletWithLocalOptions({ tilesHeight }: { tilesHeight: string }) {
  const [options, setOptions] = useState<SummaryOptions>({ ...DEFAULT_SUMMARY_OPTIONS, gridHidden: true });
  return <SummaryDashlet options={options} onOptionsChange={setOptions} tilesHeight={tilesHeight} />;
}

/** BSM Summary: tiles in Summary order (problems first) sized to fit, filters, and a sortable grid that can be hidden. */
export function SummaryDashlet({
  initial,
  options,
  onOptionsChange,
  tilesHeight,
}: {
  initial?: BusinessServiceStatusView[];
  options: SummaryOptions;
  onOptionsChange: (options: SummaryOptions) => void;
  tilesHeight: string;
}) {
  const { data: services = [], error, isPending } = useSummaryServices(initial);
  const { data: availability } = useServiceAvailabilities();
  const visible = useMemo(() => services.filter((service) => matchesFilters(service, options)), [services, options]);
  const gridId = useId();
  // The typed name is shown at once; the options (the URL on the Summary page) follow.
  const [nameDraft, setNameDraft] = useState(options.name);
  const [appliedName, setAppliedName] = useState(options.name);
  if (appliedName !== options.name) {
    setAppliedName(options.name);
    setNameDraft(options.name);
  }

  return (
    <div className="space-y-3" data-testid="summary">
      <form
        role="search"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onOptionsChange({ ...options, name: nameDraft });
        }}
      >
        <label className="text-sm">
          <span className="block text-slate-700">Filter by name</span>
          <input
            type="search"
            value={nameDraft}
            onChange={(event) => {
              setNameDraft(event.target.value);
              onOptionsChange({ ...options, name: event.target.value });
            }}
            className="mt-1 w-56 rounded border border-slate-400 px-2 py-1"
          />
        </label>
        <label className="text-sm">
          <span className="block text-slate-700">Status</span>
          <select
            value={options.status}
            onChange={(event) => onOptionsChange({ ...options, status: event.target.value as StatusFilter })}
            className="mt-1 rounded border border-slate-400 bg-white px-2 py-1"
          >
            <option value="">All</option>
            <option value="OFFLINE">Offline</option>
            <option value="DOWNTIME">Downtime</option>
            <option value="IMPACTED">Impacted</option>
            <option value="OPERATIONAL">Operational, not impacted</option>
          </select>
        </label>
        <button
          type="button"
          aria-expanded={!options.gridHidden}
          aria-controls={gridId}
          onClick={() => onOptionsChange({ ...options, gridHidden: !options.gridHidden })}
          className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          {options.gridHidden ? "Show grid" : "Hide grid"}
        </button>
        <span className="text-sm text-slate-700" aria-live="polite">
          {isPending ? "Loading…" : `${visible.length} of ${services.length} business services`}
        </span>
      </form>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
          Could not refresh: {error.message}
        </p>
      )}
      {!isPending && services.length === 0 && <p className="text-sm text-slate-600">No business services that you may see.</p>}
      <ServiceTiles services={visible} availability={availability} height={tilesHeight} />
      {!options.gridHidden && (
        <ServiceGrid
          // A new filter or order starts again on the first page.
          key={`${options.name}|${options.status}|${options.sort}|${options.descending}`}
          id={gridId}
          services={visible}
          availability={availability}
          options={options}
          onOptionsChange={onOptionsChange}
        />
      )}
    </div>
  );
}

function ServiceTiles({
  services,
  availability,
  height,
}: {
  services: BusinessServiceStatusView[];
  availability: Record<string, number> | undefined;
  height: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<TileLayout | null>(null);
  const count = services.length;
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth - 2 * GAP;
      const visibleHeight = element.clientHeight - 2 * GAP;
      setLayout({ width, height: visibleHeight, tileWidth: fitTileWidth(count, width, visibleHeight), scrollTop: element.scrollTop });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, [count]);
  const tileWidth = layout?.tileWidth ?? 160;
  const shown = tileWindow(count, layout);
  // The scrolling box has a fixed height; the list inside it is as tall as all its rows, the
  // rows not rendered standing in as padding.
  return (
    <div ref={ref} className="overflow-auto rounded-lg bg-slate-100 p-2" style={{ height }}>
      <ol
        aria-label="Business services, problems first"
        data-testid="service-tiles"
        data-count={count}
        className="grid content-start gap-2"
        style={{
          gridTemplateColumns: `repeat(auto-fill, minmax(${tileWidth}px, 1fr))`,
          paddingTop: shown.rowsBefore * shown.rowHeight,
          paddingBottom: shown.rowsAfter * shown.rowHeight,
        }}
      >
        {services.slice(shown.first, shown.end).map((service, index) => (
          <ServiceTile
            key={service.id}
            service={service}
            position={shown.first + index + 1}
            of={count}
            availability={availability?.[service.id]}
            height={Math.round(tileWidth * TILE_ASPECT)}
          />
        ))}
      </ol>
    </div>
  );
}

const ServiceTile = memo(function ServiceTile({
  service,
  position,
  of,
  availability,
  height,
}: {
  service: BusinessServiceStatusView;
  position: number;
  of: number;
  availability: number | undefined;
  height: number;
}) {
  const style = statusStyle(service.state);
  return (
    <li
      style={{ height }}
      aria-posinset={position}
      aria-setsize={of}
      data-testid="service-tile"
      data-service={service.name}
      data-service-id={service.id}
      data-state={service.state}
      data-impacted={service.impacted}
      data-acknowledged={service.acknowledged}
    >
      <BsmObjectMenu
        label={`Business service ${service.name}: ${describeStatus(service.state, service.acknowledged, service.impacted)}`}
        links={serviceLinks(Number(service.id))}
        className={`relative overflow-hidden rounded-md px-2 py-1.5 ring-1 ${style.badge}`}
      >
        {/* Room on the right for the acknowledged mark only when there is one. */}
        <span className={`block truncate text-sm font-semibold ${service.acknowledged ? "pr-8" : ""}`} title={service.name}>
          {service.name}
        </span>
        <span className="block text-xs font-medium">{style.label}</span>
        {/* A line of its own, above the impacted mark in the bottom left corner. */}
        <span className="block text-xs tabular-nums">{formatAvailability(availability)}</span>
        {service.acknowledged && <AcknowledgedMark />}
        {service.impacted && <ImpactedMark />}
      </BsmObjectMenu>
    </li>
  );
});

const COLUMNS: { field: SortField | null; label: string }[] = [
  { field: "status", label: "Status" },
  { field: "name", label: "Business service" },
  { field: "availability", label: "Availability" },
  { field: null, label: "Flags" },
  { field: null, label: "Components" },
];

function ServiceGrid({
  id,
  services,
  availability,
  options,
  onOptionsChange,
}: {
  id: string;
  services: BusinessServiceStatusView[];
  availability: Record<string, number> | undefined;
  options: SummaryOptions;
  onOptionsChange: (options: SummaryOptions) => void;
}) {
  const rows = useMemo(() => sortForGrid(services, availability, options.sort, options.descending), [services, availability, options.sort, options.descending]);
  const [requestedPage, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / GRID_PAGE_SIZE));
  const page = Math.min(requestedPage, pages - 1);
  const first = page * GRID_PAGE_SIZE;
  const pageRows = rows.slice(first, first + GRID_PAGE_SIZE);
  return (
    <div id={id} className="space-y-2">
      <table className="w-full rounded-lg bg-white text-left text-sm shadow-sm" data-testid="service-list">
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            {COLUMNS.map((column) => {
              const active = column.field !== null && column.field === options.sort;
              return (
                <th
                  key={column.label}
                  scope="col"
                  className="px-4 py-2 font-medium"
                  aria-sort={active ? (options.descending ? "descending" : "ascending") : undefined}
                >
                  {column.field === null ? (
                    column.label
                  ) : (
                    <button
                      type="button"
                      onClick={() => onOptionsChange({ ...options, sort: column.field as SortField, descending: active ? !options.descending : false })}
                      className="rounded font-medium hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
                    >
                      {column.label}
                      <span aria-hidden className="ml-1 inline-block w-3">
                        {active ? (options.descending ? "▼" : "▲") : ""}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {pageRows.map((service) => (
            <GridRow key={service.id} service={service} availability={availability?.[service.id]} />
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label="Grid pages" className="flex items-center gap-3 text-sm text-slate-700">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)} className={PAGE_BUTTON}>
            Previous
          </button>
          <span aria-live="polite">
            Rows {first + 1}–{first + pageRows.length} of {rows.length}
          </span>
          <button type="button" disabled={page === pages - 1} onClick={() => setPage(page + 1)} className={PAGE_BUTTON}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}

/** Rows per grid page: a thousand rows would cost more to render than anyone reads. */
const GRID_PAGE_SIZE = 50;
const PAGE_BUTTON =
  "rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-50";

const GridRow = memo(function GridRow({ service, availability }: { service: BusinessServiceStatusView; availability: number | undefined }) {
  return (
    <tr className="border-b border-slate-100 last:border-0" data-service={service.name} data-state={service.state}>
      <td className="px-4 py-2">
        <StatusBadge state={service.state} />
      </td>
      <td className="px-4 py-2 font-medium">
        <Link href={`/bsm/service/${service.id}`} className="text-blue-800 hover:underline">
          {service.name}
        </Link>
      </td>
      <td className="px-4 py-2 tabular-nums">{formatAvailability(availability)}</td>
      <td className="px-4 py-2 text-slate-700">
        {[service.impacted ? "Impacted" : null, service.acknowledged ? "Acknowledged" : null].filter(Boolean).join(", ") || "—"}
      </td>
      <td className="px-4 py-2 tabular-nums">
        {service.componentsTotal} ({service.componentsFailed} failed, {service.componentsDowntime} in downtime)
      </td>
    </tr>
  );
});
