"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { isKiosk, kioskHref } from "./kiosk-params";

/** The pages that have a wall-screen view. */
const KIOSK_PATHS = ["/", "/summary"];

/** Whether this page is shown as its wall-screen view (`?kiosk` on a page that has one). */
export function useKioskMode(): boolean {
  const pathname = usePathname();
  const params = useSearchParams();
  return KIOSK_PATHS.includes(pathname) && isKiosk(params);
}

/** Opens the page's wall-screen view. */
export function KioskButton() {
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <Link
      href={kioskHref(pathname, params, true)}
      prefetch={false}
      data-testid="kiosk-button"
      title="Full-screen tiles for a wall screen, problems first, pages rotate; Escape leaves it"
      className="hidden items-center gap-1.5 rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm whitespace-nowrap text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700 sm:inline-flex"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
        <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
      </svg>
      Wall screen
    </Link>
  );
}

/** Leaves the wall-screen view: a quiet button, and Escape anywhere that does not use it itself (an open menu does). */
export function KioskExit() {
  const pathname = usePathname();
  const params = useSearchParams();
  const router = useRouter();
  const href = kioskHref(pathname, params, false);
  useEffect(() => {
    const leaveOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !event.defaultPrevented) router.push(href);
    };
    document.addEventListener("keydown", leaveOnEscape);
    return () => document.removeEventListener("keydown", leaveOnEscape);
  }, [router, href]);
  return (
    <Link
      href={href}
      prefetch={false}
      data-testid="kiosk-exit"
      className="rounded px-2 py-0.5 text-[0.85em] whitespace-nowrap text-slate-600 opacity-60 ring-1 ring-slate-300 hover:opacity-100 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-blue-700"
    >
      Exit wall screen (Esc)
    </Link>
  );
}
