"use client";

import { useState } from "react";

/**
 * A delete button that asks once more, in the page, before it acts. `usedBy` names what loses the
 * object: the question lists them and the confirming button says so.
 */
export function ConfirmDelete({
  what,
  onConfirm,
  disabled,
  usedBy = [],
}: {
  what: string;
  onConfirm: () => void;
  disabled?: boolean;
  usedBy?: readonly string[];
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" disabled={disabled} onClick={() => setAsking(true)} className="rounded px-3 py-1.5 text-sm font-medium text-red-700 ring-1 ring-red-600/40 hover:bg-red-50 disabled:opacity-50">
        Delete
      </button>
    );
  }
  const services = usedBy.length === 1 ? "1 business service" : `${usedBy.length} business services`;
  return (
    <div role="group" aria-label="Confirm delete" className={`flex flex-wrap items-center gap-2 text-sm ${usedBy.length > 0 ? "basis-full" : ""}`}>
      {usedBy.length === 0 ? (
        <span>Delete {what}?</span>
      ) : (
        <div data-testid="delete-consequence" className="basis-full rounded bg-amber-50 px-3 py-2 text-amber-950 ring-1 ring-amber-600/40">
          <p className="font-medium">
            Delete {what}? It is used by {services}, which will lose it:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {usedBy.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" onClick={onConfirm} disabled={disabled} className="rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800 disabled:opacity-50">
        {usedBy.length === 0 ? "Yes, delete" : `Yes, delete and remove it from ${services}`}
      </button>
      <button type="button" onClick={() => setAsking(false)} className="rounded px-3 py-1.5 ring-1 ring-slate-300 hover:bg-slate-50">
        Cancel
      </button>
    </div>
  );
}
