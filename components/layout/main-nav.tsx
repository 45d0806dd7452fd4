"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const NAV_ITEMS = [
  { href: "/", label: "Dashboard" },
  { href: "/summary", label: "Summary" },
  { href: "/overview", label: "Overview" },
  { href: "/hosts", label: "Hosts" },
  { href: "/notifications", label: "Notifications" },
  { href: "/configure", label: "Configure" },
  { href: "/admin", label: "Admin" },
  { href: "/account", label: "Account" },
  { href: "/settings", label: "Settings" },
] as const;

export function MainNav({ hiddenHrefs = [] }: { hiddenHrefs?: string[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1">
      {NAV_ITEMS.filter((item) => !hiddenHrefs.includes(item.href)).map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            // Every page is rendered per user on demand; prefetching all of them on each page load
            // kept the server busy with pages nobody had asked for.
            prefetch={false}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded px-2.5 py-1.5 text-sm focus:outline-2 focus:outline-white ${
              active ? "bg-slate-700 font-medium text-white" : "text-slate-200 hover:bg-slate-700"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
