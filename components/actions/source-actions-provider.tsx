"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { SourceActionCapabilities, SourceActionKind, SourceActionTarget, SourceActionView } from "@/lib/source-actions/types";
import { covers, isUnsettled } from "./action-words";
import { RecentSourceActions } from "./recent-source-actions";
import { SourceActionDialog } from "./source-action-dialog";
import { useSourceActionCapabilities, useSourceActionList } from "./use-source-actions";

export interface SourceActionRequest {
  kind: SourceActionKind;
  targets: SourceActionTarget[];
  /** Called once the server has taken the action (e.g. to clear a selection). */
  onRequested?: () => void;
}

interface SourceActionsContextValue {
  /** null until the server has answered. */
  capabilities: SourceActionCapabilities | null;
  /** Opens the dialog for this request (only offered when capabilities.canAct). */
  open: (request: SourceActionRequest) => void;
  /** Whether an action of this kind that the source has not yet answered covers the target. */
  isPending: (kind: SourceActionKind, target: SourceActionTarget) => boolean;
}

const SourceActionsContext = createContext<SourceActionsContextValue | null>(null);

export function useSourceActionsContext(): SourceActionsContextValue | null {
  return useContext(SourceActionsContext);
}

// The actions requested in this browser tab, kept across pages for an hour so their outcome stays in view.
const STORAGE_KEY = "bsm.source-actions";
const REMEMBER_MS = 3_600_000;

interface Remembered {
  id: number;
  at: number;
}

function readRemembered(): Remembered[] {
  if (typeof window === "undefined") return [];
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "[]");
    if (!Array.isArray(stored)) return [];
    return stored.filter(
      (entry): entry is Remembered => typeof entry === "object" && entry !== null && Number.isInteger(entry.id) && typeof entry.at === "number" && Date.now() - entry.at < REMEMBER_MS,
    );
  } catch {
    return [];
  }
}

function writeRemembered(entries: readonly Remembered[]) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entries));
  } catch {
    // Storage full or refused (private mode): the list then lasts as long as the page.
  }
}

/**
 * Acknowledge and downtime through the monitoring source for the page below it: asks once what the
 * user may do, opens the dialog for the buttons and menus inside (SourceActionButton), and shows the
 * requested actions until the source has reported them back. `refreshOnConfirm` re-renders a page
 * drawn on the server (the host page); live views follow the poll by themselves.
 */
export function SourceActionsProvider({ children, refreshOnConfirm = false }: { children: ReactNode; refreshOnConfirm?: boolean }) {
  const capabilityQuery = useSourceActionCapabilities();
  const capabilities = capabilityQuery.data ?? null;
  const [request, setRequest] = useState<SourceActionRequest | null>(null);
  // Read at once in the browser (nothing is drawn from it before the list has answered, so hydration agrees).
  const [remembered, setRemembered] = useState<Remembered[]>(readRemembered);
  const [requested, setRequested] = useState<Map<number, SourceActionView>>(new Map());

  const ids = useMemo(() => remembered.map((entry) => entry.id), [remembered]);
  const listed = useSourceActionList(ids);
  const actions = useMemo(() => {
    const byId = new Map(requested);
    for (const action of listed.data ?? []) {
      const known = byId.get(action.id);
      if (!known || known.updatedAt <= action.updatedAt) byId.set(action.id, action);
    }
    return [...byId.values()].filter((action) => ids.includes(action.id)).sort((a, b) => b.createdAt - a.createdAt);
  }, [requested, listed.data, ids]);

  const confirmed = actions
    .filter((action) => action.status === "confirmed")
    .map((action) => action.id)
    .join(",");
  useRefetchViewsOnConfirm(confirmed);

  const remember = useCallback((action: SourceActionView) => {
    setRequested((current) => new Map(current).set(action.id, action));
    setRemembered((current) => {
      const next = [{ id: action.id, at: Date.now() }, ...current.filter((entry) => entry.id !== action.id)];
      writeRemembered(next);
      return next;
    });
  }, []);

  const clearFinished = useCallback(() => {
    const finished = new Set(actions.filter((action) => !isUnsettled(action.status)).map((action) => action.id));
    setRemembered((current) => {
      const next = current.filter((entry) => !finished.has(entry.id));
      writeRemembered(next);
      return next;
    });
  }, [actions]);

  const value = useMemo<SourceActionsContextValue>(
    () => ({
      capabilities,
      open: setRequest,
      isPending: (kind, target) => actions.some((action) => action.kind === kind && isUnsettled(action.status) && covers(action, target)),
    }),
    [capabilities, actions],
  );

  return (
    <SourceActionsContext.Provider value={value}>
      {/* display: contents, so the marker (read by tests: asked yet, and the answer) does not change the layout. */}
      <div className="contents" data-source-actions={capabilityQuery.isPending ? "asking" : capabilities?.canAct ? "can-act" : "cannot-act"}>
        {capabilities && capabilities.userMayAct && !capabilities.sourceAccepts && capabilities.reason && (
          <p data-testid="source-actions-unavailable" className="mb-3 text-sm text-slate-600">
            Acknowledge and downtime: {capabilities.reason}
          </p>
        )}
        {children}
        {actions.length > 0 && <RecentSourceActions actions={actions} error={listed.error?.message ?? null} onClearFinished={clearFinished} />}
        {refreshOnConfirm && <RefreshPage confirmed={confirmed} />}
        {request && capabilities?.canAct && <SourceActionDialog
            request={request}
            onClose={() => setRequest(null)}
            onRequested={(action) => {
              remember(action);
              request.onRequested?.();
            }}
          />}
      </div>
    </SourceActionsContext.Provider>
  );
}

/** The live views ask again at once when an action is confirmed (`confirmed` lists the confirmed ids). */
function useRefetchViewsOnConfirm(confirmed: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (confirmed !== "") void queryClient.invalidateQueries({ queryKey: ["bsm"] });
  }, [confirmed, queryClient]);
}

/** Draws a server-rendered page again when another action is confirmed. */
function RefreshPage({ confirmed }: { confirmed: string }) {
  const router = useRouter();
  useEffect(() => {
    if (confirmed !== "") router.refresh();
  }, [confirmed, router]);
  return null;
}
