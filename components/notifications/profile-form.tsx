"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { deleteProfileAction, saveProfileAction } from "@/lib/actions/notifications";
import {
  emptyRanges,
  newMethodFormValues,
  type BurnRateWindowFormValues,
  type MethodFormValues,
  type ProfileFormValues,
} from "@/lib/notify/profiles/profile-form-values";
import { formErrorsOf } from "@/lib/errors/action-result";
import type { FieldErrors } from "@/lib/errors/app-error";
import { MAX_BURN_RATE_WINDOWS } from "@/lib/notify/burn-rate";
import { WEEKDAYS, type Trigger } from "@/lib/notify/types";
import { FieldError } from "@/components/ui/field-error";

export interface ProfileFormOptions {
  businessServices: { id: number; name: string }[];
  components: { id: number; name: string }[];
  roles: { id: number; name: string }[];
  isAdmin: boolean;
}

const TRIGGER_LABELS: Record<Trigger, string> = {
  offline: "Offline (business services)",
  failed: "Failed (components)",
  impacted: "Impacted",
  availability: "Availability below threshold",
  burn: "Error budget burning (objects with an SLA)",
};

const INPUT = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5 text-sm focus:outline-2 focus:outline-sky-600";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg bg-white p-5 shadow-sm">
      <legend className="float-left mb-3 w-full text-base font-semibold">{title}</legend>
      <div className="clear-both space-y-3">{children}</div>
    </fieldset>
  );
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
}

function TextField(props: { id: string; label: string; value: string; onChange: (value: string) => void; errors: FieldErrors; path: string; type?: string; hint?: string; multiline?: boolean }) {
  const { id, label, value, onChange, errors, path, type = "text", hint, multiline } = props;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? (
        <textarea id={id} className={`${INPUT} font-mono`} rows={4} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={errors[path] ? true : undefined} />
      ) : (
        <input id={id} type={type} className={INPUT} value={value} onChange={(event) => onChange(event.target.value)} aria-invalid={errors[path] ? true : undefined} />
      )}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldError path={path} message={errors[path]} announce />
    </div>
  );
}

function MethodFields({ method, index, errors, onChange }: { method: MethodFormValues; index: number; errors: FieldErrors; onChange: (method: MethodFormValues) => void }) {
  const field = (name: string) => `methods.${index}.${name}`;
  const id = (name: string) => `method-${index}-${name}`;
  switch (method.kind) {
    case "command":
      return (
        <>
          <TextField
            id={id("argv")}
            label="Command (program, then one argument per line)"
            multiline
            value={method.argv}
            onChange={(argv) => onChange({ ...method, argv })}
            errors={errors}
            path={field("argv")}
            hint="Run without a shell. The program is an absolute path, or notify_via_nagios followed by a Nagios notification script."
          />
          <TextField id={id("timeout")} label="Time limit (seconds)" value={method.timeoutSeconds} onChange={(timeoutSeconds) => onChange({ ...method, timeoutSeconds })} errors={errors} path={field("timeoutSeconds")} />
          <TextField id={id("settings")} label="Method settings (NAME=value per line, as OPSVIEW_NM_NAME)" multiline value={method.settings} onChange={(settings) => onChange({ ...method, settings })} errors={errors} path={field("settings")} />
          <TextField id={id("contact-variables")} label="Contact variables it needs (as OPSVIEW_CONTACT_NAME)" value={method.contactVariables} onChange={(contactVariables) => onChange({ ...method, contactVariables })} errors={errors} path={field("contactVariables")} />
        </>
      );
    case "email":
      return (
        <>
          <p className="text-sm text-slate-600">Sent to the recipient&apos;s e-mail address.</p>
          <TextField id={id("host")} label="SMTP server" value={method.host} onChange={(host) => onChange({ ...method, host })} errors={errors} path={field("host")} />
          <TextField id={id("port")} label="Port" value={method.port} onChange={(port) => onChange({ ...method, port })} errors={errors} path={field("port")} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={method.secure} onChange={(event) => onChange({ ...method, secure: event.target.checked })} /> TLS from the start (port 465)
          </label>
          <TextField id={id("username")} label="User name (empty: no login)" value={method.username} onChange={(username) => onChange({ ...method, username })} errors={errors} path={field("username")} />
          <TextField id={id("password")} label="Password (left empty: unchanged)" type="password" value={method.password} onChange={(password) => onChange({ ...method, password })} errors={errors} path={field("password")} />
          <TextField id={id("from")} label="From address" value={method.from} onChange={(from) => onChange({ ...method, from })} errors={errors} path={field("from")} />
          <TextField id={id("timeout")} label="Time limit (seconds)" value={method.timeoutSeconds} onChange={(timeoutSeconds) => onChange({ ...method, timeoutSeconds })} errors={errors} path={field("timeoutSeconds")} />
        </>
      );
    case "webhook":
      return (
        <>
          <TextField id={id("url")} label="URL (receives a JSON POST)" value={method.url} onChange={(url) => onChange({ ...method, url })} errors={errors} path={field("url")} />
          <TextField id={id("headers")} label="Headers (Name: value per line)" multiline value={method.headers} onChange={(headers) => onChange({ ...method, headers })} errors={errors} path={field("headers")} />
          <TextField id={id("timeout")} label="Time limit (seconds)" value={method.timeoutSeconds} onChange={(timeoutSeconds) => onChange({ ...method, timeoutSeconds })} errors={errors} path={field("timeoutSeconds")} />
        </>
      );
  }
}

