"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { HostSourceActions } from "@/components/actions/source-action-button";
import { hostOffers } from "@/components/actions/offers";
import { InStateFor } from "@/components/live/freshness";
import { StatusBadge } from "@/components/status/status-badge";
import { StatusHeading } from "@/components/status/status-heading";
import { statusStyle } from "@/components/status/status-style";
import { formatClock, formatDuration } from "@/components/ui/format-time";
import { Time, useTimeZone } from "@/components/ui/time";
import { investigateSegments } from "@/lib/status/investigate-target";
import type { InvestigateView } from "@/lib/status/investigate-view";
import { HOUR_MS, hourlyAvailability, hoursBeforeNowLabel, recentProblemPeriods, timelineChartRow } from "@/lib/status/timeline-figures";
import { PinButton } from "./pin-button";
import { chartColorOf, formatAvailability } from "./status-marks";
import { TableScroll } from "@/components/ui/table-scroll";
import { ObjectNotes } from "./object-notes";
import { HistorySection } from "@/components/investigate/history-section";
import { AXIS_TICK, ColouredRect, TOOLTIP_STYLE } from "@/components/investigate/chart-parts";


/** Periods listed under the state timeline: the latest problems, enough to read at a glance. */
const LISTED_PERIODS = 6;

/**
 * Investigate: details, availability over a chosen range (24 hours per hour with the state timeline by default),
 * recent transitions, and Pin. `rangeInUrl`: the range is kept in the page's URL (else locally, as in a dashlet).
 */
