"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { GAP, fitTileWidth, tileWindow, type TileLayout } from "./tile-layout";

/** Tile width before the area has been measured (and on the server). */
const UNMEASURED_TILE_WIDTH = 160;

/**
 * Measures the scrolling tile area (on resize and scroll) and answers the tile width that fits it
 * and which of `count` tiles to render. Attach `ref` to the scrolling element.
 */
export function useTileWindow(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<TileLayout | null>(null);
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
  return { ref, tileWidth: layout?.tileWidth ?? UNMEASURED_TILE_WIDTH, shown: tileWindow(count, layout) };
}
