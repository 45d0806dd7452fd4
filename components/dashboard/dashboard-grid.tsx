"use client";

import { useEffect, useRef, useState, useTransition, type KeyboardEvent, type PointerEvent } from "react";
import { moveDashletAction, pinDashletAction, removeDashletAction, resizeDashletAction } from "@/lib/actions/dashboard";
import { LiveComponentView, LiveInvestigateView, LiveServiceView } from "@/components/bsm/live-views";
import { SummaryDashletWithLocalOptions } from "@/components/summary/summary-view";
import { LiveTopology } from "@/components/topology/topology-view";
import {
  DASHLET_COLUMNS,
  DASHLET_SIZES,
  columnsOf,
  sizeOfColumns,
  targetOf,
  type DashletContent,
  type DashletSize,
  type DashletView,
} from "@/lib/dashboard/dashlet";
import type { ActionResult } from "@/lib/errors/action-result";

const SPAN: Record<DashletSize, string> = {
  small: "lg:col-span-1",
  medium: "lg:col-span-2",
  large: "lg:col-span-3",
  full: "lg:col-span-4",
};

const TILES_HEIGHT: Record<DashletSize, string> = { small: "16rem", medium: "20rem", large: "24rem", full: "28rem" };
const TOPOLOGY_HEIGHT: Record<DashletSize, number> = { small: 260, medium: 320, large: 400, full: 480 };

/** How long a removed dashlet can be brought back. */
const UNDO_SECONDS = 10;

/** A pointer drag in progress: moving a dashlet over another, or resizing one to a number of columns. */
type Drag = { kind: "move"; id: number; over: number | null } | { kind: "resize"; id: number; size: DashletSize };

interface Removed {
  dashlet: DashletView;
  index: number;
}

/**
 * The user's dashboard: dashlets in order, each moved and resized with the pointer (drag its handle
 * or its right edge) or the keyboard (arrow keys on those handles), or removed with a moment to undo.
 * Changes show at once and are saved; the server's answer then replaces the local order.
 */
