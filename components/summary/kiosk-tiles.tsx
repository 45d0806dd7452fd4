"use client";

import { useRef } from "react";
import { useElementSize } from "@/components/layout/use-element-size";
import type { BusinessServiceStatusView } from "@/lib/status/list-business-service-statuses";
import { PageIndicator } from "./grid-pager";
import { ServiceTile } from "./service-tiles";
import { KIOSK_GAP, kioskLayout } from "./tile-layout";
import { useRotatingPage } from "./use-rotating-page";
import { useTileFlip } from "./use-tile-flip";

/** The line under the tiles grows with the screen: 14 px at 1080p, twice that at 4K. */
export const KIOSK_LINE = { fontSize: "max(0.875rem, 1.3vh)" } as const;

/**
 * Service tiles filling their area for a wall screen: in Summary order (problems first, then by name, so
 * tiles keep their places until a state changes), as large as the count allows, in pages that rotate
 * every `rotateSeconds` when they do not all fit. The tiles are laid out at their normal size and
 * zoomed, so everything in them grows together.
 */
export function KioskTiles({
  services,
  availability,
  rotateSeconds,
  status,
}: {
  services: BusinessServiceStatusView[];
  availability: Record<string, number> | undefined;
  rotateSeconds: number;
  /** What stands at the left of the line under the tiles (the page indicator stands at the right). */
  status?: React.ReactNode;
}) {
  const { ref, size } = useElementSize<HTMLDivElement>();
  const layout = size && size.width > 0 && size.height > 0 ? kioskLayout(services.length, size.width, size.height) : null;
  const page = useRotatingPage(layout?.pages ?? 1, rotateSeconds);
  const listRef = useRef<HTMLOListElement>(null);
  const layoutKey = layout ? `${page}|${layout.columns}x${layout.rows}|${layout.scale}` : "";
  useTileFlip(listRef, layoutKey);

  const first = layout ? page * layout.perPage : 0;
  const shown = layout ? services.slice(first, first + layout.perPage) : [];
  const cellHeight = layout && size ? (size.height - (layout.rows - 1) * KIOSK_GAP) / layout.rows / layout.scale : 0;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-1" data-testid="kiosk-tiles">
      {/* The padding keeps the tiles' rings and the focus outline inside the clipped area. */}
      <div ref={ref} className="min-h-0 flex-1 overflow-hidden p-1">
        {layout && size && (
          <ol
            ref={listRef}
            aria-label="Business services, problems first"
            data-testid="service-tiles"
            data-count={services.length}
            className="relative grid"
            style={{
              zoom: layout.scale,
              width: size.width / layout.scale,
              height: size.height / layout.scale,
              gap: KIOSK_GAP / layout.scale,
              gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
              gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))`,
            }}
          >
            {shown.map((service, index) => (
              <ServiceTile
                key={service.id}
                service={service}
                position={first + index + 1}
                of={services.length}
                availability={availability?.[service.id]}
                height={cellHeight}
              />
            ))}
          </ol>
        )}
      </div>
      <div className="flex shrink-0 flex-wrap items-center justify-between gap-x-4 text-slate-700" style={KIOSK_LINE}>
        <div className="flex min-w-0 flex-wrap items-center gap-x-4">{status}</div>
        {layout && <PageIndicator page={page} pages={layout.pages} />}
      </div>
    </div>
  );
}
