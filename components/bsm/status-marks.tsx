import { statusStyle } from "@/components/status/status-style";

/** Acknowledged indicator: the top right corner of a tile or box. */
export function AcknowledgedMark() {
  return (
    <span
      title="Acknowledged"
      data-testid="acknowledged-mark"
      className="absolute top-1 right-1 rounded bg-white/90 px-1 text-[10px] leading-4 font-bold text-slate-900 ring-1 ring-slate-500"
    >
      ACK
    </span>
  );
}

/** Impacted indicator: the bottom left corner of a tile or box. */
export function ImpactedMark() {
  return (
    <span
      title="Impacted"
      data-testid="impacted-mark"
      className="absolute bottom-1 left-1 rounded bg-amber-300 px-1 text-[10px] leading-4 font-bold text-amber-950 ring-1 ring-amber-700"
    >
      IMPACTED
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
