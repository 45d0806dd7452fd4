import type { GridPage } from "@/lib/status/summary-options";

const PAGE_BUTTON =
  "rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700 disabled:cursor-not-allowed disabled:opacity-50";

/** Previous and Next for the grid's pages, and which rows are shown; nothing for a single page. */
export function GridPager({ page, rowCount, onPageChange }: { page: GridPage; rowCount: number; onPageChange: (page: number) => void }) {
  if (page.pages <= 1) return null;
  return (
    <nav aria-label="Grid pages" className="flex items-center gap-3 text-sm text-slate-700">
      <button type="button" disabled={page.page === 0} onClick={() => onPageChange(page.page - 1)} className={PAGE_BUTTON}>
        Previous
      </button>
      <span aria-live="polite">
        Rows {page.first + 1}–{page.end} of {rowCount}
      </span>
      <button type="button" disabled={page.page === page.pages - 1} onClick={() => onPageChange(page.page + 1)} className={PAGE_BUTTON}>
        Next
      </button>
    </nav>
  );
}

/** Which page of a rotating wall screen is shown: "Page 2 of 3" and a dot for each page; nothing for a single page. */
export function PageIndicator({ page, pages }: { page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <span className="inline-flex items-center gap-2" data-testid="kiosk-page">
      <span aria-live="polite" className="tabular-nums">
        Page {page + 1} of {pages}
      </span>
      <span aria-hidden="true" className="inline-flex gap-1">
        {Array.from({ length: pages }, (_, index) => (
          <span key={index} className={`h-2 w-2 rounded-full ${index === page ? "bg-slate-700" : "bg-slate-300"}`} />
        ))}
      </span>
    </span>
  );
}
