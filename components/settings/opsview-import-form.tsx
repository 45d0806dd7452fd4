"use client";

import { useState, type ChangeEvent } from "react";
import { FieldError } from "@/components/ui/field-error";
import type { ImportResult } from "@/lib/config/document";
import type { OpsviewImportForm as OpsviewImportFormValues } from "@/lib/config/opsview-import/read-opsview-configuration";
import type { ActionResult } from "@/lib/errors/action-result";
import { ImportControls, PlanView, useImportPreview } from "./import-preview";

interface Props {
  run: (form: OpsviewImportFormValues, options: { apply: boolean; prune: boolean }) => Promise<ActionResult<ImportResult>>;
}

const inputClass =
  "w-full rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500";

/** Settings → Import: an Opsview server or a file; Preview shows the plan, Apply applies the same input. */
export function OpsviewImportForm({ run }: Props) {
  const [source, setSource] = useState<"server" | "file">("file");
  const [baseUrl, setBaseUrl] = useState("");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [acceptSelfSigned, setAcceptSelfSigned] = useState(false);
  const [fileText, setFileText] = useState("");
  const [fileName, setFileName] = useState("");

  const values = (): OpsviewImportFormValues =>
    source === "server" ? { source, baseUrl: baseUrl.trim(), username, password, acceptSelfSigned } : { source, fileText };
  const importer = useImportPreview((options) => run(values(), options));
  const { errors, forget, result: plan, outcome } = importer;

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    forget();
    const file = event.target.files?.[0];
    setFileName(file?.name ?? "");
    setFileText(file ? await file.text() : "");
  };

  const fieldProps = (path: string) => ({ "aria-invalid": errors[path] ? true : undefined, "aria-describedby": errors[path] ? `opsview-import-${path}-error` : undefined });

  return (
    <div className="max-w-3xl space-y-6">
      <form onSubmit={importer.preview} className="space-y-5 rounded-lg bg-white p-4 shadow-sm sm:p-6" data-testid="opsview-import-form">
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

        <ImportControls
          preview={importer}
          leftOutBy="Opsview's configuration"
          clean={outcome.status === "ok" && (plan === null || plan.plan.problems.length === 0)}
          fixHint="Correct the fields marked above."
          testId="opsview-import-outcome"
        />
      </form>

      {plan && <PlanView result={plan} testIdPrefix="opsview-import" />}
    </div>
  );
}
