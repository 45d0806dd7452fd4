"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Time } from "@/components/ui/time";
import { IDLE, formErrorsOf, resultMessage, type ActionResult } from "@/lib/errors/action-result";
import type { OutboundPolicyForm as OutboundPolicyFormData } from "@/lib/notify/outbound-policy-store";

interface Props {
  form: OutboundPolicyFormData;
  save: (values: { allow: string; deny: string }) => Promise<ActionResult>;
}

const textareaClass =
  "w-full rounded border border-slate-300 px-2 py-1.5 font-mono text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50 focus:outline-2 focus:outline-slate-500";

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
      <TargetListField id="outbound-allow" path="allow" label="Allowed targets" rows={5} value={allow} onChange={setAllow} error={errors.allow}>
        Addresses, CIDR ranges (10.20.0.0/16, fd00::/8) or host names that notifications may reach although they are inside the
        server&apos;s own networks, such as an internal webhook receiver. One per line.
      </TargetListField>
      <TargetListField id="outbound-deny" path="deny" label="Denied targets" rows={4} value={deny} onChange={setDeny} error={errors.deny}>
        Refused whatever else says, even when also allowed. One per line.
      </TargetListField>
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
          Last changed <Time at={form.updatedAt} /> by {form.updatedByEmail}.
        </p>
      )}
    </form>
  );
}

/** One of the policy's lists: a textarea of one entry per line, its help and its error. */
function TargetListField({
  id,
  path,
  label,
  rows,
  value,
  onChange,
  error,
  children,
}: {
  id: string;
  path: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <p id={`${id}-help`} className="mb-1 text-sm text-slate-600">
        {children}
      </p>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-help`}
        aria-invalid={error ? true : undefined}
        className={textareaClass}
      />
      <FieldError path={path} message={error} announce />
    </div>
  );
}
