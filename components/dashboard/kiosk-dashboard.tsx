"use client";

import { useSearchParams } from "next/navigation";
import { KioskExit } from "@/components/layout/kiosk";
import { LiveFreshnessIndicator } from "@/components/live/freshness";
import { rotateSeconds } from "@/components/layout/kiosk-params";
import { useElementSize } from "@/components/layout/use-element-size";
import { KIOSK_LINE, KioskTiles } from "@/components/summary/kiosk-tiles";
import { useSummaryData } from "@/components/summary/use-summary-data";
import { KIOSK_GAP, bestGrid } from "@/components/summary/tile-layout";
import type { DashletView } from "@/lib/dashboard/dashlet";
import { DashletBody } from "./dashboard-grid";

/** A dashlet drawn for 1080p; larger screens zoom the whole dashboard. */
const DASHLET = { width: 480, height: 320 } as const;
const REFERENCE = { width: 1920, height: 1080 } as const;

/** The user's dashboard on a wall screen: the dashlets alone, in their order, sharing the whole screen. */
export function KioskDashboard({ dashlets }: { dashlets: DashletView[] }) {
  const params = useSearchParams();
  const { ref, size } = useElementSize<HTMLDivElement>();
  const zoom = size ? Math.max(1, Math.min(size.width / REFERENCE.width, size.height / REFERENCE.height)) : 1;
  const grid = size ? bestGrid(dashlets.length, size.width / zoom, size.height / zoom, DASHLET) : null;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-1" data-testid="kiosk-dashboard">
      <div ref={ref} className="min-h-0 flex-1 overflow-hidden p-1">
        {dashlets.length === 0 && (
          <p className="p-8 text-center text-slate-600">Your dashboard is empty. Leave the wall screen, open the Summary and pin a service.</p>
        )}
        {size && grid && dashlets.length > 0 && (
          <ol
            aria-label="Your dashlets"
            className="grid"
            style={{
              zoom,
              width: size.width / zoom,
              height: size.height / zoom,
              gap: KIOSK_GAP,
              gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
            }}
          >
            {dashlets.map((dashlet) => (
              <li
                key={dashlet.id}
                data-testid="dashlet"
                data-kind={dashlet.content.kind}
                aria-label={dashlet.title}
                className="flex min-h-0 min-w-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white p-2 shadow-sm"
              >
                <h2 className="mb-1 shrink-0 text-sm font-semibold">{dashlet.title}</h2>
                <div className="flex min-h-0 flex-1 flex-col overflow-hidden">
                  {dashlet.content.kind === "summary" ? (
                    <SummaryTiles rotateSeconds={rotateSeconds(params)} />
                  ) : (
                    <DashletBody content={dashlet.content} size={dashlet.size} />
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="flex shrink-0 items-center gap-4 text-slate-700" style={KIOSK_LINE}>
        <span className="font-semibold text-slate-900">Dashboard</span>
        <LiveFreshnessIndicator />
        <KioskExit />
      </div>
    </div>
  );
}

function SummaryTiles({ rotateSeconds }: { rotateSeconds: number }) {
  const { visible, availability } = useSummaryData(undefined, { name: "", status: "" });
  return <KioskTiles services={visible} availability={availability} rotateSeconds={rotateSeconds} />;
}
