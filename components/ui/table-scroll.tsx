import type { ReactNode } from "react";

/** A table that may be wider than a phone: it scrolls sideways in its own box, never the page. */
export function TableScroll({ children, className = "" }: { children: ReactNode; className?: string }) {
  // Relative, so that absolutely placed parts of the table (screen-reader-only labels) scroll with it and do not widen the page.
  return <div className={`relative max-w-full overflow-x-auto ${className}`}>{children}</div>;
}
