"use client";

import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ImportResult, PlannedChange } from "@/lib/config/document";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";

// What the importers of Settings → Import share: Preview shows the plan of the input as it is now,
// Apply applies the same input; any change of the input forgets the plan.

const ACTION_CLASSES: Record<PlannedChange["action"], string> = {
  create: "bg-emerald-100 text-emerald-900",
  update: "bg-amber-100 text-amber-900",
  unchanged: "bg-slate-100 text-slate-700",
  kept: "bg-slate-100 text-slate-700",
  delete: "bg-red-100 text-red-900",
};

export function useImportPreview<Result extends ImportResult>(run: (options: { apply: boolean; prune: boolean }) => Promise<ActionResult<Result>>) {
  const [prune, setPrune] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ActionResult<Result>>(IDLE);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, startWork] = useTransition();

  const forget = () => {
    setResult(null);
    setOutcome(IDLE);
  };
  const execute = (apply: boolean) => {
    setOutcome(IDLE);
    startWork(async () => {
      const answer = await run({ apply, prune });
      setErrors(answer.status === "error" ? formErrorsOf(answer) : {});
      setOutcome(answer);
      setResult(answer.status === "ok" && answer.data ? answer.data : null);
    });
  };
  const preview = (event: FormEvent) => {
    event.preventDefault();
    execute(false);
  };
  const canApply = result !== null && !result.applied && result.plan.problems.length === 0 && !busy;
  return { prune, setPrune, errors, outcome, result, busy, forget, execute, preview, canApply };
}

export type ImportPreview<Result extends ImportResult> = ReturnType<typeof useImportPreview<Result>>;

/** "Delete what the input leaves out", Preview, Apply and the outcome. `clean`: the outcome reads as a success rather than a warning. */
export function ImportControls<Result extends ImportResult>({
  preview,
  leftOutBy,
  clean,
  fixHint,
  testId,
}: {
  preview: ImportPreview<Result>;
  /** Who leaves objects out: "the file", "Opsview's configuration". */
  leftOutBy: string;
  clean: boolean;
  fixHint: string;
  testId: string;
}) {
  const { prune, setPrune, forget, busy, canApply, execute, outcome } = preview;
  return (
    <>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5" checked={prune} onChange={(event) => (setPrune(event.target.checked), forget())} />
        <span>Delete the components and business services you may change that {leftOutBy} leaves out (otherwise they are kept)</span>
      </label>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={busy} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
          {busy ? "Working…" : "Preview"}
        </button>
        <button type="button" disabled={!canApply} onClick={() => execute(true)} className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-50">
          Apply
        </button>
        {outcome.status !== "idle" && (
          <span role={outcome.status === "ok" ? "status" : "alert"} className={clean ? "text-sm text-emerald-800" : outcome.status === "ok" ? "text-sm text-amber-800" : "text-sm text-red-700"} data-testid={testId}>
            {resultMessage(outcome, fixHint)}
          </span>
        )}
      </div>
    </>
  );
}

/** The plan: its problems by path, then what happens to each component and business service; `children` come between. */
export function PlanView({ result, testIdPrefix, children }: { result: ImportResult; testIdPrefix: string; children?: ReactNode }) {
  const { plan } = result;
  return (
    <section aria-label={result.applied ? "What was applied" : "Preview"} className="space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid={`${testIdPrefix}-plan`}>
      {plan.problems.length > 0 && (
        <div>
          <h2 className="text-base font-semibold text-red-800">Problems</h2>
          <ul className="mt-1 space-y-1 text-sm" data-testid={`${testIdPrefix}-problems`}>
            {plan.problems.map((problem, index) => (
              <li key={`${problem.path}-${index}`} className="break-words">
                <code className="font-mono text-xs">{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {children}
      <ChangeList title="Components" changes={plan.components} />
      <ChangeList title="Business services" changes={plan.businessServices} />
    </section>
  );
}

function ChangeList({ title, changes }: { title: string; changes: PlannedChange[] }) {
  return (
    <div>
      <h2 className="text-base font-semibold">{title}</h2>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">
          {changes.map((change) => (
            <li key={change.name} className="flex flex-wrap items-center justify-between gap-2 py-1.5" data-plan-name={change.name} data-plan-action={change.action}>
              <span className="break-all">{change.name}</span>
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${ACTION_CLASSES[change.action]}`}>{change.action}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
