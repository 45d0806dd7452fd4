"use client";

import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { chartColorOf, formatAvailability } from "@/components/bsm/status-marks";
import { formatClock, formatDateTime, formatDuration } from "@/components/ui/format-time";
import { Time, useTimeZone } from "@/components/ui/time";
import type { InvestigateRangeView, RangeBucket } from "@/lib/status/investigate-range";
import type { BucketSize } from "@/lib/time/calendar";
import { AXIS_TICK, ColouredRect, TOOLTIP_STYLE } from "./chart-parts";

const NO_DATA_COLOUR = "var(--color-slate-300)";
const EXCLUDED_FILL = "var(--color-amber-200)";

const BUCKET_WORD: Record<BucketSize, string> = { hour: "hour", day: "day", week: "week" };

function bucketLabel(at: number, size: BucketSize, zone: string): string {
  const date = formatDateTime(at, zone).slice(5, 10);
  if (size === "hour") return formatClock(at, zone);
  return size === "week" ? `w/c ${date}` : date;
}

interface ChartRow {
  start: number;
  availability: number | null;
  /** Full height when the bucket has no data, so it shows as a grey bar. */
  noData: number | null;
  bucket: RangeBucket;
}

function overlaps(bucket: RangeBucket, excluded: InvestigateRangeView["excluded"]): boolean {
  return excluded.some((period) => period.from < bucket.to && period.to > bucket.from);
}

/** Availability per bucket (hour, day or week of the user's zone); buckets before the object existed are "no data"; excluded periods shaded. */
export function RangeChart({ view }: { view: InvestigateRangeView }) {
  const zone = useTimeZone();
  const rows: ChartRow[] = view.buckets.map((bucket) => ({ start: bucket.from, availability: bucket.availability, noData: bucket.availability === null ? 100 : null, bucket }));
  const excludedStarts = view.buckets.filter((bucket) => overlaps(bucket, view.excluded)).map((bucket) => bucket.from);
  const tickEvery = Math.max(0, Math.ceil(rows.length / 8) - 1);
  const noDataCount = rows.filter((row) => row.noData !== null).length;
  return (
    <figure
      data-testid="range-chart"
      data-bucket-size={view.bucketSize}
      data-buckets={rows.length}
      aria-label={`Availability per ${BUCKET_WORD[view.bucketSize]}`}
    >
      <figcaption className="text-xs text-slate-600">
        Availability per {BUCKET_WORD[view.bucketSize]} ({rows.length} {rows.length === 1 ? BUCKET_WORD[view.bucketSize] : `${BUCKET_WORD[view.bucketSize]}s`})
      </figcaption>
      <div className="h-44 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 176 }}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap={rows.length > 60 ? 0 : "10%"}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-slate-200)" />
            <XAxis dataKey="start" tick={AXIS_TICK} interval={tickEvery} tickFormatter={(start: number) => bucketLabel(start, view.bucketSize, zone)} />
            <YAxis domain={[0, 100]} tick={AXIS_TICK} unit="%" />
            {excludedStarts.map((start) => (
              <ReferenceArea key={start} x1={start} x2={start} fill={EXCLUDED_FILL} fillOpacity={0.6} ifOverflow="extendDomain" />
            ))}
            <Tooltip
              contentStyle={TOOLTIP_STYLE}
              labelFormatter={(start) => {
                const row = rows.find((candidate) => candidate.start === Number(start));
                return row ? `${formatDateTime(row.bucket.from, zone)} – ${formatDateTime(row.bucket.to, zone)}` : "";
              }}
              formatter={(value, name, item) => {
                const row = (item as { payload?: ChartRow }).payload;
                if (name === "noData") return ["before the object existed", "No data"];
                const extra = row && row.bucket.failedMs > 0 ? ` (failed ${formatDuration(row.bucket.failedMs)})` : "";
                return [`${formatAvailability(Number(value))}${extra}`, "Availability"];
              }}
            />
            <Bar dataKey="availability" stackId="bucket" isAnimationActive={false} shape={(props: BarShapeProps) => <ColouredRect {...props} colour={chartColorOf("OPERATIONAL")} />} />
            <Bar dataKey="noData" stackId="bucket" isAnimationActive={false} shape={(props: BarShapeProps) => <ColouredRect {...props} colour={NO_DATA_COLOUR} />} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
        {noDataCount > 0 && (
          <li data-testid="no-data-legend">
            <span aria-hidden className="mr-1 inline-block h-2 w-3 align-middle" style={{ backgroundColor: NO_DATA_COLOUR }} />
            No data: {noDataCount} {noDataCount === 1 ? BUCKET_WORD[view.bucketSize] : `${BUCKET_WORD[view.bucketSize]}s`} before the object existed
          </li>
        )}
        {view.excluded.map((period) => (
          <li key={period.from} data-testid="excluded-period">
            <span aria-hidden className="mr-1 inline-block h-2 w-3 align-middle" style={{ backgroundColor: EXCLUDED_FILL }} />
            Excluded <Time at={period.from} />–<Time at={period.to} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
