"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

const NAV_ITEMS = [
  { href: "/", label: "Dashboard" },
  { href: "/summary", label: "Summary" },
  { href: "/bsm/topology", label: "Topology" },
  { href: "/bsm/sla", label: "SLA" },
  { href: "/overview", label: "Overview" },
  { href: "/hosts", label: "Hosts" },
  { href: "/notifications", label: "Notifications" },
  { href: "/configure", label: "Configure" },
  { href: "/admin", label: "Admin" },
  { href: "/account", label: "Account" },
  { href: "/settings", label: "Settings" },
] as const;

/**
 * The main navigation and the account (who is signed in, Sign out). Below lg both sit in a menu that a
 * button opens under the header; from lg up they stand in the header row. Items of the header's flex
 * row, placed with `order` around the header tools.
 */
export function MainNav({ hiddenHrefs = [], account }: { hiddenHrefs?: string[]; account: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  // Following a link closes the menu.
  if (open && openedOn !== pathname) setOpen(false);

  useEffect(() => {
    if (!open) return;
    panelRef.current?.querySelector<HTMLElement>("a")?.focus();
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpenedOn(pathname);
          setOpen((value) => !value);
        }}
        className="order-3 inline-flex items-center gap-2 rounded px-2.5 py-1.5 text-sm text-slate-100 ring-1 ring-slate-600 hover:bg-slate-700 focus:outline-2 focus:outline-white lg:hidden"
      >
        <span aria-hidden="true" className="text-base leading-none">
          {open ? "✕" : "☰"}
        </span>
        Menu
      </button>
      <div
        ref={panelRef}
        id={panelId}
        data-testid="main-menu"
        className={`${open ? "flex" : "hidden"} order-4 basis-full flex-col gap-2 border-t border-slate-700 pt-2 pb-1 lg:contents`}
      >
        <nav aria-label="Main" className="flex flex-col gap-1 lg:order-2 lg:min-w-0 lg:flex-1 lg:flex-row lg:flex-wrap">
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
                className={`rounded px-2.5 py-2 text-sm whitespace-nowrap focus:outline-2 focus:outline-white lg:py-1.5 ${
                  active ? "bg-slate-700 font-medium text-white" : "text-slate-200 hover:bg-slate-700"
                }`}
              >
                {item.label}
              </Link>
            );
          })}
        </nav>
        <div className="flex min-w-0 items-center justify-between gap-3 border-t border-slate-700 pt-2 text-sm lg:order-4 lg:shrink-0 lg:justify-start lg:border-0 lg:pt-0 lg:whitespace-nowrap">
          {account}
        </div>
      </div>
    </>
  );
}
