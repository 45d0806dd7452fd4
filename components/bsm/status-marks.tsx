import type { ReactNode } from "react";
import { statusStyle } from "@/components/status/status-style";

// The marks sit in the line they qualify (laid out beside the name or the state, never over them).

/** Acknowledged indicator: beside the object's name (see MarkedLine). */
export function AcknowledgedMark() {
  return (
    <span
      title="Acknowledged"
      data-testid="acknowledged-mark"
      className="shrink-0 rounded bg-white/90 px-1 text-[10px] leading-4 font-bold text-slate-900 ring-1 ring-slate-500"
    >
      ACK
    </span>
  );
}

/** Impacted indicator: beside the object's state (see MarkedLine). */
export function ImpactedMark() {
  return (
    <span
      title="Impacted"
      data-testid="impacted-mark"
      className="shrink-0 rounded bg-amber-300 px-1 text-[10px] leading-4 font-bold text-amber-950 ring-1 ring-amber-700"
    >
      IMPACTED
    </span>
  );
}

/**
 * One line of a tile or box: its text, cut with an ellipsis (the whole text on hover) when the box is
 * narrow, and the marks after it, which keep their room.
 */
export function MarkedLine({ text, title, className = "", children }: { text: ReactNode; title?: string; className?: string; children?: ReactNode }) {
  return (
    <span className={`flex min-w-0 items-center gap-1 ${className}`}>
      <span className="min-w-0 truncate" title={title ?? (typeof text === "string" ? text : undefined)}>
        {text}
      </span>
      {children}
    </span>
  );
}

export function formatAvailability(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value.toFixed(2)}%`;
}

/** The state's colour as a CSS value (for SVG charts), taken from the one status mapping. */
export function chartColorOf(state: string): string {
  const dot = statusStyle(state).dot; // e.g. "bg-red-600"
  return `var(--color-${dot.replace(/^bg-/, "")})`;
}

/** Words for a state and its flags, for accessible names. */
export function describeStatus(state: string, acknowledged: boolean, impacted: boolean): string {
  return [statusStyle(state).label, impacted ? "impacted" : null, acknowledged ? "acknowledged" : null].filter(Boolean).join(", ");
}
