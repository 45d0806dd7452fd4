"use client";

import { useState, useTransition } from "react";
import { moveDashletAction, pinDashletAction, removeDashletAction, resizeDashletAction } from "@/lib/actions/dashboard";
import { LiveComponentView, LiveInvestigateView, LiveServiceView } from "@/components/bsm/live-views";
import { SummaryDashletWithLocalOptions } from "@/components/summary/summary-view";
import { DASHLET_SIZES, type DashletContent, type DashletSize, type DashletView } from "@/lib/dashboard/dashlet";
import type { ActionResult } from "@/lib/errors/action-result";

const SPAN: Record<DashletSize, string> = {
  small: "lg:col-span-1",
  medium: "lg:col-span-2",
  large: "lg:col-span-3",
  full: "lg:col-span-4",
};

const TILES_HEIGHT: Record<DashletSize, string> = { small: "16rem", medium: "20rem", large: "24rem", full: "28rem" };

/** The user's dashboard: dashlets in order, each can move, change size or go; Summary can be added here, views are pinned from their pages. */
export function DashboardGrid({ dashlets }: { dashlets: DashletView[] }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const act = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.status === "error" ? result.message : null);
    });

  return (
    <div className="space-y-3" aria-busy={pending}>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={() => act(() => pinDashletAction({ kind: "summary" }))}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
        >
          Add BSM Summary
        </button>
        <span className="text-sm text-slate-600">Add a Service, Component or Investigate view with its Pin button.</span>
        {error && (
          <span role="alert" className="text-sm text-red-900">
            {error}
          </span>
        )}
      </div>
      {dashlets.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          Your dashboard is empty. Open the <a href="/summary" className="text-blue-800 underline">Summary</a>, find a service and pin it.
        </p>
      ) : (
        <ol className="grid grid-cols-1 gap-4 lg:grid-cols-4" aria-label="Your dashlets">
          {dashlets.map((dashlet, index) => (
            <li
              key={dashlet.id}
              className={`${SPAN[dashlet.size]} min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm`}
              data-testid="dashlet"
              data-kind={dashlet.content.kind}
              data-size={dashlet.size}
              aria-label={titleOf(dashlet.content)}
            >
              <div className="mb-2 flex flex-wrap items-center gap-2 border-b border-slate-100 pb-2">
                <h2 className="mr-auto text-sm font-semibold">{titleOf(dashlet.content)}</h2>
                <ControlButton label="Move earlier" disabled={index === 0} onClick={() => act(() => moveDashletAction(dashlet.id, "earlier"))}>
                  ←
                </ControlButton>
                <ControlButton label="Move later" disabled={index === dashlets.length - 1} onClick={() => act(() => moveDashletAction(dashlet.id, "later"))}>
                  →
                </ControlButton>
                <label className="text-xs text-slate-700">
                  <span className="sr-only">Size</span>
                  <select
                    value={dashlet.size}
                    onChange={(event) => act(() => resizeDashletAction(dashlet.id, event.target.value))}
                    className="rounded border border-slate-300 bg-white px-1 py-0.5"
                  >
                    {DASHLET_SIZES.map((size) => (
                      <option key={size} value={size}>
                        {size[0].toUpperCase() + size.slice(1)}
                      </option>
                    ))}
                  </select>
                </label>
                <ControlButton label="Remove" onClick={() => act(() => removeDashletAction(dashlet.id))}>
                  ✕
                </ControlButton>
              </div>
              <DashletBody content={dashlet.content} size={dashlet.size} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function ControlButton({ label, disabled, onClick, children }: { label: string; disabled?: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="h-7 w-7 rounded border border-slate-300 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700 disabled:opacity-40"
    >
      {children}
    </button>
  );
}

export function titleOf(content: DashletContent): string {
  switch (content.kind) {
    case "summary":
      return "BSM Summary";
    case "service":
      return "BSM Service";
    case "component":
      return "BSM Component";
    case "investigate":
      return "Investigate";
  }
}

export function DashletBody({ content, size }: { content: DashletContent; size: DashletSize }) {
  switch (content.kind) {
    case "summary":
      return <SummaryDashletWithLocalOptions tilesHeight={TILES_HEIGHT[size]} />;
    case "service":
      return <LiveServiceView serviceId={content.serviceId} />;
    case "component":
      return <LiveComponentView componentId={content.componentId} />;
    case "investigate":
      return <LiveInvestigateView target={content.target} showPin={false} compact={size !== "full" && size !== "large"} />;
  }
}
