"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import { tileMoves, type TilePosition } from "./tile-moves";

const SLIDE = { duration: 700, easing: "ease-in-out" } as const;

/**
 * Slides the list's tiles (elements with data-service-id) from where they were to where they are
 * after each render (FLIP), so a service that changes state visibly moves instead of jumping. Not
 * across a change of `layoutKey` (another page, another grid), nor when the user asks for reduced motion.
 */
export function useTileFlip(listRef: RefObject<HTMLElement | null>, layoutKey: string) {
  const positions = useRef(new Map<string, TilePosition>());
  const lastLayout = useRef(layoutKey);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const tiles = new Map<string, HTMLElement>();
    for (const tile of list.querySelectorAll<HTMLElement>("[data-service-id]")) tiles.set(tile.dataset.serviceId ?? "", tile);
    const now = new Map([...tiles].map(([key, tile]) => [key, { left: tile.offsetLeft, top: tile.offsetTop }]));
    const sameLayout = lastLayout.current === layoutKey;
    if (sameLayout && !window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
      for (const { key, dx, dy } of tileMoves(positions.current, now)) {
        tiles.get(key)?.animate([{ transform: `translate(${dx}px, ${dy}px)` }, { transform: "none" }], SLIDE);
      }
    }
    positions.current = now;
    lastLayout.current = layoutKey;
  });
}
