/**
 * Grey blocks in the shape of a page while it loads, read out as "Loading…": a header (unless the
 * page shows its own already), then content.
 */
export function PageSkeleton({ header = true, blocks = 3 }: { header?: boolean; blocks?: number }) {
  return (
    <div role="status" aria-live="polite" data-testid="page-loading" className="animate-pulse">
      <span className="sr-only">Loading…</span>
      {header && (
        <div aria-hidden className="mb-6 space-y-2">
          <div className="h-7 w-64 rounded bg-slate-300" />
          <div className="h-4 w-96 max-w-full rounded bg-slate-200" />
        </div>
      )}
      <div aria-hidden className="grid gap-4 md:grid-cols-3">
        {Array.from({ length: blocks }, (_, index) => (
          <div key={index} className="h-32 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" />
        ))}
      </div>
    </div>
  );
}