export function InvestigatePanel({ view, showPin = true, compact = false, rangeInUrl = false }: { view: InvestigateView; showPin?: boolean; compact?: boolean; rangeInUrl?: boolean }) {
  return (
    <div className="space-y-4" data-testid="investigate-view">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{view.kindLabel}</p>
          <StatusHeading name={<h2 className={`${compact ? "text-lg" : "text-2xl"} font-semibold`}>{view.title}</h2>} status={view}>
            <InStateFor since={view.stateSince} className="text-sm text-slate-700" />
          </StatusHeading>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {view.target.kind === "host" && <HostSourceActions host={view.target.host} offers={hostOffers({ name: view.target.host, state: view.state, acknowledged: view.acknowledged })} size="normal" />}
          {showPin && <PinButton dashlet={{ kind: "investigate", target: investigateSegments(view.target).map(encodeURIComponent).join("/") }} />}
        </div>
      </div>
      <ObjectNotes notes={view.notes} />
      <div className={`grid gap-4 ${compact ? "" : "lg:grid-cols-3"}`}>
        <section aria-labelledby="investigate-details" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id="investigate-details" className="mb-2 font-semibold">
            Details
          </h3>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">Availability (24 h)</dt>
            <dd className="font-semibold tabular-nums" data-testid="investigate-availability">
              {formatAvailability(view.availability)}
            </dd>
            <dt className="text-slate-600">Failed / offline</dt>
            <dd className="tabular-nums">{formatDuration(view.failedMs)}</dd>
            <dt className="text-slate-600">Downtime</dt>
            <dd className="tabular-nums">{formatDuration(view.downtimeMs)}</dd>
            {view.details.map((detail) => (
              <DetailRow key={detail.label} label={detail.label} value={detail.isMoment ? <Time at={detail.value} /> : detail.value} />
            ))}
          </dl>
          {view.related.length > 0 && (
            <ul className="mt-3 space-y-1 text-sm">
              {view.related.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className="text-blue-800 hover:underline">
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="investigate-charts" className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${compact ? "" : "lg:col-span-2"}`}>
          <HistorySection
            target={view.target}
            rangeInUrl={rangeInUrl}
            last24Hours={
              <>
                <AvailabilityByHour view={view} />
                <StateTimeline view={view} />
              </>
            }
          />
        </section>
      </div>
      {!compact && <TransitionList view={view} />}
    </div>
  );
}

function DetailRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd className="break-all">{value}</dd>
    </>
  );
}

function AvailabilityByHour({ view }: { view: InvestigateView }) {
  const zone = useTimeZone();
  const data = hourlyAvailability(view.timeline, view.windowFrom, view.windowTo);
  return (
    <figure data-testid="availability-chart" aria-label="Availability per hour over the last 24 hours">
      <figcaption className="text-xs text-slate-600">Availability per hour</figcaption>
      <div className="h-40 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 160 }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--color-slate-200)" />
            <XAxis dataKey="start" tick={AXIS_TICK} interval={3} tickFormatter={(start: number) => formatClock(start, zone)} />
            <YAxis domain={[0, 100]} tick={AXIS_TICK} unit="%" />
            <Tooltip
              formatter={(value) => [`${Number(value).toFixed(2)}%`, "Availability"]}
              labelFormatter={(start) => `${formatClock(Number(start), zone)}–${formatClock(Number(start) + HOUR_MS, zone)}`}
              contentStyle={TOOLTIP_STYLE}
            />
            <Bar dataKey="availability" isAnimationActive={false} shape={(props: BarShapeProps) => <ColouredRect {...props} colour={chartColorOf("OPERATIONAL")} />} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

function StateTimeline({ view }: { view: InvestigateView }) {
  const row = timelineChartRow(view.title, view.timeline);
  const total = view.windowTo - view.windowFrom;
  return (
    <figure data-testid="state-timeline" aria-label="State timeline over the last 24 hours" className="mt-3">
      <figcaption className="text-xs text-slate-600">State timeline</figcaption>
      <div className="h-16 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 64 }}>
          <BarChart data={[row]} layout="vertical" margin={{ top: 4, right: 8, bottom: 0, left: 8 }} barCategoryGap={0}>
            <XAxis
              type="number"
              domain={[0, total]}
              ticks={[0, total / 4, total / 2, (3 * total) / 4, total]}
              tickFormatter={(value: number) => hoursBeforeNowLabel(value, total)}
              tick={AXIS_TICK}
            />
            <YAxis type="category" dataKey="name" hide />
            {view.timeline.map((segment, index) => (
              <Bar
                key={`${segment.from}-${segment.state}`}
                dataKey={`s${index}`}
                stackId="timeline"
                isAnimationActive={false}
                name={statusStyle(segment.state).label}
                shape={(props: BarShapeProps) => <ColouredRect {...props} colour={chartColorOf(segment.state)} />}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="mt-1 flex flex-wrap gap-3 text-xs text-slate-700" aria-label="Periods">
        {recentProblemPeriods(view.timeline, LISTED_PERIODS).map((segment) => (
          <li key={segment.from}>
            {statusStyle(segment.state).label} <Time at={segment.from} style="clock" />–<Time at={segment.to} style="clock" />
          </li>
        ))}
      </ul>
    </figure>
  );
}

function TransitionList({ view }: { view: InvestigateView }) {
  return (
    <section aria-labelledby="investigate-transitions" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id="investigate-transitions" className="mb-2 font-semibold">
        Recent transitions
      </h3>
      {view.transitions.length === 0 ? (
        <p className="text-sm text-slate-600">No transitions recorded.</p>
      ) : (
        <TableScroll>
        <table className="w-full text-left text-sm" data-testid="transitions">
          <thead className="text-slate-600">
            <tr>
              <th className="py-1 pr-4 font-medium">When</th>
              <th className="py-1 pr-4 font-medium">From</th>
              <th className="py-1 pr-4 font-medium">To</th>
              <th className="py-1 font-medium">Flags</th>
            </tr>
          </thead>
          <tbody>
            {view.transitions.map((transition, index) => (
              <tr key={`${transition.at}-${index}`} className="border-t border-slate-100">
                <td className="py-1 pr-4 tabular-nums">
                  <Time at={transition.at} style="seconds" />
                </td>
                <td className="py-1 pr-4">
                  <StatusBadge state={transition.fromState} />
                </td>
                <td className="py-1 pr-4">
                  <StatusBadge state={transition.toState} />
                </td>
                <td className="py-1 text-slate-700">{describeFlags(transition)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </section>
  );
}

function describeFlags(transition: InvestigateView["transitions"][number]): string {
  const changes: string[] = [];
  if (transition.fromAcknowledged !== transition.toAcknowledged) changes.push(transition.toAcknowledged ? "acknowledged" : "no longer acknowledged");
  if (transition.fromImpacted !== transition.toImpacted) changes.push(transition.toImpacted ? "impacted" : "no longer impacted");
  return changes.join(", ") || "—";
}
