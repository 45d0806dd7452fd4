"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createExcludedPeriodAction, deleteExcludedPeriodAction } from "@/lib/actions/sla";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { ExcludedPeriodResource } from "@/lib/sla/excluded-periods";
import { epochOfWallTime } from "@/lib/time/wall-time";
import { FieldError } from "@/components/ui/field-error";
import { Time, useTimeZone } from "@/components/ui/time";

const INPUT = "mt-1 w-full rounded border border-gray-300 bg-white px-2 py-1 text-sm text-gray-900 dark:border-gray-600 dark:bg-gray-800 dark:text-gray-100";
const BUTTON = "rounded border border-gray-300 px-2 py-1 text-sm text-gray-800 hover:bg-gray-50 disabled:opacity-50 dark:border-gray-600 dark:text-gray-100 dark:hover:bg-gray-700";

/** An object's excluded periods: listed for everyone who sees it, added and deleted with CONFIGUREBSM. */
export function ExcludedPeriods({
  objectType,
  objectId,
  periods,
  canEdit,
}: {
  objectType: "BUSINESS_SERVICE" | "COMPONENT";
  objectId: number;
  periods: ExcludedPeriodResource[];
  canEdit: boolean;
}) {
  const zone = useTimeZone();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  const add = () => {
    const fromAt = epochOfWallTime(from, zone);
    const toAt = epochOfWallTime(to, zone);
    const local: FieldErrors = {};
    if (fromAt === null) local.from = "Enter the start date and time";
    if (toAt === null) local.to = "Enter the end date and time";
    setErrors(local);
    if (fromAt === null || toAt === null) return;
    startTransition(async () => {
      const result = await createExcludedPeriodAction({ objectType, objectId, from: fromAt, to: toAt, reason });
      if (result.status === "error") {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.fieldErrors ? null : result.message);
        return;
      }
      setMessage(result.status === "ok" ? result.message : null);
      setFrom("");
      setTo("");
      setReason("");
      router.refresh();
    });
  };

  const remove = (id: number) =>
    startTransition(async () => {
      const result = await deleteExcludedPeriodAction(id);
      setMessage(result.status === "idle" ? null : result.message);
      if (result.status === "ok") router.refresh();
    });

  return (
    <section aria-labelledby={`excluded-${objectId}`} data-testid="excluded-periods" className="mt-4">
      <h3 id={`excluded-${objectId}`} className="text-sm font-semibold text-gray-900 dark:text-gray-100">
        Excluded periods
      </h3>
      <p className="text-xs text-gray-600 dark:text-gray-400">Left out of availability and SLA figures, with the reason (times in {zone}).</p>
      {periods.length === 0 ? (
        <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">None.</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm text-gray-800 dark:text-gray-200">
          {periods.map((period) => (
            <li key={period.id} data-testid="excluded-period" className="flex flex-wrap items-center gap-x-2">
              <span>
                <Time at={period.from} /> – <Time at={period.to} />
              </span>
              <span className="text-gray-600 dark:text-gray-400">{period.reason}</span>
              {period.createdBy && <span className="text-xs text-gray-500 dark:text-gray-400">by {period.createdBy}</span>}
              {canEdit && period.canDelete && (
                <button type="button" className={BUTTON} disabled={pending} onClick={() => remove(period.id)} aria-label={`Delete the excluded period: ${period.reason}`}>
                  Delete
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-[auto_auto_minmax(0,1fr)_auto] sm:items-end"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <label className="text-sm text-gray-700 dark:text-gray-300">
            From
            <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} aria-invalid={errors.from ? true : undefined} className={INPUT} />
            <FieldError message={errors.from} path="from" />
          </label>
          <label className="text-sm text-gray-700 dark:text-gray-300">
            To
            <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} aria-invalid={errors.to ? true : undefined} className={INPUT} />
            <FieldError message={errors.to} path="to" />
          </label>
          <label className="text-sm text-gray-700 dark:text-gray-300">
            Reason
            <input type="text" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} aria-invalid={errors.reason ? true : undefined} className={INPUT} />
            <FieldError message={errors.reason} path="reason" />
          </label>
          <button type="submit" className={BUTTON} disabled={pending}>
            Exclude period
          </button>
        </form>
      )}
      {message && (
        <p role="status" className="mt-1 text-sm text-gray-700 dark:text-gray-300">
          {message}
        </p>
      )}
    </section>
  );
}
