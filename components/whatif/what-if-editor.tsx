"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState, useTransition } from "react";
import { FieldError } from "@/components/ui/field-error";
import { deleteWhatIfScenarioAction, evaluateWhatIfAction, saveWhatIfScenarioAction, updateWhatIfScenarioAction } from "@/lib/actions/whatif";
import { resultMessage, type ActionResult } from "@/lib/errors/action-result";
import type { FieldErrors } from "@/lib/errors/app-error";
import type { WhatIfCandidates } from "@/lib/whatif/candidates";
import { MAX_WHAT_IF_CHANGES, downtimeTargetsOf, type WhatIfChange, type WhatIfTarget } from "@/lib/whatif/changes";
import { SourceActionButton } from "@/components/actions/source-action-button";
import type { WhatIfView } from "@/lib/whatif/view";
import { WhatIfResults } from "./what-if-results";

export interface ScenarioSummary {
  id: number;
  name: string;
  mine: boolean;
  ownerName: string;
  path: string;
}

const TARGET_LABELS: Record<WhatIfTarget, string> = { failed: "Failed", downtime: "In downtime", recovered: "Recovered" };
const SHOWN_HOSTS = 40;
const button = "rounded-md px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60";
const primary = `${button} bg-blue-700 text-white hover:bg-blue-800`;
const secondary = `${button} bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50`;
const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";

