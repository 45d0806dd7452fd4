"use client";

import type { SourceActionKind, SourceActionTarget } from "@/lib/source-actions/types";
import { KIND_TITLES, describeTargets } from "./action-words";
import { hostOffers, type HostLike, type HostOffers } from "./offers";
import { SourceActionsProvider, useSourceActionsContext } from "./source-actions-provider";

const LOOKS = {
  normal: "rounded-md px-3 py-1.5 text-sm font-medium",
  small: "rounded px-2 py-0.5 text-xs font-medium",
};

interface ButtonProps {
  kind: SourceActionKind;
  targets: SourceActionTarget[];
  /** Visible text; the accessible name adds the targets. Defaults to the kind's title. */
  label?: string;
  size?: keyof typeof LOOKS;
  className?: string;
  /** Called once the server has taken the action. */
  onRequested?: () => void;
}

/**
 * Opens the dialog of a source action (acknowledge, downtime, or removing either) for these targets.
 * Drawn only for a user who may act through a source that accepts commands. Inside a
 * SourceActionsProvider it shares the page's dialog and Recent actions list; alone, it brings its own.
 */
export function SourceActionButton(props: ButtonProps) {
  if (useSourceActionsContext() !== null) return <PageSourceActionButton {...props} />;
  return (
    <SourceActionsProvider>
      <PageSourceActionButton {...props} />
    </SourceActionsProvider>
  );
}

/**
 * The same button for views that are also drawn outside an action page (dashlets, kiosk): nothing
 * there, and inside a SourceActionsProvider the page's dialog.
 */
export function PageSourceActionButton({ kind, targets, label, size = "normal", className = "", onRequested }: ButtonProps) {
  const context = useSourceActionsContext();
  if (!context?.capabilities?.canAct || targets.length === 0) return null;
  const text = label ?? KIND_TITLES[kind];
  const pending = targets.every((target) => context.isPending(kind, target));
  return (
    <button
      type="button"
      aria-haspopup="dialog"
      aria-label={`${text} ${describeTargets(kind, targets)}${pending ? " (pending)" : ""}`}
      data-testid="source-action-button"
      data-kind={kind}
      onClick={() => context.open({ kind, targets, onRequested })}
      className={`${LOOKS[size]} bg-white text-blue-800 ring-1 ring-blue-700/40 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${className}`}
    >
      {text}
      {pending && <span className="ml-1 font-normal text-amber-800">pending…</span>}
    </button>
  );
}

const OFFER_ORDER: SourceActionKind[] = ["acknowledge", "downtime", "remove-acknowledgement", "remove-downtime"];

/** The entries of a host's menu (BsmObjectMenu moreItems): Acknowledge…, Schedule downtime…, removals; none for a user who may not act. */
export function HostActionMenuItems({ host, close }: { host: HostLike; close: () => void }) {
  const context = useSourceActionsContext();
  if (!context?.capabilities?.canAct) return null;
  const targets = [{ host: host.name }];
  const offers = hostOffers(host);
  return OFFER_ORDER.filter((kind) => offers[kind]).map((kind, index) => (
    <button
      key={kind}
      type="button"
      role="menuitem"
      aria-haspopup="dialog"
      onClick={() => {
        close();
        context.open({ kind, targets });
      }}
      className={`block w-full px-3 py-1.5 text-left whitespace-nowrap hover:bg-slate-100 focus:bg-blue-50 focus:outline-none ${index === 0 ? "mt-1 border-t border-slate-200" : ""}`}
    >
      {KIND_TITLES[kind]}…
    </button>
  ));
}

/**
 * A host's buttons: Acknowledge (its failing checks), Schedule downtime (the host and all its checks)
 * and the removals, as `offers` says (see ./offers.ts). Nothing for a user who may not act.
 */
export function HostSourceActions({ host, offers, size = "small", className = "" }: { host: string; offers: HostOffers; size?: keyof typeof LOOKS; className?: string }) {
  const context = useSourceActionsContext();
  const offered = OFFER_ORDER.filter((kind) => offers[kind]);
  if (!context?.capabilities?.canAct || offered.length === 0) return null;
  const targets = [{ host }];
  return (
    <div role="group" aria-label={`Actions for ${host}`} className={`flex flex-wrap gap-2 ${className}`}>
      {offered.map((kind) => (
        <PageSourceActionButton key={kind} kind={kind} targets={targets} size={size} />
      ))}
    </div>
  );
}

/** A service check's buttons: Acknowledge while it fails (not OK) and is not yet acknowledged, Downtime unless it is in one, and the removals. */
export function CheckSourceActions({ host, check, className = "ml-2" }: { host: string; check: { name: string; failing: boolean; acknowledged: boolean; inDowntime: boolean }; className?: string }) {
  const context = useSourceActionsContext();
  if (!context?.capabilities?.canAct) return null;
  const targets = [{ host, check: check.name }];
  return (
    <span className={`inline-flex flex-wrap gap-1 align-middle ${className}`}>
      {check.failing && !check.acknowledged && <PageSourceActionButton kind="acknowledge" targets={targets} size="small" />}
      {!check.inDowntime && <PageSourceActionButton kind="downtime" targets={targets} size="small" label="Downtime" />}
      {check.acknowledged && <PageSourceActionButton kind="remove-acknowledgement" targets={targets} size="small" />}
      {check.inDowntime && <PageSourceActionButton kind="remove-downtime" targets={targets} size="small" label="End downtime" />}
    </span>
  );
}
