"use client";

import { useState } from "react";

/** A delete button that asks once more, in the page, before it acts. */
export function ConfirmDelete({ what, onConfirm, disabled }: { what: string; onConfirm: () => void; disabled?: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" disabled={disabled} onClick={() => setAsking(true)} className="rounded px-3 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-600/40 hover:bg-red-50 disabled:opacity-50">
        Delete
      </button>
    );
  }
  return (
    <span role="group" aria-label="Confirm delete" className="flex items-center gap-2 text-sm">
      <span>Delete {what}?</span>
      <button type="button" onClick={onConfirm} className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
        Yes, delete
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">
        Cancel
      </button>
    </span>
  );
}
