// The one place that maps BSM states to colours and words.
export type DisplayState = "OPERATIONAL" | "OFFLINE" | "FAILED" | "DOWNTIME";

const STYLES: Record<DisplayState, { label: string; badge: string; dot: string }> = {
  OPERATIONAL: { label: "Operational", badge: "bg-emerald-100 text-emerald-900 ring-emerald-600/30", dot: "bg-emerald-600" },
  OFFLINE: { label: "Offline", badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" },
  FAILED: { label: "Failed", badge: "bg-red-100 text-red-900 ring-red-600/40", dot: "bg-red-600" },
  DOWNTIME: { label: "Downtime", badge: "bg-sky-100 text-sky-900 ring-sky-600/30", dot: "bg-sky-600" },
};

export function statusStyle(state: string) {
  return STYLES[state as DisplayState] ?? { label: state, badge: "bg-slate-100 text-slate-900 ring-slate-400/40", dot: "bg-slate-500" };
}
