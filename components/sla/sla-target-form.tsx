"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeSlaTargetAction, saveSlaTargetAction } from "@/lib/actions/sla";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { SlaTarget } from "@/lib/sla/targets";
import { FieldError } from "@/components/ui/field-error";
import { useTimeZone } from "@/components/ui/time";

const INPUT = "mt-1 w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm text-gray-900 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-100";
const BUTTON = "rounded border border-gray-300 px-3 py-1 text-sm text-gray-800 hover:bg-gray-50 disabled:opacity-50 dark:border-gray-600 dark:text-gray-100 dark:hover:bg-gray-700";

/** The SLA target of a business service or component, in its Configure page (CONFIGUREBSM). */
export function SlaTargetForm({ objectType, objectId, target }: { objectType: "BUSINESS_SERVICE" | "COMPONENT"; objectId: number; target: SlaTarget | null }) {
  const userZone = useTimeZone();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [percent, setPercent] = useState(target === null ? "" : String(target.targetPercent));
  const [period, setPeriod] = useState(target?.period ?? "MONTH");
  const [countDowntime, setCountDowntime] = useState(target?.countDowntime ?? false);
  const [timeZone, setTimeZone] = useState(target?.timeZone ?? userZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  const finish = (result: Awaited<ReturnType<typeof saveSlaTargetAction>>) => {
    if (result.status === "error") {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.fieldErrors ? "Check the fields marked." : result.message);
      return;
    }
    setErrors({});
    setMessage(result.status === "ok" ? result.message : null);
    router.refresh();
  };

  return (
    <form
      data-testid="sla-target-form"
      className="mt-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-700 dark:bg-gray-900"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => finish(await saveSlaTargetAction(objectType, objectId, { targetPercent: percent, period, countDowntime, timeZone: timeZone.trim() })));
      }}
    >
      <h2 className="text-base font-semibold text-gray-900 dark:text-gray-100">SLA target</h2>
      <p className="text-xs text-gray-600 dark:text-gray-400">Availability to reach in each calendar period; its error budget is the rest (docs/sla.md).</p>
      <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-4">
        <label className="text-sm text-gray-700 dark:text-gray-300">
          Target (%)
          <input name="targetPercent" inputMode="decimal" value={percent} onChange={(event) => setPercent(event.target.value)} placeholder="99.9" aria-invalid={errors.targetPercent ? true : undefined} className={INPUT} />
          <FieldError message={errors.targetPercent} path="targetPercent" />
        </label>
        <label className="text-sm text-gray-700 dark:text-gray-300">
          Period
          <select name="period" value={period} onChange={(event) => setPeriod(event.target.value === "QUARTER" ? "QUARTER" : "MONTH")} className={INPUT}>
            <option value="MONTH">Calendar month</option>
            <option value="QUARTER">Calendar quarter</option>
          </select>
          <FieldError message={errors.period} path="period" />
        </label>
        <label className="text-sm text-gray-700 dark:text-gray-300">
          Time zone of the calendar
          <input name="timeZone" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} aria-invalid={errors.timeZone ? true : undefined} className={INPUT} />
          <FieldError message={errors.timeZone} path="timeZone" />
        </label>
        <label className="flex items-center gap-2 text-sm text-gray-700 dark:text-gray-300 sm:mt-6">
          <input name="countDowntime" type="checkbox" checked={countDowntime} onChange={(event) => setCountDowntime(event.target.checked)} />
          Downtime counts against it
        </label>
      </div>
      <div className="mt-3 flex gap-2">
        <button type="submit" className={BUTTON} disabled={pending}>
          Save SLA target
        </button>
        {target !== null && (
          <button type="button" className={BUTTON} disabled={pending} onClick={() => startTransition(async () => finish(await removeSlaTargetAction(objectType, objectId)))}>
            Remove SLA target
          </button>
        )}
      </div>
      {message && (
        <p role="status" className="mt-2 text-sm text-gray-700 dark:text-gray-300">
          {message}
        </p>
      )}
    </form>
  );
}
