"use client";

import { useId, useState } from "react";
import { Time } from "@/components/ui/time";
import type { SourceActionView } from "@/lib/source-actions/types";
import { KIND_TITLES, describeStatus, describeTargets, isUnsettled } from "./action-words";

const STATUS_TONE: Record<SourceActionView["status"], string> = {
  pending: "bg-amber-50 text-amber-900 ring-amber-600/40",
  sent: "bg-amber-50 text-amber-900 ring-amber-600/40",
  confirmed: "bg-emerald-50 text-emerald-900 ring-emerald-600/40",
  failed: "bg-red-50 text-red-900 ring-red-600/40",
};

/**
 * The actions requested from this tab, newest first, each Pending… until the source reports it back,
 * then Confirmed or Failed with the source's message. Stays in a corner of the window (it can be folded).
 */
export function RecentSourceActions({ actions, error, onClearFinished }: { actions: readonly SourceActionView[]; error: string | null; onClearFinished: () => void }) {
  const [folded, setFolded] = useState(false);
  const headingId = useId();
  const unsettled = actions.filter((action) => isUnsettled(action.status)).length;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="recent-source-actions"
      className="fixed right-2 bottom-2 z-40 w-[min(26rem,calc(100vw-1rem))] rounded-lg border border-slate-300 bg-white text-slate-900 shadow-lg sm:right-4 sm:bottom-4"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
        <h2 id={headingId} className="text-sm font-semibold">
          Recent actions{unsettled > 0 && <span className="font-normal text-slate-600"> · {unsettled} pending</span>}
        </h2>
        <div className="flex gap-1">
          {!folded && actions.length > unsettled && (
            <button type="button" onClick={onClearFinished} className="rounded px-2 py-0.5 text-xs ring-1 ring-slate-300 hover:bg-slate-100">
              Clear finished
            </button>
          )}
          <button type="button" aria-expanded={!folded} onClick={() => setFolded((value) => !value)} className="rounded px-2 py-0.5 text-xs ring-1 ring-slate-300 hover:bg-slate-100">
            {folded ? "Show" : "Hide"}
          </button>
        </div>
      </div>
      {!folded && (
        <ol className="max-h-[40dvh] divide-y divide-slate-200 overflow-y-auto text-sm">
          {actions.map((action) => (
            <li key={action.id} data-testid="source-action" data-action-id={action.id} data-status={action.status} className="px-3 py-2">
              <p className="font-medium [overflow-wrap:anywhere]">
                {KIND_TITLES[action.kind]}: {describeTargets(action.kind, action.targets)}
              </p>
              <p className="text-xs text-slate-600">
                <Time at={action.createdAt} style="clock" /> by {action.userName}
                {action.kind === "downtime" && action.startAt !== null && action.endAt !== null && (
                  <>
                    {" "}
                    · <Time at={action.startAt} style="seconds" /> to <Time at={action.endAt} style="seconds" />
                  </>
                )}
                {action.kind === "acknowledge" && action.expiresAt !== null && (
                  <>
                    {" "}
                    · expires <Time at={action.expiresAt} style="seconds" />
                  </>
                )}
              </p>
              <p role="status" className={`mt-1 inline-block rounded px-1.5 py-0.5 text-xs ring-1 [overflow-wrap:anywhere] ${STATUS_TONE[action.status]}`} data-testid="source-action-status">
                {describeStatus(action)}
              </p>
              {action.status === "sent" && action.message && <p className="mt-1 text-xs text-slate-600 [overflow-wrap:anywhere]">The source: {action.message}</p>}
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p role="alert" className="border-t border-slate-200 px-3 py-2 text-xs text-red-800">
          Could not ask for the latest state: {error}
        </p>
      )}
    </section>
  );
}