/** Choose hosts and checks, say what happens to them, see the effect; save and share the scenario. */
export function WhatIfEditor({
  candidates,
  initialChanges,
  initialResult,
  scenario,
}: {
  candidates: WhatIfCandidates;
  initialChanges: WhatIfChange[];
  initialResult: WhatIfView | null;
  scenario?: ScenarioSummary;
}) {
  const router = useRouter();
  const ids = useId();
  const [changes, setChanges] = useState<WhatIfChange[]>(initialChanges);
  const [result, setResult] = useState<WhatIfView | null>(initialResult);
  const [evaluated, setEvaluated] = useState(JSON.stringify(initialResult === null ? null : initialChanges));
  const [query, setQuery] = useState("");
  const [name, setName] = useState(scenario?.name ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const checksOf = useMemo(() => new Map(candidates.hosts.map((host) => [host.name, host.checks])), [candidates]);
  const chosen = new Set(changes.map((change) => change.host));
  const needle = query.trim().toLowerCase();
  const matching = candidates.hosts.filter((host) => needle === "" || host.name.toLowerCase().includes(needle) || host.components.some((component) => component.toLowerCase().includes(needle)));
  const stale = result !== null && evaluated !== JSON.stringify(changes);

  const edit = (index: number, patch: Partial<WhatIfChange>) =>
    setChanges((current) =>
      current.map((change, at) => {
        if (at !== index) return change;
        const next = { ...change, ...patch };
        if (next.check === undefined) delete next.check;
        return next;
      }),
    );
  const finish = (outcome: ActionResult<unknown>) => {
    setErrors(outcome.status === "error" ? (outcome.fieldErrors ?? {}) : {});
    setMessage(outcome.status === "idle" ? null : { ok: outcome.status === "ok", text: resultMessage(outcome, "Correct the marked fields.") });
  };

  const evaluate = () =>
    startTransition(async () => {
      const outcome = await evaluateWhatIfAction(changes);
      finish(outcome);
      if (outcome.status === "ok" && outcome.data) {
        setResult(outcome.data);
        setEvaluated(JSON.stringify(changes));
        setMessage(null);
      }
    });
  const saveNew = () =>
    startTransition(async () => {
      const outcome = await saveWhatIfScenarioAction({ name, changes });
      finish(outcome);
      if (outcome.status === "ok" && outcome.data) router.push(outcome.data.path);
    });
  const saveChanges = () =>
    startTransition(async () => {
      const outcome = await updateWhatIfScenarioAction(scenario!.id, { name, changes });
      finish(outcome);
      if (outcome.status === "ok") router.refresh();
    });
  const remove = () =>
    startTransition(async () => {
      const outcome = await deleteWhatIfScenarioAction(scenario!.id);
      finish(outcome);
      if (outcome.status === "ok") router.push("/bsm/what-if");
    });

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="min-w-0 space-y-6">
        <section aria-labelledby={`${ids}-pick`} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id={`${ids}-pick`} className="mb-1 font-semibold">
            Hosts
          </h2>
          <p className="mb-2 text-sm text-slate-600">
            {candidates.hosts.length} hosts of {candidates.scopeLabel}.
          </p>
          <label htmlFor={`${ids}-search`} className="block text-sm font-medium">
            Find a host
          </label>
          <input id={`${ids}-search`} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Host or component name" className={`${field} mt-1 w-full`} />
          <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto p-1" aria-label="Hosts to choose from">
            {matching.slice(0, SHOWN_HOSTS).map((host) => (
              <li key={host.name} className="flex items-center justify-between gap-2 text-sm">
                <span className="min-w-0">
                  <span className="block font-medium [overflow-wrap:anywhere]">{host.name}</span>
                  <span className="block truncate text-xs text-slate-600">{host.components.join(", ")}</span>
                </span>
                <button
                  type="button"
                  className={secondary}
                  disabled={chosen.has(host.name) || changes.length >= MAX_WHAT_IF_CHANGES}
                  aria-label={`Add ${host.name}`}
                  onClick={() => setChanges((current) => [...current, { host: host.name, to: "failed" }])}
                >
                  {chosen.has(host.name) ? "Added" : "Add"}
                </button>
              </li>
            ))}
          </ul>
          {matching.length > SHOWN_HOSTS && <p className="mt-2 text-xs text-slate-600">{matching.length - SHOWN_HOSTS} more: narrow the search.</p>}
          {matching.length === 0 && <p className="mt-2 text-sm text-slate-600">No host matches.</p>}
        </section>

        <section aria-labelledby={`${ids}-changes`} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id={`${ids}-changes`} className="mb-2 font-semibold">
            What if …
          </h2>
          {changes.length === 0 ? (
            <p className="text-sm text-slate-600">Add hosts from the list above.</p>
          ) : (
            <ul className="space-y-3" data-testid="whatif-changes">
              {changes.map((change, index) => {
                const checks = checksOf.get(change.host) ?? [];
                return (
                  <li key={`${change.host}-${index}`} className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-200" data-host={change.host}>
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-medium [overflow-wrap:anywhere]">{change.host}</span>
                      <button type="button" className="text-sm text-red-800 underline" aria-label={`Remove ${change.host}`} onClick={() => setChanges((current) => current.filter((_, at) => at !== index))}>
                        Remove
                      </button>
                    </div>
                    <div className="mt-1 flex gap-2">
                      <select aria-label={`Check of ${change.host}`} className={`${field} min-w-0 flex-1`} value={change.check ?? ""} onChange={(event) => edit(index, { check: event.target.value === "" ? undefined : event.target.value })}>
                        <option value="">Whole host</option>
                        {change.check !== undefined && !checks.some((check) => check.name === change.check) && <option value={change.check}>{change.check}</option>}
                        {checks.map((check) => (
                          <option key={check.name} value={check.name}>
                            {check.name} (now {check.state})
                          </option>
                        ))}
                      </select>
                      <select aria-label={`${change.host} becomes`} className={`${field} min-w-0 flex-1`} value={change.to} onChange={(event) => edit(index, { to: event.target.value as WhatIfTarget })}>
                        {Object.entries(TARGET_LABELS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <FieldError path={`changes.${index}`} message={errors[`changes.${index}.host`] ?? errors[`changes.${index}.check`] ?? errors[`changes.${index}.to`] ?? errors[`changes.${index}`]} />
                  </li>
                );
              })}
            </ul>
          )}
          <FieldError path="changes" message={errors.changes} />
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <button type="button" className={primary} disabled={pending || changes.length === 0} onClick={evaluate}>
              {pending ? "Working…" : "See what happens"}
            </button>
            {/* Drawn only for a user with ACTIONBSM on a source that takes commands. */}
            <SourceActionButton kind="downtime" targets={downtimeTargetsOf(changes)} label="Schedule this as downtime" />
          </div>
        </section>

        <section aria-labelledby={`${ids}-save`} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id={`${ids}-save`} className="mb-2 font-semibold">
            {scenario ? "Scenario" : "Save"}
          </h2>
          {scenario && !scenario.mine && <p className="mb-2 text-sm text-slate-600">Saved by {scenario.ownerName}. Only they may change it; you may save a copy of your own.</p>}
          <label htmlFor={`${ids}-name`} className="block text-sm font-medium">
            Scenario name
          </label>
          <input id={`${ids}-name`} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} className={`${field} mt-1 w-full`} aria-describedby={`${ids}-name-error`} />
          <FieldError id={`${ids}-name-error`} path="name" message={errors.name} />
          <div className="mt-3 flex flex-wrap gap-2">
            {scenario?.mine && (
              <button type="button" className={primary} disabled={pending || changes.length === 0} onClick={saveChanges}>
                Save changes
              </button>
            )}
            <button type="button" className={scenario?.mine ? secondary : primary} disabled={pending || changes.length === 0} onClick={saveNew}>
              {scenario ? "Save as a new scenario" : "Save scenario"}
            </button>
            {scenario?.mine && (
              <button type="button" className={`${button} text-red-800 ring-1 ring-red-600/40 hover:bg-red-50`} disabled={pending} onClick={remove}>
                Delete
              </button>
            )}
          </div>
          {scenario && <ShareLink path={scenario.path} />}
        </section>
        {message && (
          <p role="status" className={`text-sm ${message.ok ? "text-emerald-900" : "text-red-800"}`}>
            {message.text}
          </p>
        )}
      </div>
      {/* On a phone the outcome comes first; the choices follow. */}
      <div className="order-first min-w-0 lg:order-none">{result ? <WhatIfResults result={result} stale={stale} /> : <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">Choose hosts and press “See what happens”.</p>}</div>
    </div>
  );
}

/** The scenario's address to share, with a Copy button (the address stays selectable where the clipboard is refused). */
function ShareLink({ path }: { path: string }) {
  const id = useId();
  const [copied, setCopied] = useState<string | null>(null);
  const url = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block text-sm font-medium">
        Link to share
      </label>
      <div className="mt-1 flex gap-2">
        <input id={id} readOnly value={url} className={`${field} min-w-0 flex-1`} onFocus={(event) => event.target.select()} data-testid="whatif-share-link" />
        <button
          type="button"
          className={secondary}
          onClick={() =>
            navigator.clipboard
              .writeText(url)
              .then(() => setCopied("Link copied."))
              .catch(() => setCopied("Copy the link from the field."))
          }
        >
          Copy link
        </button>
      </div>
      {copied && (
        <p role="status" className="mt-1 text-sm text-slate-700">
          {copied}
        </p>
      )}
      <p className="mt-1 text-xs text-slate-600">Anyone who may see all of its hosts can open it; it is evaluated against the state at that moment.</p>
    </div>
  );
}
