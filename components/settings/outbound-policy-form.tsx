"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import type { OutboundPolicyForm as OutboundPolicyFormData } from "@/lib/notify/outbound-policy-store";

interface Props {
  form: OutboundPolicyFormData;
  save: (values: { allow: string; deny: string }) => Promise<ActionResult>;
}

const textareaClass =
  "w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500";

function FieldError({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-1 text-sm text-red-700" data-field-error={path}>
      {message}
    </p>
  );
}

/** Settings → Outbound targets: the allow and deny lists of the outbound policy, one entry per line. */
export function OutboundPolicyForm({ form, save }: Props) {
  const router = useRouter();
  const [allow, setAllow] = useState(form.allow);
  const [deny, setDeny] = useState(form.deny);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<ActionResult>(IDLE);
  const [saving, startSaving] = useTransition();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(IDLE);
    startSaving(async () => {
      const result = await save({ allow, deny });
      setErrors(result.status === "error" ? formErrorsOf(result) : {});
      setOutcome(result);
      if (result.status === "ok") router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-5 rounded-lg bg-white p-6 shadow-sm" data-testid="outbound-policy-form">
      <div>
        <label htmlFor="outbound-allow" className="block font-medium">
          Allowed targets
        </label>
        <p id="outbound-allow-help" className="mb-1 text-sm text-slate-600">
          Addresses, CIDR ranges (10.20.0.0/16, fd00::/8) or host names that notifications may reach although they are inside the
          server&apos;s own networks, such as an internal webhook receiver. One per line.
        </p>
        <textarea
          id="outbound-allow"
          rows={5}
          value={allow}
          onChange={(event) => setAllow(event.target.value)}
          aria-describedby="outbound-allow-help"
          aria-invalid={errors.allow ? true : undefined}
          className={textareaClass}
        />
        <FieldError path="allow" message={errors.allow} />
      </div>
      <div>
        <label htmlFor="outbound-deny" className="block font-medium">
          Denied targets
        </label>
        <p id="outbound-deny-help" className="mb-1 text-sm text-slate-600">
          Refused whatever else says, even when also allowed. One per line.
        </p>
        <textarea
          id="outbound-deny"
          rows={4}
          value={deny}
          onChange={(event) => setDeny(event.target.value)}
          aria-describedby="outbound-deny-help"
          aria-invalid={errors.deny ? true : undefined}
          className={textareaClass}
        />
        <FieldError path="deny" message={errors.deny} />
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={saving} className="rounded bg-slate-800 px-3 py-1.5 text-sm text-white disabled:opacity-60">
          {saving ? "Saving…" : "Save outbound targets"}
        </button>
        {outcome.status !== "idle" && (
          <span
            role={outcome.status === "ok" ? "status" : "alert"}
            className={outcome.status === "ok" ? "text-sm text-emerald-800" : "text-sm text-red-700"}
            data-testid="outbound-policy-outcome"
          >
            {resultMessage(outcome, "Nothing was saved: correct the fields marked below.")}
          </span>
        )}
      </div>
      {form.updatedAt && (
        <p className="text-xs text-slate-500">
          Last changed {form.updatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")} by {form.updatedByEmail}.
        </p>
      )}
    </form>
  );
}
