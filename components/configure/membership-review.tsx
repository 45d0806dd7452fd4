"use client";

import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState, useTransition } from "react";
import { applyMembershipChangeAction, dismissMembershipChangeAction } from "@/lib/actions/membership";
import { IDLE, type ActionResult } from "@/lib/errors/action-result";
import type { MembershipChangeView } from "@/lib/membership/list-membership-changes";
import { ActionMessage } from "@/components/connector/action-message";
import { EmptyState } from "@/components/ui/empty-state";
import { TableScroll } from "@/components/ui/table-scroll";
import { Time } from "@/components/ui/time";

const BUTTON = "rounded border border-slate-300 px-2 py-1 text-xs font-medium enabled:hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40";

/** The pending membership changes with Apply and Dismiss, per row and for all (docs/membership-rules.md §3). */
export function MembershipReview({ changes }: { changes: MembershipChangeView[] }) {
  const router = useRouter();
  const [running, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult>(IDLE);
  const run = (action: (changeId: number | null) => Promise<ActionResult>, changeId: number | null) =>
    startTransition(async () => {
      setResult(await action(changeId));
      router.refresh();
    });

  return (
    <section aria-label="Membership review" className="space-y-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => run(applyMembershipChangeAction, null)} disabled={running || changes.length === 0} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white enabled:hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-40">
          Apply all
        </button>
        <button type="button" onClick={() => run(dismissMembershipChangeAction, null)} disabled={running || changes.length === 0} className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium enabled:hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40">
          Dismiss all
        </button>
        <span className="text-slate-600" data-testid="membership-pending-total">
          {changes.length} pending
        </span>
        <ActionMessage result={result} />
      </div>
      {changes.length === 0 ? (
        <EmptyState>No membership changes wait for review. Components with a membership rule are checked after every poll.</EmptyState>
      ) : (
        <TableScroll className="rounded-lg bg-white shadow-sm">
          <table className="w-full text-left" data-testid="membership-changes">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">Component</th>
                <th className="px-3 py-2 font-medium">Host</th>
                <th className="px-3 py-2 font-medium">Status</th>
                <th className="px-3 py-2 font-medium">Since</th>
                <th className="px-3 py-2 font-medium">Problem</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.id} className="border-b border-slate-100 last:border-0" data-testid="membership-change">
                  <td className="px-3 py-2">
                    <Link href={`/configure/components?id=${change.component.id}`} className="underline-offset-2 hover:underline">
                      {change.component.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{change.host}</td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${change.status === "Detected" ? "bg-sky-100 text-sky-900" : "bg-amber-100 text-amber-900"}`}>{change.status}</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Time at={change.detectedAt} />
                  </td>
                  <td className="px-3 py-2 text-red-700">{change.error ?? ""}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <div className="flex gap-2">
                      <button
                        type="button"
                        onClick={() => run(applyMembershipChangeAction, change.id)}
                        disabled={running || change.error !== null}
                        aria-label={`Apply: ${change.status === "Detected" ? "add" : "remove"} ${change.host} ${change.status === "Detected" ? "to" : "from"} ${change.component.name}`}
                        className={BUTTON}
                      >
                        Apply
                      </button>
                      <button type="button" onClick={() => run(dismissMembershipChangeAction, change.id)} disabled={running} aria-label={`Dismiss: ${change.host} in ${change.component.name}`} className={BUTTON}>
                        Dismiss
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
