"use client";

import { useState, type ChangeEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import type { BusinessProcessImportResult } from "@/lib/config/bp-import/import-from-business-process";
import type { ActionResult } from "@/lib/errors/action-result";
import { ImportControls, PlanView, useImportPreview } from "./import-preview";

interface Props {
  run: (fileText: string, options: { apply: boolean; prune: boolean }) => Promise<ActionResult<BusinessProcessImportResult>>;
}

/** Settings → Import: a Business Process file (chosen or pasted); Preview shows the plan and what is not imported, Apply applies it. */
export function BusinessProcessImportForm({ run }: Props) {
  const [fileText, setFileText] = useState("");
  const importer = useImportPreview((options) => run(fileText, options));
  const { errors, forget, preview, result, outcome } = importer;

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    forget();
    const file = event.target.files?.[0];
    setFileText(file ? await file.text() : "");
  };

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

        <ImportControls preview={importer} leftOutBy="the file" clean={clean} fixHint="Correct the file as marked above." testId="bp-import-outcome" />
      </form>

      {result && <ResultView result={result} />}
    </div>
  );
}

function ResultView({ result }: { result: BusinessProcessImportResult }) {
  const { notImported } = result;
  return (
    <PlanView result={result} testIdPrefix="bp-import">
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
    </PlanView>
  );
}
