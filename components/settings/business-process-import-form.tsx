"use client";

import { useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import type { BusinessProcessImportResult } from "@/lib/config/bp-import/import-from-business-process";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import { ChangeList } from "./opsview-import-form";

interface Props {
  run: (fileText: string, options: { apply: boolean; prune: boolean }) => Promise<ActionResult<BusinessProcessImportResult>>;
}

/** Settings → Import: a Business Process file (chosen or pasted); Preview shows the plan and what is not imported, Apply applies it. */
export function BusinessProcessImportForm({ run }: Props) {
  const [fileText, setFileText] = useState("");
  const [prune, setPrune] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ActionResult<BusinessProcessImportResult>>(IDLE);
  const [result, setResult] = useState<BusinessProcessImportResult | null>(null);
  const [busy, startWork] = useTransition();

  const forget = () => {
    setResult(null);
    setOutcome(IDLE);
  };

  const execute = (apply: boolean) => {
    setOutcome(IDLE);
    startWork(async () => {
      const answer = await run(fileText, { apply, prune });
      setErrors(answer.status === "error" ? formErrorsOf(answer) : {});
      setOutcome(answer);
      setResult(answer.status === "ok" && answer.data ? answer.data : null);
    });
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    execute(false);
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    forget();
    const file = event.target.files?.[0];
    setFileText(file ? await file.text() : "");
  };

  const canApply = result !== null && !result.applied && result.plan.problems.length === 0 && !busy;
  const clean = outcome.status === "ok" && (result === null || (result.plan.problems.length === 0 && result.notImported.length === 0));

  return (
    <div className="max-w-3xl space-y-6">
      <form onSubmit={preview} className="space-y-5 rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid="bp-import-form">
        <div>
          <label htmlFor="bp-import-file" className="block text-sm font-medium">
            Business Process file
          </label>
          <p className="mb-1 text-xs text-slate-600">A process file of the Icinga Web 2 Business Process module (processes/NAME.conf).</p>
          <input id="bp-import-file" type="file" accept=".conf,text/plain" onChange={chooseFile} className="block w-full text-sm" />
        </div>
        <div>
          <label htmlFor="bp-import-text" className="block text-sm font-medium">
            Process file text
          </label>
          <textarea
            id="bp-import-text"
            rows={8}
            spellCheck={false}
            placeholder={"web = 2 of: web1;Hoststatus + web2;Hoststatus + web3;Hoststatus\nshop = web & db\ndisplay 1;shop;Shop"}
            value={fileText}
            onChange={(event) => (setFileText(event.target.value), forget())}
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? "bp-import-file-error" : undefined}
            className="w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-xs aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500"
          />
          <FieldError id="bp-import-file-error" path="file" message={errors.file} />
        </div>

        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" checked={prune} onChange={(event) => (setPrune(event.target.checked), forget())} />
          <span>Delete the components and business services you may change that the file leaves out (otherwise they are kept)</span>
        </label>

        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
            {busy ? "Working…" : "Preview"}
          </button>
          <button type="button" disabled={!canApply} onClick={() => execute(true)} className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-50">
            Apply
          </button>
          {outcome.status !== "idle" && (
            <span role={outcome.status === "ok" ? "status" : "alert"} className={clean ? "text-sm text-emerald-800" : outcome.status === "ok" ? "text-sm text-amber-800" : "text-sm text-red-700"} data-testid="bp-import-outcome">
              {resultMessage(outcome, "Correct the file as marked above.")}
            </span>
          )}
        </div>
      </form>

      {result && <ResultView result={result} />}
    </div>
  );
}

function ResultView({ result }: { result: BusinessProcessImportResult }) {
  const { plan, notImported } = result;
  return (
    <section aria-label={result.applied ? "What was applied" : "Preview"} className="space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid="bp-import-plan">
      {plan.problems.length > 0 && (
        <div>
          <h2 className="text-base font-semibold text-red-800">Problems</h2>
          <ul className="mt-1 space-y-1 text-sm" data-testid="bp-import-problems">
            {plan.problems.map((problem, index) => (
              <li key={`${problem.path}-${index}`} className="break-words">
                <code className="font-mono text-xs">{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <h2 className="text-base font-semibold">Not imported</h2>
        {notImported.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing: every node of the file is imported.</p>
        ) : (
          <table className="mt-1 w-full text-left text-sm" data-testid="bp-import-not-imported">
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Line</th>
                <th scope="col" className="py-1 pr-3 font-medium">Node</th>
                <th scope="col" className="py-1 font-medium">Why</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {notImported.map((item, index) => (
                <tr key={`${item.line}-${item.node}-${index}`} data-not-imported={item.node}>
                  <td className="py-1.5 pr-3 align-top tabular-nums">{item.line}</td>
                  <td className="py-1.5 pr-3 align-top font-mono text-xs whitespace-nowrap">{item.node}</td>
                  <td className="py-1.5 align-top">{item.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <ChangeList title="Components" changes={plan.components} />
      <ChangeList title="Business services" changes={plan.businessServices} />
    </section>
  );
}
