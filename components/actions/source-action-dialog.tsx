"use client";

import { useEffect, useId, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { formatDuration } from "@/components/ui/format-time";
import { FieldError } from "@/components/ui/field-error";
import { Time, useTimeZone } from "@/components/ui/time";
import { requestSourceActionAction } from "@/lib/actions/source-actions";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { SourceActionView } from "@/lib/source-actions/types";
import { KIND_TITLES, describeTarget } from "./action-words";
import type { SourceActionRequest } from "./source-actions-provider";
import { epochOfWallTime, floorToMinute, tonight, wallTimeOf } from "@/lib/time/wall-time";

const INPUT = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus:outline-2 focus:outline-sky-600";
const PRESET = "rounded px-2 py-1 text-xs font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600";
const HOUR_MS = 3_600_000;
const FIELDS = ["comment", "sticky", "expiresAt", "startAt", "endAt"] as const;
const BAD_MOMENT = "Enter a date and time.";

/**
 * The dialog of one source action: acknowledge (comment, sticky, optional expiry), schedule downtime
 * (start, end, comment, presets), or remove either. Times are entered and shown in the user's zone.
 * A native modal <dialog>: focus stays inside, Escape cancels.
 */
export function SourceActionDialog({
  request,
  onClose,
  onRequested,
}: {
  request: SourceActionRequest;
  onClose: () => void;
  onRequested: (action: SourceActionView) => void;
}) {
  const { kind, targets } = request;
  const zone = useTimeZone();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [now] = useState(() => floorToMinute(Date.now()));
  const [comment, setComment] = useState("");
  const [sticky, setSticky] = useState(true);
  const [expires, setExpires] = useState("");
  const [start, setStart] = useState(() => wallTimeOf(now, zone));
  const [end, setEnd] = useState(() => wallTimeOf(now + HOUR_MS, zone));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const setRange = (startAt: number, endAt: number) => {
    setStart(wallTimeOf(startAt, zone));
    setEnd(wallTimeOf(endAt, zone));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = inputOf();
    if ("errors" in input) {
      setErrors(input.errors);
      return;
    }
    startTransition(async () => {
      const result = await requestSourceActionAction(input.value);
      if (result.status === "ok" && result.data) {
        onRequested(result.data);
        dialogRef.current?.close();
        return;
      }
      setErrors(result.status === "error" ? errorsByField(result.message, result.fieldErrors) : { form: "The server gave no answer." });
    });
  };

  function inputOf(): { value: Record<string, unknown> } | { errors: FieldErrors } {
    if (kind === "remove-acknowledgement" || kind === "remove-downtime") return { value: { kind, targets } };
    if (kind === "acknowledge") {
      const expiresAt = expires.trim() === "" ? null : epochOfWallTime(expires, zone);
      if (expiresAt === null && expires.trim() !== "") return { errors: { expiresAt: `${BAD_MOMENT} Leave it empty for no expiry.` } };
      return { value: { kind, targets, comment, sticky, expiresAt } };
    }
    const startAt = epochOfWallTime(start, zone);
    const endAt = epochOfWallTime(end, zone);
    if (startAt === null || endAt === null) return { errors: { ...(startAt === null ? { startAt: BAD_MOMENT } : {}), ...(endAt === null ? { endAt: BAD_MOMENT } : {}) } };
    return { value: { kind, targets, comment, startAt, endAt } };
  }

  const startAt = epochOfWallTime(start, zone);
  const endAt = epochOfWallTime(end, zone);
  const expiresAt = epochOfWallTime(expires, zone);
  const title = KIND_TITLES[kind];
  const otherErrors = Object.entries(errors).filter(([field]) => field !== "form" && !(FIELDS as readonly string[]).includes(field));

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      data-testid="source-action-dialog"
      onClose={onClose}
      className="m-auto max-h-[calc(100dvh-1rem)] w-[min(34rem,calc(100vw-1rem))] overflow-y-auto rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-300 backdrop:bg-black/50"
    >
      <form onSubmit={submit} noValidate className="space-y-4 p-5">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">Sent to the monitoring source, which reports it back with its next poll.</p>
        </div>
        <section aria-label="Targets" className="text-sm">
          <p className="font-medium text-slate-700">{targets.length === 1 ? "For" : `For ${targets.length} targets`}</p>
          <ul className="mt-1 max-h-32 list-disc overflow-y-auto pl-5 [overflow-wrap:anywhere]" data-testid="source-action-targets">
            {targets.map((target) => (
              <li key={`${target.host}|${target.check ?? ""}`}>{describeTarget(kind, target)}</li>
            ))}
          </ul>
          {kind === "acknowledge" && targets.some((target) => target.check === undefined) && (
            <p className="mt-1 text-xs text-slate-600">A host&apos;s acknowledgement covers the checks failing on it now (every check that is not OK).</p>
          )}
        </section>

        {kind === "downtime" && (
          <fieldset className="space-y-3">
            <legend className="sr-only">When</legend>
            <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Presets">
              <span className="text-xs text-slate-600">Presets:</span>
              <button type="button" className={PRESET} onClick={() => setRange(floorToMinute(Date.now()), floorToMinute(Date.now()) + HOUR_MS)}>
                1 h
              </button>
              <button type="button" className={PRESET} onClick={() => setRange(floorToMinute(Date.now()), floorToMinute(Date.now()) + 2 * HOUR_MS)}>
                2 h
              </button>
              <button
                type="button"
                className={PRESET}
                onClick={() => {
                  const night = tonight(Date.now(), zone);
                  setRange(night.startAt, night.endAt);
                }}
              >
                Tonight 22:00–06:00
              </button>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <MomentField id={`${id}-start`} label="Start" value={start} onChange={setStart} error={errors.startAt} path="startAt" autoFocus>
                {startAt !== null && <Time at={startAt} />}
              </MomentField>
              <MomentField id={`${id}-end`} label="End" value={end} onChange={setEnd} error={errors.endAt} path="endAt">
                {endAt !== null && (
                  <>
                    <Time at={endAt} />
                    {startAt !== null && endAt > startAt && <> · lasts {formatDuration(endAt - startAt)}</>}
                  </>
                )}
              </MomentField>
            </div>
            <p className="text-xs text-slate-600">
              Times in {zone}. A host shows DOWNTIME while a failure falls in the downtime; without one it stays Operational.
            </p>
          </fieldset>
        )}

        {(kind === "acknowledge" || kind === "downtime") && (
          <div>
            <label htmlFor={`${id}-comment`} className="block text-sm font-medium text-slate-700">
              Comment
            </label>
            <textarea
              id={`${id}-comment`}
              rows={3}
              maxLength={1000}
              autoFocus={kind === "acknowledge"}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              aria-invalid={errors.comment ? true : undefined}
              aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
              className={INPUT}
            />
            <FieldError id={`${id}-comment-error`} path="comment" message={errors.comment} />
          </div>
        )}

        {kind === "acknowledge" && (
          <>
            <div>
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" checked={sticky} onChange={(event) => setSticky(event.target.checked)} className="mt-0.5" />
                <span>
                  <span className="font-medium">Sticky</span>
                  <span className="block text-xs text-slate-600">Keep it while the check stays in a problem state, even when that state changes; it ends when the check is OK.</span>
                </span>
              </label>
              <FieldError path="sticky" message={errors.sticky} />
            </div>
            <div>
              <MomentField id={`${id}-expires`} label="Expires (optional)" value={expires} onChange={setExpires} error={errors.expiresAt} path="expiresAt">
                {expires.trim() === "" ? "Never: it lasts until the check recovers." : expiresAt !== null && <Time at={expiresAt} />}
              </MomentField>
              <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label="Expiry presets">
                <button type="button" className={PRESET} onClick={() => setExpires(wallTimeOf(floorToMinute(Date.now()) + 4 * HOUR_MS, zone))}>
                  In 4 h
                </button>
                <button type="button" className={PRESET} onClick={() => setExpires(wallTimeOf(floorToMinute(Date.now()) + 24 * HOUR_MS, zone))}>
                  In 24 h
                </button>
                <button type="button" className={PRESET} onClick={() => setExpires("")}>
                  Never
                </button>
              </div>
              <p className="mt-1 text-xs text-slate-600">Times in {zone}.</p>
            </div>
          </>
        )}

        {(kind === "remove-acknowledgement" || kind === "remove-downtime") && (
          <p className="text-sm text-slate-700">{kind === "remove-downtime" ? "Ends the downtimes scheduled on these targets." : "Removes the acknowledgements of these targets."}</p>
        )}

        {(errors.form || otherErrors.length > 0) && (
          <div role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-600/30" data-testid="source-action-error">
            {errors.form && <p>{errors.form}</p>}
            {otherErrors.length > 0 && (
              <ul className="list-disc pl-5">
                {otherErrors.map(([field, message]) => (
                  <li key={field}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-4">
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50">
            Cancel
          </button>
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
          >
            {pending ? "Sending…" : title}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function MomentField({
  id,
  label,
  value,
  onChange,
  error,
  path,
  autoFocus,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  path: string;
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        value={value}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-said${error ? ` ${id}-error` : ""}`}
        className={INPUT}
      />
      <p id={`${id}-said`} className="mt-1 text-xs text-slate-600">
        {children}
      </p>
      <FieldError id={`${id}-error`} path={path} message={error} />
    </div>
  );
}

const FIELD_NAMES: Record<string, string> = {
  comment: "The comment",
  sticky: "Sticky",
  expiresAt: "The expiry",
  startAt: "The start",
  endAt: "The end",
  targets: "The targets",
  kind: "The kind",
};

/**
 * The server's refusal by field, each message a sentence ("is required" under Comment reads "The
 * comment is required."); its message stands for the form when it names no field.
 */
export function errorsByField(message: string, fieldErrors: FieldErrors | undefined): FieldErrors {
  if (!fieldErrors) return { form: message };
  const sentences: FieldErrors = {};
  for (const [field, text] of Object.entries(fieldErrors)) {
    const sentence = /^[a-z]/.test(text) ? `${FIELD_NAMES[field] ?? field} ${text}` : text;
    sentences[field] = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  return sentences;
}
