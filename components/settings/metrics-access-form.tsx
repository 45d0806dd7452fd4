"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Time } from "@/components/ui/time";
import { IDLE, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import type { MetricsSettingsForm } from "@/lib/metrics/metrics-settings";

interface Props {
  form: MetricsSettingsForm;
  save: (values: { anonymous: boolean }) => Promise<ActionResult>;
}

/** Settings → General, administrators: whether anyone may read /metrics without credentials. */
export function MetricsAccessForm({ form, save }: Props) {
  const router = useRouter();
  const [anonymous, setAnonymous] = useState(form.anonymous);
  const [outcome, setOutcome] = useState<ActionResult>(IDLE);
  const [saving, startSaving] = useTransition();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(IDLE);
    startSaving(async () => {
      const result = await save({ anonymous });
      setOutcome(result);
      if (result.status === "ok") router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-3 rounded-lg bg-white p-6 text-sm shadow-sm" data-testid="metrics-access-form">
      <label className="flex items-start gap-2">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} className="mt-1" aria-describedby="metrics-anonymous-help" />
        <span>
          <span className="font-medium">Anyone may read /metrics without credentials</span>
          <span id="metrics-anonymous-help" className="block text-slate-600">
            The metrics name every business service and component. Leave this off and give Prometheus a metrics API token (Account) or list its
            address in BSM_METRICS_ALLOW.
          </span>
        </span>
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={saving} className="rounded bg-slate-800 px-3 py-1.5 text-white disabled:opacity-60">
          {saving ? "Saving…" : "Save metrics access"}
        </button>
        {outcome.status !== "idle" && (
          <span role={outcome.status === "ok" ? "status" : "alert"} className={outcome.status === "ok" ? "text-emerald-800" : "text-red-700"} data-testid="metrics-access-outcome">
            {resultMessage(outcome, "Nothing was saved.")}
          </span>
        )}
      </div>
      {form.updatedAt && (
        <p className="text-xs text-slate-500">
          Last changed <Time at={form.updatedAt} /> by {form.updatedByEmail}.
        </p>
      )}
    </form>
  );
}
