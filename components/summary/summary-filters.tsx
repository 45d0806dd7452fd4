"use client";

import { useState } from "react";
import type { StatusFilter, SummaryOptions } from "@/lib/status/summary-options";

/** The Summary's filters (name, status), the grid's show/hide toggle, and how many services the filters keep. */
export function SummaryFilters({
  options,
  onOptionsChange,
  gridId,
  count,
}: {
  options: SummaryOptions;
  onOptionsChange: (options: SummaryOptions) => void;
  /** The grid the toggle shows and hides. */
  gridId: string;
  /** null while the first answer is loading. */
  count: { visible: number; total: number } | null;
}) {
  // The typed name is shown at once; the options (the URL on the Summary page) follow.
  const [nameDraft, setNameDraft] = useState(options.name);
  const [appliedName, setAppliedName] = useState(options.name);
  if (appliedName !== options.name) {
    setAppliedName(options.name);
    setNameDraft(options.name);
  }

  return (
    <form
      role="search"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        onOptionsChange({ ...options, name: nameDraft });
      }}
    >
      <label className="text-sm">
        <span className="block text-slate-700">Filter by name</span>
        <input
          type="search"
          value={nameDraft}
          onChange={(event) => {
            setNameDraft(event.target.value);
            onOptionsChange({ ...options, name: event.target.value });
          }}
          className="mt-1 w-56 rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <label className="text-sm">
        <span className="block text-slate-700">Status</span>
        <select
          value={options.status}
          onChange={(event) => onOptionsChange({ ...options, status: event.target.value as StatusFilter })}
          className="mt-1 rounded border border-slate-400 bg-white px-2 py-1"
        >
          <option value="">All</option>
          <option value="OFFLINE">Offline</option>
          <option value="DOWNTIME">Downtime</option>
          <option value="IMPACTED">Impacted</option>
          <option value="OPERATIONAL">Operational, not impacted</option>
        </select>
      </label>
      <button
        type="button"
        aria-expanded={!options.gridHidden}
        aria-controls={gridId}
        onClick={() => onOptionsChange({ ...options, gridHidden: !options.gridHidden })}
        className="rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {options.gridHidden ? "Show grid" : "Hide grid"}
      </button>
      <span className="text-sm text-slate-700" aria-live="polite">
        {count === null ? "Loading…" : `${count.visible} of ${count.total} business services`}
      </span>
    </form>
  );
}
