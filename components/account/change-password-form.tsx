"use client";

import { useState, useTransition } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { ActionMessage } from "@/components/connector/action-message";
import { FieldError } from "@/components/ui/field-error";
import type { ActionResult } from "@/lib/errors/action-result";

const FIELDS = [
  { key: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { key: "newPassword", label: "New password", autoComplete: "new-password" },
  { key: "confirmPassword", label: "New password again", autoComplete: "new-password" },
] as const;

type Fields = Record<(typeof FIELDS)[number]["key"], string>;
const EMPTY: Fields = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm() {
  const [pending, startTransition] = useTransition();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [result, setResult] = useState<ActionResult>({ status: "idle" });
  const fieldErrors = result.status === "error" ? (result.fieldErrors ?? {}) : {};
  const submit = () =>
    startTransition(async () => {
      const outcome = await changePasswordAction(fields);
      setResult(outcome);
      if (outcome.status === "ok") setFields(EMPTY);
    });
  return (
    <section aria-label="Change password" className="mb-6 max-w-3xl space-y-3 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">Change password</h2>
      <p className="text-slate-600">Changing your password signs you out everywhere else.</p>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {FIELDS.map(({ key, label, autoComplete }) => (
          <div key={key}>
            <label htmlFor={`password-${key}`} className="block font-medium">
              {label}
            </label>
            <input
              id={`password-${key}`}
              type="password"
              autoComplete={autoComplete}
              value={fields[key]}
              aria-invalid={fieldErrors[key] ? true : undefined}
              aria-describedby={fieldErrors[key] ? `password-${key}-error` : undefined}
              onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
              className="mt-1 w-64 rounded border border-slate-300 px-2 py-1.5"
            />
            <FieldError id={`password-${key}-error`} message={fieldErrors[key]} />
          </div>
        ))}
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          Change password
        </button>
        <ActionMessage result={result.status === "error" && result.fieldErrors ? { status: "error", message: "Please correct the marked fields." } : result} />
      </form>
    </section>
  );
}
