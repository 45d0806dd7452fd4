"use client";

import { useId, useMemo, useState } from "react";
import { statusStyle } from "@/components/status/status-style";
import type { ComponentLayerView } from "@/lib/status/component-layers";
import { PageSourceActionButton } from "./source-action-button";
import { useSourceActionsContext } from "./source-actions-provider";

interface SelectableHost {
  name: string;
  state: string;
  acknowledged: boolean;
}

/** The visible hosts of a service's components, each once (a host can sit in several components), by component. */
export function hostsByComponent(layers: readonly (ComponentLayerView | null)[]): { component: string; hosts: SelectableHost[] }[] {
  const seen = new Set<string>();
  const groups = [];
  for (const layer of layers) {
    if (layer === null) continue;
    const hosts: SelectableHost[] = [];
    for (const host of layer.hosts) {
      if (!host.visible || seen.has(host.name)) continue;
      seen.add(host.name);
      hosts.push({ name: host.name, state: host.state, acknowledged: host.acknowledged });
    }
    if (hosts.length > 0) groups.push({ component: layer.name, hosts });
  }
  return groups;
}

/**
 * Source actions for several hosts of a Service view at once: tick hosts (or all failed ones), then
 * acknowledge the failed ones among them or schedule downtime for all (the selection clears once sent). Self-contained (folded by
 * default, its own selection), so it can sit beside other multi-selections of the same hosts.
 */
export function ServiceHostSelectionActions({ layers }: { layers: readonly (ComponentLayerView | null)[] }) {
  const context = useSourceActionsContext();
  const groups = useMemo(() => hostsByComponent(layers), [layers]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const id = useId();
  if (!context?.capabilities?.canAct || groups.length === 0) return null;

  const hosts = groups.flatMap((group) => group.hosts);
  const chosen = hosts.filter((host) => selected.has(host.name));
  const toAcknowledge = chosen.filter((host) => host.state === "FAILED" && !host.acknowledged).map((host) => ({ host: host.name }));
  const toDowntime = chosen.map((host) => ({ host: host.name }));
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
        Acknowledge or schedule downtime for several hosts{chosen.length > 0 && <span className="font-normal text-slate-600"> · {chosen.length} selected</span>}
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
          <button type="button" onClick={() => setSelected(new Set())} className="rounded px-2 py-0.5 text-xs ring-1 ring-slate-300 hover:bg-slate-100">
            Clear selection
          </button>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group, index) => (
            <fieldset key={group.component} aria-labelledby={`${id}-${index}`}>
              <legend id={`${id}-${index}`} className="mb-1 font-medium text-slate-700">
                {group.component}
              </legend>
              <ul className="flex flex-wrap gap-x-4 gap-y-0.5">
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
            <p className="text-slate-600">Select hosts to act on them.</p>
          ) : (
            <>
              {toAcknowledge.length > 0 && (
                <PageSourceActionButton kind="acknowledge" targets={toAcknowledge} label={`Acknowledge ${toAcknowledge.length} failed`} onRequested={() => setSelected(new Set())} />
              )}
              <PageSourceActionButton kind="downtime" targets={toDowntime} label={`Schedule downtime for ${toDowntime.length}`} onRequested={() => setSelected(new Set())} />
            </>
          )}
        </div>
      </div>
    </details>
  );
}
