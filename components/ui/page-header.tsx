import type { ReactNode } from "react";

/** The page's title and what the page is for; `action` (e.g. a Pin button) stands at the right. */
export function PageHeader({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  const header = (
    <header className="mb-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <p className="mt-1 text-sm text-slate-600">{children}</p>}
    </header>
  );
  if (!action) return header;
  return (
    <div className="flex items-start justify-between gap-4">
      {header}
      {action}
    </div>
  );
}
