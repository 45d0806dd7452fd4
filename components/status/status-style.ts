// The one place that maps BSM states to colours and words.
export type DisplayState =
  | "OPERATIONAL"
  | "OFFLINE"
  | "FAILED"
  | "DOWNTIME"
  // Service check states.
  | "OK"
  | "WARNING"
  | "CRITICAL"
  | "UNKNOWN"
  // Reflect statuses of the Overview table (lib/reflect).
  | "Ok"
  | "Detected"
  | "Changed"
  | "Removed"
  | "Error";

// Badge and dot colours by what a state means; the states below share them.
const GOOD = { badge: "bg-emerald-100 text-emerald-900 ring-emerald-600/30", dot: "bg-emerald-600" };
const BAD = { badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" };
const PAUSED = { badge: "bg-sky-100 text-sky-900 ring-sky-600/30", dot: "bg-sky-600" };
const WARNING = { badge: "bg-amber-100 text-amber-900 ring-amber-600/40", dot: "bg-amber-500" };
const UNCLEAR = { badge: "bg-orange-100 text-orange-900 ring-orange-600/40", dot: "bg-orange-500" };
const NEW = { badge: "bg-violet-100 text-violet-900 ring-violet-600/30", dot: "bg-violet-600" };
const GONE = { badge: "bg-slate-200 text-slate-800 ring-slate-500/40", dot: "bg-slate-500" };
const OTHER = { badge: "bg-slate-100 text-slate-900 ring-slate-400/40", dot: "bg-slate-500" };

const STYLES: Record<DisplayState, { label: string; badge: string; dot: string }> = {
  OPERATIONAL: { label: "Operational", ...GOOD },
  OFFLINE: { label: "Offline", ...BAD },
  FAILED: { label: "Failed", ...BAD },
  DOWNTIME: { label: "Downtime", ...PAUSED },
  OK: { label: "OK", ...GOOD },
  WARNING: { label: "Warning", ...WARNING },
  CRITICAL: { label: "Critical", ...BAD },
  UNKNOWN: { label: "Unknown", ...UNCLEAR },
  Ok: { label: "Ok", ...GOOD },
  Detected: { label: "Detected", ...NEW },
  Changed: { label: "Changed", ...WARNING },
  Removed: { label: "Removed", ...GONE },
  Error: { label: "Error", ...BAD },
};

export function statusStyle(state: string) {
  return STYLES[state as DisplayState] ?? { label: state, ...OTHER };
}
