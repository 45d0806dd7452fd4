"use client";

import { useState, useTransition } from "react";
import { saveContactAction } from "@/lib/actions/notifications";
import { formErrorsOf } from "@/lib/errors/action-result";
import type { FieldErrors } from "@/lib/errors/app-error";

const INPUT = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-2 focus:outline-sky-600";

export function ContactForm({ initial }: { initial: { pager: string; variables: string } }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    startTransition(async () => {
      const result = await saveContactAction(values);
      setErrors(result.status === "error" ? formErrorsOf(result) : {});
      setSaved(result.status === "ok");
    });
  }

  return (
    <form onSubmit={submit} className="max-w-xl space-y-3 rounded-lg bg-white p-5 shadow-sm" aria-label="Contact details">
      {errors.form && <p role="alert" className="text-sm text-red-700">{errors.form}</p>}
      <div>
        <label htmlFor="contact-pager" className="block text-sm font-medium text-slate-700">Pager (OPSVIEW_CONTACTPAGER)</label>
        <input id="contact-pager" className={INPUT} value={values.pager} onChange={(event) => setValues({ ...values, pager: event.target.value })} />
        {errors.pager && <p role="alert" className="mt-1 text-sm text-red-700">{errors.pager}</p>}
      </div>
      <div>
        <label htmlFor="contact-variables" className="block text-sm font-medium text-slate-700">Contact variables (NAME=value per line, as OPSVIEW_CONTACT_NAME)</label>
        <textarea id="contact-variables" rows={3} className={`${INPUT} font-mono`} value={values.variables} onChange={(event) => setValues({ ...values, variables: event.target.value })} />
        {errors.variables && <p role="alert" className="mt-1 text-sm text-red-700">{errors.variables}</p>}
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">
          Save contact details
        </button>
        {saved && <span role="status" className="text-sm text-emerald-700">Saved.</span>}
      </div>
    </form>
  );
}
