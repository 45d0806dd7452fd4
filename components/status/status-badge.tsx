import { statusStyle } from "./status-style";

export function StatusBadge({ state }: { state: string }) {
  const style = statusStyle(state);
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${style.badge}`}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${style.dot}`} />
      {style.label}
    </span>
  );
}
