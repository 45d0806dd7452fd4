"use client";

import type { ReactNode } from "react";
import { useInvestigateRange } from "@/components/bsm/view-queries";
import { formatAvailability } from "@/components/bsm/status-marks";
import { formatDuration } from "@/components/ui/format-time";
import { Time, useNow, useTimeZone } from "@/components/ui/time";
import { isDefaultRange, parseRangeQuery, RANGE_LABELS, type ParsedRange } from "@/lib/status/history-range";
import type { InvestigateTarget } from "@/lib/status/investigate-target";
import { RangeChart } from "./range-chart";
import { RangePicker, rangeQueryFields, useRangeQuery } from "./range-picker";

function titleOf(parsed: ParsedRange): string {
  if (!parsed.ok) return "History";
  return parsed.choice.kind === "preset" ? (parsed.choice.preset === "24h" ? "Last 24 hours" : RANGE_LABELS[parsed.choice.preset]) : "Custom range";
}

/**
 * Investigate's charts over a chosen range: the last 24 hours (the stored figures, `last24Hours`) by default,
 * any other range bucketed from the history. The range lives in the page's URL, or locally in a dashlet.
 */
export function HistorySection({ target, rangeInUrl, last24Hours }: { target: InvestigateTarget; rangeInUrl: boolean; last24Hours: ReactNode }) {
  const zone = useTimeZone();
  const [query, setQuery] = useRangeQuery(rangeInUrl);
  const now = useNow(60_000);
  const parsed = parseRangeQuery(rangeQueryFields(query), now, zone);
  const showsHistory = parsed.ok && !isDefaultRange(parsed.choice);
  const history = useInvestigateRange(target, query, zone, showsHistory);
  return (
    <>
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <h3 id="investigate-charts" className="font-semibold">
          {titleOf(parsed)}
        </h3>
        <RangePicker key={query} choice={parsed.ok ? parsed.choice : null} onChange={setQuery} />
      </div>
      {!parsed.ok ? (
        <p role="alert" data-testid="range-error" className="rounded bg-red-50 p-3 text-sm text-red-900">
          Cannot show this range: {parsed.message} Pick another range above.
        </p>
      ) : !showsHistory ? (
        last24Hours
      ) : history.error ? (
        <p role="alert" data-testid="range-error" className="rounded bg-red-50 p-3 text-sm text-red-900">
          Cannot show this range: {history.error.message}
        </p>
      ) : history.data ? (
        <div className="space-y-2" aria-busy={history.isFetching}>
          <p className="text-sm text-slate-700">
            <Time at={history.data.from} />–<Time at={history.data.to} />: availability{" "}
            <span className="font-semibold tabular-nums" data-testid="range-availability">
              {formatAvailability(history.data.figures.availability)}
            </span>
            , failed / offline {formatDuration(history.data.figures.failedMs)}, downtime {formatDuration(history.data.figures.downtimeMs)}
          </p>
          <RangeChart view={history.data} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">Loading history…</p>
      )}
    </>
  );
}
