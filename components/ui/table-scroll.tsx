import type { ReactNode } from "react";

/** A table that may be wider than a phone: it scrolls sideways in its own box, never the page. */
export function TableScroll({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`max-w-full overflow-x-auto ${className}`}>{children}</div>;
}
