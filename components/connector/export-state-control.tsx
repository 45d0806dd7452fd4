"use client";

import { useActionState } from "react";
import { updateExportStateAction } from "@/lib/actions/export-settings";
import { IDLE } from "@/lib/errors/action-result";
import type { ExportState } from "@/lib/reflect/types";
import { ActionMessage } from "./action-message";

/** A button per state the user may choose (administrators also NA); with no choice, the state only. */
export function ExportStateControl({ hostType, state, choices }: { hostType: string; state: ExportState; choices: readonly ExportState[] }) {
  const [result, action, saving] = useActionState(updateExportStateAction, IDLE);
  if (choices.length === 0) {
    return (
      <span className="inline-block rounded bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700" data-testid="export-state">
        {state}
        {state === "NA" && <span className="sr-only"> (an administrator can change it)</span>}
      </span>
    );
  }
  return (
    <form action={action}>
      <input type="hidden" name="hostType" value={hostType} />
      <div role="group" aria-label={`Export state of ${hostType}`} className="inline-flex overflow-hidden rounded border border-slate-300">
        {choices.map((option) => (
          <button
            key={option}
            type="submit"
            name="state"
            value={option}
            aria-pressed={state === option}
            disabled={saving}
            className={`px-3 py-1 font-mono text-xs ${state === option ? "bg-slate-900 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {option}
          </button>
        ))}
      </div>
      <ActionMessage result={result} className="mt-1 text-xs" />
    </form>
  );
}
