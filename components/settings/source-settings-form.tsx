"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { SourceSettingsFormData } from "@/lib/settings/load-source-settings-form";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { SourceSettingsDraft } from "@/lib/settings/source-settings-draft";
import type { ConnectionTarget, SourceField } from "@/lib/sources/source-kind";

interface Props {
  form: SourceSettingsFormData;
  save: (draft: SourceSettingsDraft) => Promise<ActionResult>;
  testConnection: (request: { draft: SourceSettingsDraft; target: ConnectionTarget }) => Promise<ActionResult>;
  reset: () => Promise<ActionResult>;
}

const inputClass =
  "w-full rounded border border-slate-300 px-2 py-1.5 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500";

function fieldId(path: string) {
  return `source-${path.replaceAll(".", "-")}`;
}

/** The monitoring source settings: kind, its fields, Test connection per database or endpoint. */
export function SourceSettingsForm({ form, save, testConnection, reset }: Props) {
  const router = useRouter();
  const choices = Object.fromEntries(form.kinds.map((choice) => [choice.kind, choice]));
  const [kind, setKind] = useState<string>(form.startKind);
  const [drafts, setDrafts] = useState(() => Object.fromEntries(form.kinds.map((choice) => [choice.kind, choice.draft])));
  const [pollIntervalSeconds, setPollIntervalSeconds] = useState(drafts[kind].pollIntervalSeconds);
  const [savedSecrets, setSavedSecrets] = useState<{ kind: string; fields: string[] }>({ kind: form.kind, fields: form.secretFields });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<ActionResult>(IDLE);
  const [tests, setTests] = useState<Partial<Record<ConnectionTarget, ActionResult | "running">>>({});
  const [saving, startSaving] = useTransition();

  const draft: SourceSettingsDraft = { ...drafts[kind], kind, pollIntervalSeconds };
  const kindForm = choices[kind].form;
  const secretSaved = (path: string) => savedSecrets.kind === kind && savedSecrets.fields.includes(path);

  const update = (change: (current: SourceSettingsDraft) => SourceSettingsDraft) => setDrafts((all) => ({ ...all, [kind]: change(all[kind]) }));
  const setValue = (path: string, value: string | boolean) => update((current) => ({ ...current, values: { ...current.values, [path]: value } }));
  const setGroupEnabled = (path: string, enabled: boolean) =>
    update((current) => ({
      ...current,
      enabledGroups: enabled ? [...current.enabledGroups, path] : current.enabledGroups.filter((group) => group !== path),
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(IDLE);
    startSaving(async () => {
      const result = await save(draft);
      setOutcome(result);
      if (result.status === "error") {
        setErrors(formErrorsOf(result));
        return;
      }
      setErrors({});
      const typed = kindForm.secretFields.filter((path) => draft.values[path] !== "" && draft.values[path] !== undefined);
      const kept = savedSecrets.kind === kind ? savedSecrets.fields : [];
      setSavedSecrets({ kind, fields: [...new Set([...kept, ...typed])] });
      update((current) => ({ ...current, values: Object.fromEntries(Object.entries(current.values).map(([path, value]) => [path, kindForm.secretFields.includes(path) ? "" : value])) }));
      router.refresh();
    });
  };

  const runTest = async (target: ConnectionTarget) => {
    setTests((all) => ({ ...all, [target]: "running" }));
    const result = await testConnection({ draft, target }).catch((error: Error): ActionResult => ({ status: "error", message: error.message }));
    setTests((all) => ({ ...all, [target]: result }));
  };

  const revertToEnvironment = () => {
    startSaving(async () => {
      setOutcome(await reset());
      router.refresh();
    });
  };

  const renderField = (field: SourceField) => {
    const id = fieldId(field.path);
    const error = errors[field.path];
    const describedBy = [error ? `${id}-error` : null, field.help || field.type === "password" ? `${id}-help` : null].filter(Boolean).join(" ") || undefined;
    const value = draft.values[field.path];
    if (field.type === "checkbox") {
      return (
        <label key={field.path} className="col-span-2 flex items-center gap-2">
          <input id={id} type="checkbox" checked={value === true} onChange={(event) => setValue(field.path, event.target.checked)} />
          {field.label}
        </label>
      );
    }
    if (field.shownWhen && draft.values[field.shownWhen.path] !== field.shownWhen.equals) return null;
    const saved = field.type === "password" && secretSaved(field.path);
    return (
      <div key={field.path} className="contents">
        <label htmlFor={id} className="pt-1.5 font-medium text-slate-700">
          {field.label}
        </label>
        <div>
          {field.type === "select" ? (
            <select
              id={id}
              className={inputClass}
              value={typeof value === "string" ? value : ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => setValue(field.path, event.target.value)}
            >
              {field.options?.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={id}
              type={field.type === "password" ? "password" : "text"}
              inputMode={field.type === "number" ? "decimal" : undefined}
              autoComplete={field.type === "password" ? "new-password" : "off"}
              className={inputClass}
              value={typeof value === "string" ? value : ""}
              placeholder={saved ? "unchanged" : field.placeholder}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              onChange={(event) => setValue(field.path, event.target.value)}
            />
          )}
          {error && (
            <p id={`${id}-error`} className="mt-1 text-red-700" data-testid={`error-${field.path}`}>
              {field.label} {error}
            </p>
          )}
          {field.type === "password" ? (
            <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
              {saved ? "A password is saved (encrypted). Leave blank to keep it." : "Stored encrypted; never shown again."}
            </p>
          ) : (
            field.help && (
              <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
                {field.help}
              </p>
            )
          )}
        </div>
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-5 rounded-lg bg-white p-6 text-sm shadow-sm" data-testid="source-settings-form">
      <div className="grid grid-cols-1 sm:grid-cols-[11rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-3">
        <label htmlFor="source-kind" className="pt-1.5 font-medium text-slate-700">
          Source kind
        </label>
        <div>
          <select
            id="source-kind"
            className={inputClass}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value);
              setErrors({});
              setTests({});
            }}
          >
            {form.kinds.map((option) => (
              <option key={option.kind} value={option.kind}>
                {option.label}
              </option>
            ))}
          </select>
          {errors.kind && <p className="mt-1 text-red-700">Source kind {errors.kind}</p>}
        </div>
        <label htmlFor="source-poll-interval" className="pt-1.5 font-medium text-slate-700">
          Poll interval (seconds)
        </label>
        <div>
          <input
            id="source-poll-interval"
            type="text"
            inputMode="numeric"
            className={inputClass}
            value={pollIntervalSeconds}
            aria-invalid={errors.pollIntervalSeconds ? true : undefined}
            aria-describedby={errors.pollIntervalSeconds ? "source-poll-interval-error" : undefined}
            onChange={(event) => setPollIntervalSeconds(event.target.value)}
          />
          {errors.pollIntervalSeconds && (
            <p id="source-poll-interval-error" className="mt-1 text-red-700" data-testid="error-pollIntervalSeconds">
              Poll interval {errors.pollIntervalSeconds}
            </p>
          )}
        </div>
      </div>

      {kindForm.groups.map((group) => {
        const enabled = !group.optional || draft.enabledGroups.includes(group.optional.path);
        const test = group.testTarget ? tests[group.testTarget] : undefined;
        return (
          <fieldset key={group.title} className="rounded border border-slate-200 p-4">
            <legend className="px-1 font-semibold">{group.title}</legend>
            {group.optional && (
              <label className="mb-3 flex items-center gap-2">
                <input type="checkbox" checked={enabled} onChange={(event) => setGroupEnabled(group.optional!.path, event.target.checked)} />
                {group.optional.label}
              </label>
            )}
            {enabled && (
              <>
                <div className="grid grid-cols-1 sm:grid-cols-[10rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-3">{group.fields.map(renderField)}</div>
                {group.testTarget && (
                  <div className="mt-3 flex items-start gap-3">
                    <button
                      type="button"
                      onClick={() => void runTest(group.testTarget!)}
                      disabled={test === "running"}
                      className="shrink-0 rounded border border-slate-400 px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-50"
                    >
                      {test === "running" ? "Testing…" : "Test connection"}
                    </button>
                    {test && test !== "running" && test.status !== "idle" && (
                      <p
                        role="status"
                        data-testid={`test-result-${group.testTarget}`}
                        className={`rounded px-2 py-1.5 ${test.status === "ok" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}
                      >
                        <strong>{test.status === "ok" ? "Success:" : "Failed:"}</strong> {test.message}
                      </p>
                    )}
                  </div>
                )}
              </>
            )}
          </fieldset>
        );
      })}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={saving} className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {saving ? "Saving…" : "Save source settings"}
        </button>
        {form.origin === "saved" && (
          <button type="button" onClick={revertToEnvironment} disabled={saving} className="rounded border border-slate-400 px-3 py-1.5 font-medium hover:bg-slate-100">
            Use the environment&apos;s settings
          </button>
        )}
      </div>
      {outcome.status !== "idle" && (
        <p role="status" data-testid="save-result" className={`rounded px-3 py-2 ${outcome.status === "ok" ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900"}`}>
          {resultMessage(outcome, "Nothing was saved: correct the fields marked below.")}
        </p>
      )}
    </form>
  );
}
