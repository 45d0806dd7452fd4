import type { ReactNode } from "react";
import { StatusBadge } from "./status-badge";

export interface HeadingStatus {
  state: string;
  impacted: boolean;
  acknowledged: boolean;
}

const FLAG_TEXT = { page: "text-sm font-medium", section: "text-xs font-semibold" } as const;

/** The head of a status view: the object's name, its status badge and flags, then any facts about it (children). */
export function StatusHeading({
  name,
  status,
  size = "page",
  className = "",
  children,
}: {
  name: ReactNode;
  status: HeadingStatus;
  /** "section" for an object shown inside another's view (a component layer in a service). */
  size?: keyof typeof FLAG_TEXT;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`flex flex-wrap items-center gap-3 ${className}`}>
      {name}
      <StatusBadge state={status.state} />
      {status.impacted && <span className={`${FLAG_TEXT[size]} text-amber-900`}>Impacted</span>}
      {status.acknowledged && <span className={`${FLAG_TEXT[size]} text-slate-800`}>Acknowledged</span>}
      {children}
    </div>
  );
}