function BurnRateWindows({ windows, errors, onChange }: { windows: BurnRateWindowFormValues[]; errors: FieldErrors; onChange: (windows: BurnRateWindowFormValues[]) => void }) {
  const setWindow = (index: number, window: BurnRateWindowFormValues) => onChange(windows.map((existing, position) => (position === index ? window : existing)));
  return (
    <div role="group" aria-label="Burn-rate windows" className="rounded border border-slate-200 p-3">
      <h3 className="text-sm font-semibold">Burn-rate windows</h3>
      <p className="mt-1 text-xs text-slate-500">
        A problem starts when, in any window, the object was not operational for at least that share of its SLA period&apos;s error budget.
      </p>
      <FieldError path="burnRateWindows" message={errors.burnRateWindows} announce />
      {windows.map((window, index) => (
        <div key={index} className="mt-2 grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]" data-testid={`burn-window-${index}`}>
          <TextField
            id={`burn-window-${index}-minutes`}
            label={`Window ${index + 1} (minutes, 1–43200)`}
            value={window.windowMinutes}
            onChange={(windowMinutes) => setWindow(index, { ...window, windowMinutes })}
            errors={errors}
            path={`burnRateWindows.${index}.windowMinutes`}
          />
          <TextField
            id={`burn-window-${index}-percent`}
            label={`Budget spent in window ${index + 1} (%)`}
            value={window.budgetPercent}
            onChange={(budgetPercent) => setWindow(index, { ...window, budgetPercent })}
            errors={errors}
            path={`burnRateWindows.${index}.budgetPercent`}
          />
          <button type="button" className="justify-self-start text-xs text-red-700 hover:underline sm:mt-8" onClick={() => onChange(windows.filter((_, position) => position !== index))}>
            Remove window {index + 1}
          </button>
        </div>
      ))}
      {windows.length < MAX_BURN_RATE_WINDOWS && (
        <button type="button" className="mt-2 rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" onClick={() => onChange([...windows, { windowMinutes: "", budgetPercent: "" }])}>
          Add window
        </button>
      )}
    </div>
  );
}

const METHOD_TITLES: Record<MethodFormValues["kind"], string> = { command: "Command", email: "E-mail", webhook: "Webhook" };

