import Link from "next/link";

/** "What if …": opens the What-if page for a service, a component or some hosts. */
export function WhatIfLink({ query, label = "What if …" }: { query: string; label?: string }) {
  return (
    <Link
      href={`/bsm/what-if?${query}`}
      className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold whitespace-nowrap text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      data-testid="whatif-link"
    >
      {label}
    </Link>
  );
}
