"use client";

import { useActionState } from "react";
import { reflectHostAction, setHostExportAction } from "@/lib/actions/overview";
import { IDLE } from "@/lib/errors/action-result";
import { ActionMessage } from "./action-message";

/** The export toggle and Reflect button cells of one Overview row. */
export function HostRowControls({ host, exportEnabled, pending, canConfigure }: { host: string; exportEnabled: boolean; pending: boolean; canConfigure: boolean }) {
  const [toggleResult, toggleAction, toggling] = useActionState(setHostExportAction, IDLE);
  const [reflectResult, reflectAction, reflecting] = useActionState(reflectHostAction, IDLE);
  return (
    <>
      <td className="px-4 py-2">
        <form action={toggleAction}>
          <input type="hidden" name="host" value={host} />
          <input type="hidden" name="exportEnabled" value={String(!exportEnabled)} />
          <button
            type="submit"
            role="switch"
            aria-checked={exportEnabled}
            aria-label={`Export ${host}`}
            disabled={!canConfigure || toggling}
            className={`relative inline-flex h-5 w-9 items-center rounded-full transition disabled:cursor-not-allowed disabled:opacity-50 ${
              exportEnabled ? "bg-emerald-600" : "bg-slate-300"
            }`}
          >
            <span aria-hidden className={`inline-block h-4 w-4 rounded-full bg-white shadow transition ${exportEnabled ? "translate-x-4" : "translate-x-0.5"}`} />
          </button>
        </form>
        <ActionMessage result={toggleResult.status === "error" ? toggleResult : IDLE} className="mt-1 text-xs" />
      </td>
      <td className="px-4 py-2">
        <form action={reflectAction}>
          <input type="hidden" name="host" value={host} />
          <button
            type="submit"
            aria-label={`Reflect ${host}`}
            disabled={!canConfigure || !pending || reflecting}
            className="rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium enabled:hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40"
          >
            {reflecting ? "Reflecting…" : "Reflect"}
          </button>
        </form>
        <ActionMessage result={reflectResult} className="mt-1 text-xs" />
      </td>
    </>
  );
}
