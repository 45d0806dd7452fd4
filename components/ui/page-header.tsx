import type { ReactNode } from "react";
import { LiveFreshnessIndicator } from "@/components/live/freshness";

/**
 * The page's title and what the page is for; `action` (e.g. a Pin button) stands at the right.
 * A `live` page (one that follows live events) says when its data was last updated and how the stream is.
 */
export function PageHeader({ title, children, action, live = false }: { title: string; children?: ReactNode; action?: ReactNode; live?: boolean }) {
  const header = (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <p className="mt-1 text-sm text-slate-600">{children}</p>}
      {live && <LiveFreshnessIndicator className="mt-1" />}
    </header>
  );
  if (!action) return header;
  return (
    <div className="flex items-start justify-between gap-4">
      {header}
      {action}
    </div>
  );
}
