import Link from "next/link";
import type { ReactNode } from "react";

/** The list beside an editor: a link that starts a new item, then the items (ItemListLink), the open one marked. */
export function ItemListAside({ label, newItem, testId, children }: { label: string; newItem: { href: string; label: string }; testId: string; children: ReactNode }) {
  return (
    <aside aria-label={label} className="rounded-lg bg-white p-3 shadow-sm">
      <Link href={newItem.href} className="mb-2 block rounded bg-slate-900 px-3 py-1.5 text-center text-sm font-medium text-white hover:bg-slate-700">
        {newItem.label}
      </Link>
      <ul className="max-h-[70vh] space-y-0.5 overflow-y-auto text-sm" data-testid={testId}>
        {children}
      </ul>
    </aside>
  );
}

export function ItemListLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <li>
      <Link href={href} aria-current={current ? "page" : undefined} className={`block rounded px-2 py-1 ${current ? "bg-slate-200 font-medium" : "hover:bg-slate-100"}`}>
        {children}
      </Link>
    </li>
  );
}
