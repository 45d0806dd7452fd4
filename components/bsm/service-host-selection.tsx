"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { PageSourceActionButton } from "@/components/actions/source-action-button";
import { useSourceActionsContext } from "@/components/actions/source-actions-provider";
import { statusStyle } from "@/components/status/status-style";
import type { ComponentLayerView } from "@/lib/status/component-layers";

interface SelectableHost {
  name: string;
  state: string;
  acknowledged: boolean;
}

/** The visible hosts of a service's components, by component (a host in two components is listed in both). */
export function hostsByComponent(layers: readonly (ComponentLayerView | null)[]): { component: string; hosts: SelectableHost[] }[] {
  return layers.flatMap((layer) => {
    if (layer === null) return [];
    const hosts = layer.hosts.filter((host) => host.visible).map((host) => ({ name: host.name, state: host.state, acknowledged: host.acknowledged }));
    return hosts.length > 0 ? [{ component: layer.name, hosts }] : [];
  });
}

/**
 * The Service view's multi-selection of hosts: tick hosts (or all failed ones), then ask what would
 * happen if they failed (the what-if page), or, with ACTIONBSM, acknowledge the failed ones among
 * them or schedule downtime for all. Only on the Service page (inside its SourceActionsProvider),
 * not in dashlets or the kiosk.
 */
export function ServiceHostSelection({ layers }: { layers: readonly (ComponentLayerView | null)[] }) {
  const context = useSourceActionsContext();
  const router = useRouter();
  const groups = useMemo(() => hostsByComponent(layers), [layers]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const id = useId();
  if (context === null || groups.length === 0) return null;

  const canAct = context.capabilities?.canAct === true;
  const hosts = [...new Map(groups.flatMap((group) => group.hosts).map((host) => [host.name, host])).values()];
  const chosen = hosts.filter((host) => selected.has(host.name));
  const toAcknowledge = chosen.filter((host) => host.state === "FAILED" && !host.acknowledged).map((host) => ({ host: host.name }));
  const toDowntime = chosen.map((host) => ({ host: host.name }));
  const clear = () => setSelected(new Set());
  const toggle = (name: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });

  return (
    <details data-testid="service-host-selection" className="rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
      <summary className="cursor-pointer px-3 py-2 font-medium">
        {canAct ? "Select hosts: what if they fail, acknowledge, schedule downtime" : "What if some hosts fail?"}
        {chosen.length > 0 && <span className="font-normal text-slate-600"> · {chosen.length} selected</span>}
      </summary>
      <div className="space-y-3 border-t border-slate-200 px-3 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => setSelected(new Set(hosts.filter((host) => host.state === "FAILED").map((host) => host.name)))}
            className="rounded px-2 py-0.5 text-xs ring-1 ring-slate-300 hover:bg-slate-100"
          >
            Select failed hosts
          </button>
          <button type="button" onClick={clear} className="rounded px-2 py-0.5 text-xs ring-1 ring-slate-300 hover:bg-slate-100">
            Clear selection
          </button>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group, index) => (
            <fieldset key={`${group.component}-${index}`} aria-labelledby={`${id}-${index}`}>
              <legend id={`${id}-${index}`} className="mb-1 font-medium text-slate-700">
                {group.component}
              </legend>
              <ul className="space-y-0.5">
                {group.hosts.map((host) => (
                  <li key={host.name}>
                    <label className="flex items-center gap-2 [overflow-wrap:anywhere]">
                      <input type="checkbox" checked={selected.has(host.name)} onChange={(event) => toggle(host.name, event.target.checked)} />
                      <span>{host.name}</span>
                      <span className="text-xs text-slate-600">
                        {statusStyle(host.state).label}
                        {host.acknowledged && ", acknowledged"}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3">
          {chosen.length === 0 ? (
            <p className="text-slate-600">Select hosts to see what their failure would do{canAct ? ", or to act on them" : ""}.</p>
          ) : (
            <>
              <button
                type="button"
                onClick={() => router.push(`/bsm/what-if?hosts=${encodeURIComponent(chosen.map((host) => host.name).join(","))}`)}
                className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
              >
                {chosen.length === 1 ? "What if this host fails…" : `What if these ${chosen.length} hosts fail…`}
              </button>
              {toAcknowledge.length > 0 && <PageSourceActionButton kind="acknowledge" targets={toAcknowledge} label={`Acknowledge ${toAcknowledge.length} failed`} onRequested={clear} />}
              <PageSourceActionButton kind="downtime" targets={toDowntime} label={`Schedule downtime for ${toDowntime.length}`} onRequested={clear} />
            </>
          )}
        </div>
      </div>
    </details>
  );
}
