"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Time } from "@/components/ui/time";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import type { HistoryRetentionForm as HistoryRetentionFormData } from "@/lib/history/retention-settings";

interface Props {
  form: HistoryRetentionFormData;
  save: (values: { retentionDays: string }) => Promise<ActionResult>;
}

/** Settings → History: the retention in days, and how far roll-ups, checkpoints and pruning got. */
export function HistoryRetentionForm({ form, save }: Props) {
  const router = useRouter();
  const [retentionDays, setRetentionDays] = useState(String(form.retentionDays));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ActionResult>(IDLE);
  const [saving, startSaving] = useTransition();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(IDLE);
    startSaving(async () => {
      const result = await save({ retentionDays });
      setErrors(result.status === "error" ? formErrorsOf(result) : {});
      setOutcome(result);
      if (result.status === "ok") router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-5 rounded-lg bg-white p-6 shadow-sm" data-testid="history-retention-form">
      <div>
        <label htmlFor="history-retention-days" className="block font-medium">
          Keep history for (days)
        </label>
        <p id="history-retention-days-help" className="mb-1 text-sm text-slate-600">
          Check history, state changes, roll-ups and checkpoints older than this are deleted in the background, a small batch at a time. 1 to 3650 days.
        </p>
        <input
          id="history-retention-days"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          step={1}
          value={retentionDays}
          onChange={(event) => setRetentionDays(event.target.value)}
          aria-describedby="history-retention-days-help"
          aria-invalid={errors.retentionDays ? true : undefined}
          className="w-32 rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500"
        />
        <FieldError path="retentionDays" message={errors.retentionDays} announce />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={saving} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
          {saving ? "Saving…" : "Save retention"}
        </button>
        {outcome.status !== "idle" && (
          <span role={outcome.status === "ok" ? "status" : "alert"} className={outcome.status === "ok" ? "text-sm text-emerald-800" : "text-sm text-red-700"} data-testid="history-retention-outcome">
            {resultMessage(outcome, "Nothing was saved: correct the field marked above.")}
          </span>
        )}
      </div>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]" data-testid="history-progress">
        <dt className="font-medium text-slate-600">Rolled up to</dt>
        <dd>{form.rolledUpTo ? <Time at={form.rolledUpTo} /> : "not yet"}</dd>
        <dt className="font-medium text-slate-600">Daily checkpoints up to</dt>
        <dd>{form.checkpointedTo ? <Time at={form.checkpointedTo} /> : "not yet"}</dd>
        <dt className="font-medium text-slate-600">Last pruned</dt>
        <dd>{form.prunedAt ? <Time at={form.prunedAt} /> : "not yet"}</dd>
      </dl>
    </form>
  );
}
