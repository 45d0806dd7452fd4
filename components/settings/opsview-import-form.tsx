"use client";

import { useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import type { ImportResult, PlannedChange } from "@/lib/config/document";
import type { OpsviewImportForm as OpsviewImportFormValues } from "@/lib/config/opsview-import/read-opsview-configuration";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";

interface Props {
  run: (form: OpsviewImportFormValues, options: { apply: boolean; prune: boolean }) => Promise<ActionResult<ImportResult>>;
}

const inputClass =
  "w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500";

const ACTION_CLASSES: Record<PlannedChange["action"], string> = {
  create: "bg-emerald-100 text-emerald-900",
  update: "bg-amber-100 text-amber-900",
  unchanged: "bg-slate-100 text-slate-700",
  kept: "bg-slate-100 text-slate-700",
  delete: "bg-red-100 text-red-900",
};

/** Settings → Import: an Opsview server or a file; Preview shows the plan, Apply applies the same input. */
export function OpsviewImportForm({ run }: Props) {
  const [source, setSource] = useState<"server" | "file">("file");
  const [baseUrl, setBaseUrl] = useState("");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [acceptSelfSigned, setAcceptSelfSigned] = useState(false);
  const [fileText, setFileText] = useState("");
  const [fileName, setFileName] = useState("");
  const [prune, setPrune] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ActionResult<ImportResult>>(IDLE);
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const [busy, startWork] = useTransition();

  const values = (): OpsviewImportFormValues =>
    source === "server" ? { source, baseUrl: baseUrl.trim(), username, password, acceptSelfSigned } : { source, fileText };
  const forget = () => {
    setPlan(null);
    setOutcome(IDLE);
  };

  const execute = (apply: boolean) => {
    setOutcome(IDLE);
    startWork(async () => {
      const result = await run(values(), { apply, prune });
      setErrors(result.status === "error" ? formErrorsOf(result) : {});
      setOutcome(result);
      setPlan(result.status === "ok" && result.data ? result.data : null);
    });
  };

  const preview = (event: FormEvent) => {
    event.preventDefault();
    execute(false);
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    forget();
    const file = event.target.files?.[0];
    setFileName(file?.name ?? "");
    setFileText(file ? await file.text() : "");
  };

  const canApply = plan !== null && !plan.applied && plan.plan.problems.length === 0 && !busy;
  const fieldProps = (path: string) => ({ "aria-invalid": errors[path] ? true : undefined, "aria-describedby": errors[path] ? `opsview-import-${path}-error` : undefined });

  return (
    <div className="max-w-3xl space-y-6">
      <form onSubmit={preview} className="space-y-5 rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid="opsview-import-form">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Read from</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="opsview-source" value="file" checked={source === "file"} onChange={() => (setSource("file"), forget())} />
              A JSON file
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="opsview-source" value="server" checked={source === "server"} onChange={() => (setSource("server"), forget())} />
              An Opsview server
            </label>
          </div>
        </fieldset>

        {source === "file" ? (
          <div>
            <label htmlFor="opsview-import-file" className="block text-sm font-medium">
              Opsview JSON file
            </label>
            <p className="mb-1 text-xs text-slate-600">
              {'{"bsmservice": …, "bsmcomponent": …}'}: the answers of /rest/config/bsmservice?rows=all and /rest/config/bsmcomponent?rows=all, or their
              lists.
            </p>
            <input id="opsview-import-file" type="file" accept="application/json,.json" onChange={chooseFile} className="block w-full text-sm" {...fieldProps("file")} />
            {fileName && <p className="mt-1 text-xs text-slate-600">{fileName}</p>}
            <FieldError id="opsview-import-file-error" path="file" message={errors.file} />
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <label htmlFor="opsview-import-url" className="block text-sm font-medium">
                Opsview server URL
              </label>
              <input id="opsview-import-url" type="url" required placeholder="https://opsview.example.com" value={baseUrl} onChange={(event) => (setBaseUrl(event.target.value), forget())} className={inputClass} {...fieldProps("server.baseUrl")} />
              <FieldError id="opsview-import-server.baseUrl-error" path="server.baseUrl" message={errors["server.baseUrl"]} />
            </div>
            <div>
              <label htmlFor="opsview-import-username" className="block text-sm font-medium">
                Username
              </label>
              <input id="opsview-import-username" required autoComplete="off" value={username} onChange={(event) => (setUsername(event.target.value), forget())} className={inputClass} {...fieldProps("server.username")} />
              <FieldError id="opsview-import-server.username-error" path="server.username" message={errors["server.username"]} />
            </div>
            <div>
              <label htmlFor="opsview-import-password" className="block text-sm font-medium">
                Password
              </label>
              <input id="opsview-import-password" type="password" required autoComplete="off" value={password} onChange={(event) => (setPassword(event.target.value), forget())} className={inputClass} {...fieldProps("server.password")} />
              <FieldError id="opsview-import-server.password-error" path="server.password" message={errors["server.password"]} />
            </div>
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" checked={acceptSelfSigned} onChange={(event) => (setAcceptSelfSigned(event.target.checked), forget())} />
              Accept a self-signed certificate
            </label>
            <FieldError path="server" message={errors.server} />
          </div>
        )}

        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" checked={prune} onChange={(event) => (setPrune(event.target.checked), forget())} />
          <span>Delete the components and business services you may change that Opsview&apos;s configuration leaves out (otherwise they are kept)</span>
        </label>

        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={busy} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
            {busy ? "Working…" : "Preview"}
          </button>
          <button type="button" disabled={!canApply} onClick={() => execute(true)} className="rounded border border-slate-400 px-3 py-1.5 text-sm disabled:opacity-50">
            Apply
          </button>
          {outcome.status !== "idle" && (
            <span role={outcome.status === "ok" ? "status" : "alert"} className={outcome.status === "ok" && (plan === null || plan.plan.problems.length === 0) ? "text-sm text-emerald-800" : "text-sm text-red-700"} data-testid="opsview-import-outcome">
              {resultMessage(outcome, "Correct the fields marked above.")}
            </span>
          )}
        </div>
      </form>

      {plan && <PlanView result={plan} />}
    </div>
  );
}

function PlanView({ result }: { result: ImportResult }) {
  const { plan } = result;
  return (
    <section aria-label={result.applied ? "What was applied" : "Preview"} className="space-y-4 rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid="opsview-import-plan">
      {plan.problems.length > 0 && (
        <div>
          <h2 className="text-base font-semibold text-red-800">Problems</h2>
          <ul className="mt-1 space-y-1 text-sm" data-testid="opsview-import-problems">
            {plan.problems.map((problem, index) => (
              <li key={`${problem.path}-${index}`} className="break-words">
                <code className="font-mono text-xs">{problem.path}</code>: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ChangeList title="Components" changes={plan.components} />
      <ChangeList title="Business services" changes={plan.businessServices} />
    </section>
  );
}

export function ChangeList({ title, changes }: { title: string; changes: PlannedChange[] }) {
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