export function DashboardGrid({ dashlets }: { dashlets: DashletView[] }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [items, setItems] = useState(dashlets);
  const [fromServer, setFromServer] = useState(dashlets);
  if (fromServer !== dashlets) {
    setFromServer(dashlets);
    setItems(dashlets);
  }
  const [drag, setDrag] = useState<Drag | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [removed, setRemoved] = useState<Removed | null>(null);
  // A moved dashlet's handle keeps the focus, though React moved its element.
  const focusAfterMove = useRef<number | null>(null);
  const gridRef = useRef<HTMLOListElement>(null);

  const act = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const result = await action();
      setError(result.status === "error" ? result.message : null);
    });

  useEffect(() => {
    if (focusAfterMove.current === null) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-move-handle="${focusAfterMove.current}"]`)?.focus();
    focusAfterMove.current = null;
  }, [items]);

  useEffect(() => {
    if (removed === null) return;
    const timer = setTimeout(() => setRemoved(null), UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [removed]);

  const move = (dashlet: DashletView, to: number) => {
    const from = items.findIndex((item) => item.id === dashlet.id);
    const index = Math.min(Math.max(to, 0), items.length - 1);
    if (from < 0 || index === from) return;
    const next = items.filter((item) => item.id !== dashlet.id);
    next.splice(index, 0, dashlet);
    setItems(next);
    focusAfterMove.current = dashlet.id;
    setAnnouncement(`${dashlet.title} moved to position ${index + 1} of ${items.length}.`);
    act(() => moveDashletAction(dashlet.id, index));
  };

  const resize = (dashlet: DashletView, size: DashletSize) => {
    if (size === dashlet.size) return;
    setItems(items.map((item) => (item.id === dashlet.id ? { ...item, size } : item)));
    setAnnouncement(`${dashlet.title} resized to ${size}, ${columnsOf(size)} of ${DASHLET_COLUMNS} columns.`);
    act(() => resizeDashletAction(dashlet.id, size));
  };

  const remove = (dashlet: DashletView) => {
    const index = items.findIndex((item) => item.id === dashlet.id);
    setItems(items.filter((item) => item.id !== dashlet.id));
    setRemoved({ dashlet, index });
    setAnnouncement(`${dashlet.title} removed. Undo is offered for ${UNDO_SECONDS} seconds.`);
    act(() => removeDashletAction(dashlet.id));
  };

  const undoRemove = () => {
    if (removed === null) return;
    const { dashlet, index } = removed;
    const next = [...items];
    next.splice(Math.min(index, next.length), 0, dashlet);
    setItems(next);
    setRemoved(null);
    setAnnouncement(`${dashlet.title} restored.`);
    act(() => pinDashletAction({ kind: dashlet.content.kind, target: targetOf(dashlet.content), size: dashlet.size }, index));
  };

  // Pointer drags: the handle captures the pointer; where it is released decides.
  const startDrag = (event: PointerEvent<HTMLElement>, next: Drag) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag(next);
  };
  const dashletIndexAt = (x: number, y: number): number | null => {
    const element = document.elementsFromPoint(x, y).find((candidate) => candidate instanceof HTMLElement && candidate.dataset.dashletId !== undefined);
    if (!(element instanceof HTMLElement)) return null;
    const index = items.findIndex((item) => String(item.id) === element.dataset.dashletId);
    return index < 0 ? null : index;
  };
  const columnsAt = (x: number, dashletId: number): number => {
    const grid = gridRef.current;
    const cell = grid?.querySelector<HTMLElement>(`[data-dashlet-id="${dashletId}"]`);
    if (!grid || !cell) return 1;
    const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
    const column = (grid.clientWidth - gap * (DASHLET_COLUMNS - 1)) / DASHLET_COLUMNS;
    return (x - cell.getBoundingClientRect().left + gap) / (column + gap);
  };
  const onDragMove = (event: PointerEvent<HTMLElement>) => {
    if (drag === null) return;
    if (drag.kind === "move") {
      const over = dashletIndexAt(event.clientX, event.clientY);
      if (over !== drag.over) setDrag({ ...drag, over });
    } else {
      const size = sizeOfColumns(columnsAt(event.clientX, drag.id));
      if (size !== drag.size) setDrag({ ...drag, size });
    }
  };
  const onDragEnd = (event: PointerEvent<HTMLElement>) => {
    if (drag === null) return;
    const dashlet = items.find((item) => item.id === drag.id);
    setDrag(null);
    if (!dashlet) return;
    if (drag.kind === "move") {
      const over = dashletIndexAt(event.clientX, event.clientY);
      if (over !== null) move(dashlet, over);
    } else {
      resize(dashlet, sizeOfColumns(columnsAt(event.clientX, drag.id)));
    }
  };
  const dragHandlers = { onPointerMove: onDragMove, onPointerUp: onDragEnd, onPointerCancel: () => setDrag(null) };

  const onMoveKey = (event: KeyboardEvent, dashlet: DashletView, index: number) => {
    const to = { ArrowLeft: index - 1, ArrowUp: index - 1, ArrowRight: index + 1, ArrowDown: index + 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(dashlet, to);
  };
  const onResizeKey = (event: KeyboardEvent, dashlet: DashletView) => {
    const step = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    resize(dashlet, sizeOfColumns(columnsOf(dashlet.size) + step));
  };

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
        <span className="text-sm text-slate-600">
          Add a Service, Component, Investigate or Topology view with its Pin button. Drag a dashlet by its ⠿ handle to move it and by its right edge to change its width, or focus
          those handles and use the arrow keys.
        </span>
        {error && (
          <span role="alert" className="text-sm text-red-900">
            {error}
          </span>
        )}
      </div>
      <p role="status" aria-live="polite" className="sr-only" data-testid="dashlet-announcement">
        {announcement}
      </p>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          Your dashboard is empty. Open the <a href="/summary" className="text-blue-800 underline">Summary</a>, find a service and pin it.
        </p>
      ) : (
        <ol ref={gridRef} className="grid grid-cols-1 gap-4 lg:grid-cols-4" aria-label="Your dashlets">
          {items.map((dashlet, index) => {
            const size = drag?.kind === "resize" && drag.id === dashlet.id ? drag.size : dashlet.size;
            const dropTarget = drag?.kind === "move" && drag.over === index && drag.id !== dashlet.id;
            const dragged = drag?.id === dashlet.id;
            return (
              <li
                key={dashlet.id}
                className={`${SPAN[size]} relative min-w-0 rounded-lg border bg-white p-3 shadow-sm ${dropTarget ? "border-blue-600 ring-2 ring-blue-600" : "border-slate-200"} ${dragged ? "opacity-70" : ""}`}
                data-testid="dashlet"
                data-dashlet-id={dashlet.id}
                data-kind={dashlet.content.kind}
                data-size={size}
                aria-label={dashlet.title}
              >
                <div className="mb-2 flex flex-wrap items-center gap-2 border-b border-slate-100 pb-2">
                  <button
                    type="button"
                    data-move-handle={dashlet.id}
                    aria-label={`Move ${dashlet.title}: position ${index + 1} of ${items.length}; arrow keys move it`}
                    title="Drag to move, or use the arrow keys"
                    onPointerDown={(event) => startDrag(event, { kind: "move", id: dashlet.id, over: index })}
                    onKeyDown={(event) => onMoveKey(event, dashlet, index)}
                    {...dragHandlers}
                    className="h-7 w-7 shrink-0 cursor-grab touch-none rounded border border-slate-300 text-base leading-none text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700 active:cursor-grabbing"
                  >
                    ⠿
                  </button>
                  {/* The title keeps at least 10rem of its row (the controls wrap below it first), then wraps to two lines. */}
                  <h2 className="line-clamp-2 min-w-0 flex-1 basis-40 text-sm font-semibold break-words" title={dashlet.title}>
                    {dashlet.title}
                  </h2>
                  <span className="ml-auto flex shrink-0 items-center gap-2">
                    <label className="shrink-0 text-xs text-slate-700">
                      <span className="sr-only">Size</span>
                      <select
                        value={dashlet.size}
                        onChange={(event) => resize(dashlet, event.target.value as DashletSize)}
                        className="rounded border border-slate-300 bg-white px-1 py-0.5"
                      >
                        {DASHLET_SIZES.map((option) => (
                          <option key={option} value={option}>
                            {option[0].toUpperCase() + option.slice(1)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <button
                      type="button"
                      aria-label={`Remove ${dashlet.title}`}
                      title="Remove"
                      onClick={() => remove(dashlet)}
                      className="h-7 w-7 shrink-0 rounded border border-slate-300 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-700"
                    >
                      ✕
                    </button>
                  </span>
                </div>
                <DashletBody content={dashlet.content} size={size} />
                <button
                  type="button"
                  aria-label={`Width of ${dashlet.title}: ${columnsOf(size)} of ${DASHLET_COLUMNS} columns; drag or use the arrow keys to change it`}
                  title="Drag to change the width, or use the arrow keys"
                  data-resize-handle={dashlet.id}
                  onPointerDown={(event) => startDrag(event, { kind: "resize", id: dashlet.id, size: dashlet.size })}
                  onKeyDown={(event) => onResizeKey(event, dashlet)}
                  {...dragHandlers}
                  className="absolute top-10 right-0 bottom-2 hidden w-2 cursor-ew-resize touch-none rounded-r-lg bg-transparent hover:bg-blue-200 focus-visible:bg-blue-300 focus-visible:outline-2 focus-visible:outline-blue-700 lg:block"
                />
              </li>
            );
          })}
        </ol>
      )}
      {removed && (
        <div
          data-testid="undo-toast"
          className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white shadow-lg"
        >
          <span>Removed {removed.dashlet.title}.</span>
          <button type="button" onClick={undoRemove} className="rounded px-2 py-0.5 font-semibold text-sky-300 underline hover:text-sky-200 focus-visible:outline-2 focus-visible:outline-white">
            Undo
          </button>
        </div>
      )}
    </div>
  );
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
    case "topology":
      return <LiveTopology query={targetOf(content)} height={TOPOLOGY_HEIGHT[size]} />;
  }
}
