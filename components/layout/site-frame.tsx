"use client";

import type { ReactNode } from "react";
import { useKioskMode } from "./kiosk";

/**
 * The site's header and banners around a page; on a wall-screen view only the page, filling the screen,
 * and of the banners only the warnings (a stale source must still show).
 */
export function SiteFrame({ header, banner, kioskBanner, children }: { header: ReactNode; banner: ReactNode; kioskBanner: ReactNode; children: ReactNode }) {
  const kiosk = useKioskMode();
  // Same element positions in both views, so switching does not remount the page.
  return (
    <div className={kiosk ? "flex h-dvh flex-col overflow-hidden" : "min-h-screen"} data-kiosk={kiosk ? "" : undefined}>
      {kiosk ? null : header}
      <main className={kiosk ? "flex min-h-0 flex-1 flex-col gap-2 p-2" : "px-4 py-6 sm:px-6 sm:py-8"}>
        <div className={kiosk ? "shrink-0" : "mb-4"}>{kiosk ? kioskBanner : banner}</div>
        {children}
      </main>
    </div>
  );
}
