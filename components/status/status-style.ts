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

const STYLES: Record<DisplayState, { label: string; badge: string; dot: string }> = {
  OPERATIONAL: { label: "Operational", badge: "bg-emerald-100 text-emerald-900 ring-emerald-600/30", dot: "bg-emerald-600" },
  OFFLINE: { label: "Offline", badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" },
  FAILED: { label: "Failed", badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" },
  DOWNTIME: { label: "Downtime", badge: "bg-sky-100 text-sky-900 ring-sky-600/30", dot: "bg-sky-600" },
  OK: { label: "OK", badge: "bg-emerald-100 text-emerald-900 ring-emerald-600/30", dot: "bg-emerald-600" },
  WARNING: { label: "Warning", badge: "bg-amber-100 text-amber-900 ring-amber-600/40", dot: "bg-amber-500" },
  CRITICAL: { label: "Critical", badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" },
  UNKNOWN: { label: "Unknown", badge: "bg-orange-100 text-orange-900 ring-orange-600/40", dot: "bg-orange-500" },
  Ok: { label: "Ok", badge: "bg-emerald-100 text-emerald-900 ring-emerald-600/30", dot: "bg-emerald-600" },
  Detected: { label: "Detected", badge: "bg-violet-100 text-violet-900 ring-violet-600/30", dot: "bg-violet-600" },
  Changed: { label: "Changed", badge: "bg-amber-100 text-amber-900 ring-amber-600/40", dot: "bg-amber-500" },
  Removed: { label: "Removed", badge: "bg-slate-200 text-slate-800 ring-slate-500/40", dot: "bg-slate-500" },
  Error: { label: "Error", badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" },
};

export function statusStyle(state: string) {
  return STYLES[state as DisplayState] ?? { label: state, badge: "bg-slate-100 text-slate-900 ring-slate-400/40", dot: "bg-slate-500" };
}
