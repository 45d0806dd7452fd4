"use client";

import { memo } from "react";
import { BsmObjectMenu } from "@/components/bsm/bsm-object-menu";
import { serviceLinks } from "@/components/bsm/object-links";
import { AcknowledgedMark, ImpactedMark, MarkedLine, describeStatus, formatAvailability } from "@/components/bsm/status-marks";
import { InStateFor, STALE_TILE_CLASS, StaleVeil } from "@/components/live/freshness";
import { useStaleData } from "@/components/live/live-events-provider";
import { statusStyle } from "@/components/status/status-style";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { TILE_ASPECT } from "./tile-layout";
import { useTileWindow } from "./use-tile-window";

/** The services as tiles in a box of fixed height, sized to fit it; only the tiles in view (and a few around) are rendered. */
export function ServiceTiles({
  services,
  availability,
  height,
}: {
  services: BusinessServiceStatusView[];
  availability: Record<string, number> | undefined;
  height: string;
}) {
  const count = services.length;
  const { ref, tileWidth, shown } = useTileWindow(count);
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

export const ServiceTile = memo(function ServiceTile({
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
  const stale = useStaleData();
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
      data-stale={stale !== null}
    >
      <BsmObjectMenu
        label={`Business service ${service.name}: ${describeStatus(service.state, service.acknowledged, service.impacted)}`}
        links={serviceLinks(Number(service.id))}
        className={`relative overflow-hidden rounded-md px-2 py-1.5 ring-1 ${style.badge} ${stale ? STALE_TILE_CLASS : ""}`}
      >
        <MarkedLine text={service.name} className="text-sm font-semibold">
          {service.acknowledged && <AcknowledgedMark />}
        </MarkedLine>
        <MarkedLine
          text={
            <>
              {style.label} <InStateFor since={service.stateSince} />
            </>
          }
          title={style.label}
          className="text-xs font-medium"
        >
          {service.impacted && <ImpactedMark />}
        </MarkedLine>
        <span className="block text-xs tabular-nums">{formatAvailability(availability)}</span>
        {stale && <StaleVeil stale={stale} />}
      </BsmObjectMenu>
    </li>
  );
});
