"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

/** The Service view's multi-selection: tick hosts of the service, then open What-if with them failed. */
export function WhatIfHostSelection({ components }: { components: { name: string; hosts: string[] }[] }) {
  const router = useRouter();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const withHosts = components.filter((component) => component.hosts.length > 0);
  if (withHosts.length === 0) return null;
  const toggle = (host: string, on: boolean) => setChosen((current) => (on ? [...current, host] : current.filter((name) => name !== host)));
  return (
    <details className="mb-4 rounded-lg bg-white p-3 text-sm shadow-sm" data-testid="whatif-host-selection">
      <summary className="cursor-pointer font-semibold">What if some hosts fail?</summary>
      <div className="mt-2 space-y-3">
        {withHosts.map((component, index) => (
          <fieldset key={`${component.name}-${index}`}>
            <legend className="font-medium">{component.name}</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {component.hosts.map((host) => (
                <label key={host} className="flex items-center gap-1.5">
                  <input type="checkbox" checked={chosen.includes(host)} onChange={(event) => toggle(host, event.target.checked)} />
                  <span className="[overflow-wrap:anywhere]">{host}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          id={id}
          disabled={chosen.length === 0}
          onClick={() => router.push(`/bsm/what-if?hosts=${encodeURIComponent([...new Set(chosen)].join(","))}`)}
          className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
        >
          What if {chosen.length === 1 ? "this host fails" : `these ${chosen.length || ""} hosts fail`.replace("  ", " ")}…
        </button>
      </div>
    </details>
  );
}
