"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors/action-result";
import type { ReflectionMode } from "@/lib/reflect/types";
import { REFLECTION_MODE_LABELS } from "@/lib/connector/reflection-mode-labels";
import { ActionMessage } from "./action-message";

const MODES: { value: ReflectionMode; label: string; description: string }[] = [
  { value: "MANUAL", label: REFLECTION_MODE_LABELS.MANUAL, description: "A type change deletes the old element only if the settings allow it; removed hosts keep their element." },
  { value: "SEMI_AUTOMATIC", label: REFLECTION_MODE_LABELS.SEMI_AUTOMATIC, description: "A type change always deletes the old element; removed hosts keep their element." },
  { value: "AUTOMATIC", label: REFLECTION_MODE_LABELS.AUTOMATIC, description: "A type change always deletes the old element; a removed host's element is deleted." },
];

export function ReflectionModeForm({
  mode,
  canEdit,
  action,
}: {
  mode: ReflectionMode;
  canEdit: boolean;
  action: (previous: ActionResult, form: FormData) => Promise<ActionResult>;
}) {
  const [result, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={formAction} className="space-y-3">
      <fieldset disabled={!canEdit || pending} className="space-y-2">
        <legend className="sr-only">Reflection mode</legend>
        {MODES.map((option) => (
          <label key={option.value} className="flex items-start gap-2">
            <input type="radio" name="mode" value={option.value} defaultChecked={option.value === mode} className="mt-1" />
            <span>
              <span className="font-medium">{option.label}</span>
              {option.value === "MANUAL" && <span className="text-slate-500"> (default)</span>}
              <span className="block text-slate-600">{option.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {canEdit ? (
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {pending ? "Saving…" : "Save reflection mode"}
        </button>
      ) : (
        <p className="text-slate-500">Only administrators can change the reflection mode.</p>
      )}
      <ActionMessage result={result} />
    </form>
  );
}
