"use client";

import Link from "next/link";
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
import { globMatches } from "@/lib/membership/glob";

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
  const [membership, setMembership] = useState<"fixed" | "rule">(component?.rule ? "rule" : "fixed");
  const [ruleHostGroup, setRuleHostGroup] = useState(component?.rule?.hostGroup ?? "");
  const [ruleNamePattern, setRuleNamePattern] = useState(component?.rule?.namePattern ?? "");
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
  // What the rule matches now among the hosts this user sees; the server decides on every host.
  const ruleMatches = useMemo(() => ruleMatchesAmong(hosts, templateId, ruleHostGroup, ruleNamePattern), [hosts, templateId, ruleHostGroup, ruleNamePattern]);
  const hostGroupChoices = useMemo(
    () => [...new Set(hosts.filter((host) => templateId !== null && host.hostTemplateIds.includes(templateId)).flatMap((host) => host.hostGroups))].sort(),
    [hosts, templateId],
  );
  const ruled = membership === "rule";
  // A saved component keeps its hosts when its rule changes (the next poll offers the difference); a new one starts with the matches.
  const keepsHosts = component !== null && component.hostTemplate.id === templateId;
  const hostsCount = ruled ? (keepsHosts ? component.hostsCount : ruleMatches.length) : hostIds.length;
  const allowedToFail = hostsCount - requiredOnline;

  const chooseTemplate = (value: string) => {
    const id = value === "" ? null : Number(value);
    setTemplateId(id);
    const usable = new Set(hosts.filter((host) => id !== null && host.hostTemplateIds.includes(id)).map((host) => host.id));
    const remaining = hostIds.filter((hostId) => usable.has(hostId));
    setHostIds(remaining);
    if (membership === "fixed") followHostCount(remaining.length);
    else followHostCount(component !== null && component.hostTemplate.id === id ? component.hostsCount : ruleMatchesAmong(hosts, id, ruleHostGroup, ruleNamePattern).length);
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

  const chooseMembership = (value: "fixed" | "rule") => {
    setMembership(value);
    if (value === "rule") followHostCount(keepsHosts ? component.hostsCount : ruleMatches.length);
    if (value === "fixed") followHostCount(hostIds.length);
  };
  const editRule = (field: "group" | "pattern", value: string) => {
    const group = field === "group" ? value : ruleHostGroup;
    const pattern = field === "pattern" ? value : ruleNamePattern;
    setRuleHostGroup(group);
    setRuleNamePattern(pattern);
    if (!keepsHosts) followHostCount(ruleMatchesAmong(hosts, templateId, group, pattern).length);
  };

  const save = () =>
    startTransition(async () => {
      if (ruled && ruleHostGroup.trim() === "" && ruleNamePattern.trim() === "") {
        setResult({ status: "error", message: "Give a host group, a name pattern or both", fieldErrors: { ruleNamePattern: "Give a host group, a name pattern or both" } });
        return;
      }
      const common = { name, hostTemplateId: templateId ?? 0, requiredOnline, notes };
      const input = ruled ? { ...common, ruleHostGroup, ruleNamePattern } : { ...common, hostIds, ruleHostGroup: null, ruleNamePattern: null };
      const saved = await saveComponentAction(component?.id ?? null, input);
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
      <fieldset>
        <legend className="font-medium">Hosts are</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="component-membership" value="fixed" checked={!ruled} onChange={() => chooseMembership("fixed")} />
            A fixed list
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="component-membership" value="rule" checked={ruled} onChange={() => chooseMembership("rule")} />
            Chosen by a rule
          </label>
        </div>
      </fieldset>
      {ruled ? (
        <div className="space-y-3 rounded border border-slate-200 p-3" data-testid="membership-rule">
          <p className="text-slate-600">The hosts using the template, in the host group and whose name matches the pattern (either may be left empty). After every poll, hosts the rule gains or loses are applied by the reflection mode or wait in Membership review.</p>
          <div>
            <label htmlFor="component-rule-group" className="block font-medium">
              Host group
            </label>
            <select
              id="component-rule-group"
              value={ruleHostGroup}
              onChange={(event) => editRule("group", event.target.value)}
              aria-describedby="component-rule-group-error"
              className="mt-1 rounded border border-slate-300 px-2 py-1.5"
            >
              <option value="">Any host group</option>
              {[...new Set([...hostGroupChoices, ...(ruleHostGroup === "" ? [] : [ruleHostGroup])])].map((group) => (
                <option key={group} value={group}>
                  {group}
                </option>
              ))}
            </select>
            <FieldError id="component-rule-group-error" message={fieldErrors.ruleHostGroup} />
          </div>
          <div>
            <label htmlFor="component-rule-pattern" className="block font-medium">
              Name pattern <span className="font-normal text-slate-500">(* any characters, ? one character; empty: any name)</span>
            </label>
            <input
              id="component-rule-pattern"
              value={ruleNamePattern}
              onChange={(event) => editRule("pattern", event.target.value)}
              placeholder="web-eu-*"
              aria-describedby="component-rule-pattern-error"
              className="mt-1 w-full max-w-md rounded border border-slate-300 px-2 py-1.5"
            />
            <FieldError id="component-rule-pattern-error" message={fieldErrors.ruleNamePattern ?? fieldErrors.hostIds} />
          </div>
          <p data-testid="rule-matches">
            Matches now ({ruleMatches.length}): {ruleMatches.length === 0 ? "no host you can see" : ruleMatches.map((host) => host.name).join(", ")}
          </p>
          {keepsHosts && (
            <p data-testid="rule-members">
              Hosts now ({component.hostsCount}): {component.hosts.map((host) => host.name).join(", ")}
            </p>
          )}
          {component !== null && component.pendingMembershipChanges > 0 && (
            <p>
              <Link href="/configure/membership" className="underline">
                {component.pendingMembershipChanges} membership {component.pendingMembershipChanges === 1 ? "change waits" : "changes wait"} for review
              </Link>
            </p>
          )}
        </div>
      ) : (
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
      )}
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

/** The hosts among those given that a rule of this template, host group and name pattern matches. */
function ruleMatchesAmong(hosts: HostChoice[], templateId: number | null, hostGroup: string, namePattern: string): HostChoice[] {
  const group = hostGroup.trim();
  const pattern = namePattern.trim();
  return hosts.filter(
    (host) =>
      templateId !== null &&
      host.hostTemplateIds.includes(templateId) &&
      (group === "" || host.hostGroups.includes(group)) &&
      (pattern === "" || globMatches(pattern, host.name)),
  );
}
