"use client";

import { useActionState } from "react";
import { reflectAllAction } from "@/lib/actions/overview";
import { IDLE } from "@/lib/errors/action-result";
import { ActionMessage } from "./action-message";

export function ReflectAllButton({ pendingTotal, canConfigure }: { pendingTotal: number; canConfigure: boolean }) {
  const [result, action, running] = useActionState(reflectAllAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-3">
      <button
        type="submit"
        disabled={!canConfigure || running || pendingTotal === 0}
        className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white enabled:hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-40"
      >
        {running ? "Reflecting…" : "Reflect All"}
      </button>
      <span className="text-sm text-slate-600" data-testid="pending-total">
        {pendingTotal} pending
      </span>
      <ActionMessage result={result} className="text-sm" />
    </form>
  );
}
