"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { deleteComponentAction, saveComponentAction } from "@/lib/actions/configure";
import { effectiveRequiredOnline } from "@/lib/bsm";
import type { ComponentConfigView, HostChoice, HostTemplateChoice } from "@/lib/config";
import { IDLE, type ActionResult } from "@/lib/errors/action-result";
import { ConfirmDelete } from "./confirm-delete";
import { useConfigureNotice } from "./configure-notice";
import { EditorError } from "./editor-error";
import { FieldError } from "@/components/ui/field-error";
import { operationalZonePercent } from "@/lib/bsm";
import { NameField } from "./name-field";
import { NotesField } from "./notes-field";

export function ComponentEditor({
  component,
  templates,
  hosts,
}: {
  component: ComponentConfigView | null;
  templates: HostTemplateChoice[];
  hosts: HostChoice[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ id: number }>>(IDLE);
  const [name, setName] = useState(component?.name ?? "");
  const [templateId, setTemplateId] = useState<number | null>(component?.hostTemplate.id ?? null);
  const [hostIds, setHostIds] = useState<number[]>(component?.hosts.map((host) => host.id) ?? []);
  const [requiredOnline, setRequiredOnline] = useState(component?.requiredOnline ?? 0);
  const [notes, setNotes] = useState(component?.notes ?? "");
  // A new component needs all its hosts online until the user sets Required Online by hand.
  const [requiredOnlineEdited, setRequiredOnlineEdited] = useState(component !== null);
  const announce = useConfigureNotice();
  const fieldErrors = result.status === "error" ? (result.fieldErrors ?? {}) : {};

  // Hosts already in the component stay listed even if the editor could not add them today.
  const choices = useMemo(() => {
    const visible = hosts.filter((host) => templateId !== null && host.hostTemplateIds.includes(templateId));
    const known = new Set(visible.map((host) => host.id));
    const kept = (component?.hosts ?? []).filter((host) => !known.has(host.id) && component?.hostTemplate.id === templateId);
    return [...kept.map((host) => ({ id: host.id, name: host.name })), ...visible];
  }, [hosts, templateId, component]);
  const hostsCount = hostIds.length;
  const allowedToFail = hostsCount - requiredOnline;

  const chooseTemplate = (value: string) => {
    const id = value === "" ? null : Number(value);
    setTemplateId(id);
    const usable = new Set(hosts.filter((host) => id !== null && host.hostTemplateIds.includes(id)).map((host) => host.id));
    const remaining = hostIds.filter((hostId) => usable.has(hostId));
    setHostIds(remaining);
    followHostCount(remaining.length);
  };

  const chooseHosts = (selected: number[]) => {
    // Keep the configured order for hosts that stay; new ones go to the end.
    const next = [...hostIds.filter((id) => selected.includes(id)), ...selected.filter((id) => !hostIds.includes(id))];
    setHostIds(next);
    followHostCount(next.length);
  };

  const followHostCount = (count: number) => setRequiredOnline(requiredOnlineEdited ? effectiveRequiredOnline(requiredOnline, count) : count);
  const editRequiredOnline = (value: number) => {
    setRequiredOnlineEdited(true);
    setRequiredOnline(value);
  };

  const save = () =>
    startTransition(async () => {
      const saved = await saveComponentAction(component?.id ?? null, { name, hostTemplateId: templateId ?? 0, hostIds, requiredOnline, notes });
      setResult(saved);
      announce(saved.status === "ok" ? saved.message : null);
      if (saved.status === "ok" && component === null && saved.data !== undefined) router.push(`/configure/components?id=${saved.data.id}`);
    });

  const remove = () =>
    startTransition(async () => {
      const deleted = await deleteComponentAction(component!.id, component!.usedBy.length > 0);
      setResult(deleted);
      announce(deleted.status === "ok" ? deleted.message : null);
      if (deleted.status === "ok") router.push("/configure/components");
    });

  return (
    <section aria-label="Component editor" className="space-y-5 rounded-lg bg-white p-6 text-sm shadow-sm">
      <h2 className="text-lg font-semibold">{component ? `Edit ${component.name}` : "New component"}</h2>
      <NameField id="component-name" value={name} onChange={setName} error={fieldErrors.name} />
      <div>
        <label htmlFor="component-template" className="block font-medium">
          Host template
        </label>
        <select
          id="component-template"
          value={templateId ?? ""}
          onChange={(event) => chooseTemplate(event.target.value)}
          aria-describedby="component-template-error"
          className="mt-1 rounded border border-slate-300 px-2 py-1.5"
        >
          <option value="">Choose a host template…</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.name}
            </option>
          ))}
        </select>
        <FieldError id="component-template-error" message={fieldErrors.hostTemplateId} />
      </div>
      <div>
        <label htmlFor="component-hosts" className="block font-medium">
          Hosts <span className="font-normal text-slate-500">(using this template and visible to you; Ctrl/Shift-click for several)</span>
        </label>
        <select
          id="component-hosts"
          multiple
          size={Math.min(10, Math.max(4, choices.length))}
          value={hostIds.map(String)}
          onChange={(event) => chooseHosts([...event.target.selectedOptions].map((option) => Number(option.value)))}
          aria-describedby="component-hosts-error"
          className="mt-1 w-full max-w-md rounded border border-slate-300 px-2 py-1.5"
        >
          {choices.map((host) => (
            <option key={host.id} value={host.id}>
              {host.name}
            </option>
          ))}
        </select>
        <FieldError id="component-hosts-error" message={fieldErrors.hostIds} />
      </div>
      <dl className="grid max-w-md grid-cols-1 sm:grid-cols-[10rem_minmax(0,1fr)] [overflow-wrap:anywhere] items-center gap-x-4 gap-y-3">
        <dt className="font-medium">Hosts Count</dt>
        <dd data-testid="hosts-count">{hostsCount}</dd>
        <HostCountSlider id="allowed-to-fail" label="Allowed to fail" hostsCount={hostsCount} value={allowedToFail} onChange={(value) => editRequiredOnline(hostsCount - value)} />
        <HostCountSlider
          id="required-online"
          label="Required Online"
          hostsCount={hostsCount}
          value={requiredOnline}
          onChange={editRequiredOnline}
          describedBy="required-online-error"
        />
        <dt className="font-medium">Operational zone</dt>
        <dd data-testid="zone-percent">{operationalZonePercent(requiredOnline, hostsCount)}%</dd>
      </dl>
      <FieldError id="required-online-error" message={fieldErrors.requiredOnline} />
      <NotesField id="component-notes" value={notes} onChange={setNotes} error={fieldErrors.notes} />
      {component && component.usedBy.length > 0 && (
        <p data-testid="used-by" className="text-slate-700">
          Used by {component.usedBy.length === 1 ? "business service" : "business services"} {component.usedBy.map((service) => service.name).join(", ")}.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={save} disabled={pending} className="rounded bg-slate-900 px-4 py-1.5 font-medium text-white hover:bg-slate-700 disabled:opacity-50">
          {pending ? "Saving…" : component ? "Save component" : "Create component"}
        </button>
        {component &&
          (component.deleteRefusal ? (
            <span data-testid="delete-refusal" className="text-slate-600">
              Cannot delete: {component.deleteRefusal}.
            </span>
          ) : (
            <ConfirmDelete what={`component ${component.name}`} onConfirm={remove} disabled={pending} usedBy={component.usedBy.map((service) => service.name)} />
          ))}
      </div>
      <EditorError result={result} />
    </section>
  );
}

/** A slider over 0..hostsCount (a dt/dd pair in the editor's list) with its value beside it. */
function HostCountSlider({
  id,
  label,
  hostsCount,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  label: string;
  hostsCount: number;
  value: number;
  onChange: (value: number) => void;
  describedBy?: string;
}) {
  return (
    <>
      <dt>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </dt>
      <dd className="flex items-center gap-3">
        <input
          id={id}
          type="range"
          min={0}
          max={hostsCount}
          value={value}
          disabled={hostsCount === 0}
          onChange={(event) => onChange(Number(event.target.value))}
          aria-describedby={describedBy}
          className="w-48"
        />
        <output htmlFor={id} data-testid={`${id}-value`}>
          {value}
        </output>
      </dd>
    </>
  );
}