export function ProfileForm({ profileId, initial, options }: { profileId: number | null; initial: ProfileFormValues; options: ProfileFormOptions }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, startTransition] = useTransition();
  const set = <K extends keyof ProfileFormValues>(key: K, value: ProfileFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setMethod = (index: number, method: MethodFormValues) => set("methods", values.methods.map((existing, position) => (position === index ? method : existing)));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      // Windows only matter with the burn trigger; hidden ones must not block saving.
      const result = await saveProfileAction(profileId, values.triggers.includes("burn") ? values : { ...values, burnRateWindows: [] });
      if (result.status === "ok" && result.data) {
        router.push(`/notifications?saved=${result.data.id}`);
        router.refresh();
      } else if (result.status === "error") {
        setErrors(formErrorsOf(result));
      }
    });
  }

  function remove() {
    if (profileId === null || !window.confirm(`Delete the profile "${initial.name}"?`)) return;
    startTransition(async () => {
      const result = await deleteProfileAction(profileId);
      if (result.status === "ok") {
        router.push("/notifications");
        router.refresh();
      } else if (result.status === "error") {
        setErrors(formErrorsOf(result));
      }
    });
  }

  const errorCount = Object.keys(errors).length;
  const period = values.timePeriod;
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-5" noValidate aria-label="Notification profile">
      {errorCount > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {errors.form ?? `Please correct ${errorCount === 1 ? "the field" : `the ${errorCount} fields`} marked below.`}
        </div>
      )}
      <Section title="Profile">
        <TextField id="profile-name" label="Name" value={values.name} onChange={(name) => set("name", name)} errors={errors} path="name" />
        {options.isAdmin && (
          <div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={values.shared} onChange={(event) => set("shared", event.target.checked)} /> Shared profile (sent to every user of the chosen roles)
            </label>
            <FieldError path="shared" message={errors.shared} announce />
            {values.shared && (
              <div className="mt-2 flex flex-wrap gap-3" role="group" aria-label="Roles">
                {options.roles.length === 0 && <p className="text-sm text-slate-600">No roles exist yet.</p>}
                {options.roles.map((role) => (
                  <label key={role.id} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" checked={values.sharedWithRoleIds.includes(role.id)} onChange={(event) => set("sharedWithRoleIds", toggle(values.sharedWithRoleIds, role.id, event.target.checked))} />
                    {role.name}
                  </label>
                ))}
              </div>
            )}
          </div>
        )}
      </Section>

      <Section title="Business services and components">
        <FieldError path="objects" message={errors.objects} announce />
        <div className="grid gap-4 sm:grid-cols-2">
          {(
            [
              ["Business services", options.businessServices, "businessServiceIds"],
              ["Components", options.components, "componentIds"],
            ] as const
          ).map(([title, objects, key]) => (
            <div key={key} role="group" aria-label={title}>
              <div className="mb-1 flex items-center justify-between">
                <h3 className="text-sm font-medium">{title}</h3>
                <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => set(key, values[key].length === objects.length ? [] : objects.map((object) => object.id))}>
                  {values[key].length === objects.length && objects.length > 0 ? "Clear all" : `Select all ${title.toLowerCase()}`}
                </button>
              </div>
              <div className="max-h-56 space-y-1 overflow-y-auto rounded border border-slate-200 p-2">
                {objects.length === 0 && <p className="text-sm text-slate-500">None you may see.</p>}
                {objects.map((object) => (
                  <label key={object.id} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" checked={values[key].includes(object.id)} onChange={(event) => set(key, toggle(values[key], object.id, event.target.checked))} />
                    {object.name}
                  </label>
                ))}
              </div>
            </div>
          ))}
        </div>
      </Section>

      <Section title="When to notify">
        <div role="group" aria-label="Triggers" className="flex flex-wrap gap-4">
          {(Object.keys(TRIGGER_LABELS) as Trigger[]).map((trigger) => (
            <label key={trigger} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={values.triggers.includes(trigger)} onChange={(event) => set("triggers", toggle(values.triggers, trigger, event.target.checked))} />
              {TRIGGER_LABELS[trigger]}
            </label>
          ))}
        </div>
        <FieldError path="triggers" message={errors.triggers} announce />
        {values.triggers.includes("burn") && <BurnRateWindows windows={values.burnRateWindows} errors={errors} onChange={(windows) => set("burnRateWindows", windows)} />}
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField id="availability-threshold" label="Availability threshold (%)" value={values.availabilityThreshold} onChange={(value) => set("availabilityThreshold", value)} errors={errors} path="availabilityThreshold" />
          <TextField id="renotify-minutes" label="Re-notification interval (minutes, 0 = never)" value={values.renotifyMinutes} onChange={(value) => set("renotifyMinutes", value)} errors={errors} path="renotifyMinutes" />
          <TextField id="alert-from" label="Alert from notification number" value={values.alertFrom} onChange={(value) => set("alertFrom", value)} errors={errors} path="alertFrom" />
          <TextField id="stop-alert-after" label="Stop alert after (notifications, 0 = no limit)" value={values.stopAlertAfter} onChange={(value) => set("stopAlertAfter", value)} errors={errors} path="stopAlertAfter" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.sendRecovery} onChange={(event) => set("sendRecovery", event.target.checked)} /> Send recovery notifications
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.includeNotes} onChange={(event) => set("includeNotes", event.target.checked)} /> Include notes
        </label>
      </Section>

      <Section title="Time period">
        <div role="radiogroup" aria-label="Time period" className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ["24x7", "24x7"],
              ["workhours", "Work hours (Mon–Fri 09:00–17:00 UTC)"],
              ["custom", "Custom weekly ranges"],
            ] as const
          ).map(([kind, label]) => (
            <label key={kind} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="time-period"
                checked={period.kind === kind}
                onChange={() => set("timePeriod", kind === "custom" ? { kind, timeZone: "UTC", ranges: emptyRanges() } : { kind })}
              />
              {label}
            </label>
          ))}
        </div>
        {period.kind === "custom" && (
          <div className="grid gap-2 sm:grid-cols-2">
            <TextField id="time-zone" label="Time zone (IANA, e.g. Europe/London)" value={period.timeZone} onChange={(timeZone) => set("timePeriod", { ...period, timeZone })} errors={errors} path="timePeriod.timeZone" />
            {WEEKDAYS.map((day) => (
              <TextField
                key={day}
                id={`ranges-${day}`}
                label={`${day[0].toUpperCase()}${day.slice(1)} (e.g. 09:00-12:00, 13:00-17:00)`}
                value={period.ranges[day]}
                onChange={(text) => set("timePeriod", { ...period, ranges: { ...period.ranges, [day]: text } })}
                errors={errors}
                path={`timePeriod.ranges.${day}`}
              />
            ))}
          </div>
        )}
      </Section>

      <Section title="Notification methods">
        <FieldError path="methods" message={errors.methods} announce />
        {values.methods.map((method, index) => (
          <div key={index} className="rounded border border-slate-200 p-3" data-testid={`method-${index}`}>
            <div className="mb-2 flex items-center justify-between">
              <h3 className="text-sm font-semibold">
                {index + 1}. {METHOD_TITLES[method.kind]}
              </h3>
              <button type="button" className="text-xs text-red-700 hover:underline" onClick={() => set("methods", values.methods.filter((_, position) => position !== index))}>
                Remove
              </button>
            </div>
            <MethodFields method={method} index={index} errors={errors} onChange={(changed) => setMethod(index, changed)} />
          </div>
        ))}
        <div className="flex gap-2">
          {(["command", "email", "webhook"] as const)
            .filter((kind) => kind !== "command" || options.isAdmin)
            .map((kind) => (
              <button key={kind} type="button" className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50" onClick={() => set("methods", [...values.methods, newMethodFormValues(kind)])}>
                Add {METHOD_TITLES[kind].toLowerCase()}
              </button>
            ))}
        </div>
      </Section>

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:opacity-60">
          {pending ? "Saving…" : "Save profile"}
        </button>
        {profileId !== null && (
          <button type="button" onClick={remove} disabled={pending} className="rounded border border-red-300 px-4 py-2 text-sm text-red-700 hover:bg-red-50">
            Delete profile
          </button>
        )}
      </div>
    </form>
  );
}
