"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useId, useMemo, useState } from "react";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { DEFAULT_SUMMARY_OPTIONS, summaryOptionsFromParams, summaryOptionsToParams, type SummaryOptions } from "@/lib/status/summary-options";
import { KioskExit, useKioskMode } from "@/components/layout/kiosk";
import { rotateSeconds } from "@/components/layout/kiosk-params";
import { KioskTiles } from "./kiosk-tiles";
import { LiveFreshnessIndicator } from "@/components/live/freshness";
import { ServiceGrid } from "./service-grid";
import { ServiceTiles } from "./service-tiles";
import { SummaryFilters } from "./summary-filters";
import { useSummaryData, type SummaryHistory } from "./use-summary-data";
import { AT_PARAM } from "@/components/history/time-travel";

/** The Summary page: options in the URL so a view can be bookmarked; with `history`, a past moment (kept in ?at=). */
export function SummaryPageView({ initial, history }: { initial: BusinessServiceStatusView[]; history?: SummaryHistory }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const options = useMemo(() => summaryOptionsFromParams(searchParams), [searchParams]);
  const setOptions = useCallback(
    (next: SummaryOptions) => {
      const params = summaryOptionsToParams(next);
      for (const key of [AT_PARAM, "over"]) {
        const value = searchParams.get(key);
        if (value !== null) params.set(key, value);
      }
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );
  const kiosk = useKioskMode();
  if (kiosk && !history) return <KioskSummary initial={initial} options={options} rotateSeconds={rotateSeconds(searchParams)} />;
  return (
    <>
      {!history && <LiveFreshnessIndicator className="mb-3" />}
      <SummaryDashlet initial={initial} history={history} options={options} onOptionsChange={setOptions} tilesHeight="45vh" />
    </>
  );
}

/** The Summary on a wall screen: only the tiles (the URL's filters still apply), rotating through pages. */
function KioskSummary({ initial, options, rotateSeconds }: { initial: BusinessServiceStatusView[]; options: SummaryOptions; rotateSeconds: number }) {
  const { services, visible, availability, error, isPending } = useSummaryData(initial, options);
  const problems = visible.filter((service) => service.state !== "OPERATIONAL" || service.impacted).length;
  return (
    <KioskTiles
      services={visible}
      availability={availability}
      rotateSeconds={rotateSeconds}
      status={
        <>
          <span className="font-semibold text-slate-900">BSM Summary</span>
          {!isPending && (
            <span data-testid="kiosk-counts">
              {services.length === 0
                ? "No business services that you may see."
                : `${visible.length} business services, ${problems === 0 ? "no problems" : `${problems} with problems`}`}
            </span>
          )}
          {error && (
            <span role="alert" className="text-red-900">
              Could not refresh: {error.message}
            </span>
          )}
          <LiveFreshnessIndicator />
          <KioskExit />
        </>
      }
    />
  );
}

/** The Summary on a dashboard: options kept while the page is open. */
export function SummaryDashletWithLocalOptions({ tilesHeight }: { tilesHeight: string }) {
  const [options, setOptions] = useState<SummaryOptions>({ ...DEFAULT_SUMMARY_OPTIONS, gridHidden: true });
  return <SummaryDashlet options={options} onOptionsChange={setOptions} tilesHeight={tilesHeight} />;
}

/** BSM Summary: tiles in Summary order (problems first) sized to fit, filters, and a sortable grid that can be hidden. */
export function SummaryDashlet({
  initial,
  history,
  options,
  onOptionsChange,
  tilesHeight,
}: {
  initial?: BusinessServiceStatusView[];
  history?: SummaryHistory;
  options: SummaryOptions;
  onOptionsChange: (options: SummaryOptions) => void;
  tilesHeight: string;
}) {
  const { services, visible, availability, error, isPending } = useSummaryData(initial, options, history);
  const gridId = useId();
  return (
    <div className="space-y-3" data-testid="summary">
      <SummaryFilters
        options={options}
        onOptionsChange={onOptionsChange}
        gridId={gridId}
        count={isPending ? null : { visible: visible.length, total: services.length }}
      />
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
