"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export interface MenuLink {
  label: string;
  href: string;
}

/**
 * A BSM object (service, component, host) as a button that opens its contextual menu
 * (Investigate, and the views that show it). Keyboard: Enter/Space opens, arrows move, Escape closes.
 */
export function BsmObjectMenu({
  label,
  links,
  moreItems,
  className,
  children,
  testId,
}: {
  /** Accessible name of the object, e.g. "Business service Shop, Offline". */
  label: string;
  links: MenuLink[];
  /** Entries after the links that act in the page (role="menuitem"; e.g. Acknowledge…), given a way to close the menu. */
  moreItems?: (close: () => void) => ReactNode;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", closeOnOutsideClick);
    return () => document.removeEventListener("mousedown", closeOnOutsideClick);
  }, [open]);

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(rootRef.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const current = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      items[(current + step + items.length) % items.length]?.focus();
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  };

  return (
    <div ref={rootRef} className="relative h-full w-full">
      <button
        ref={buttonRef}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={testId}
        onClick={() => setOpen((value) => !value)}
        className={`flex h-full w-full flex-col justify-start text-left focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-blue-700 ${className ?? ""}`}
      >
        {children}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className="absolute top-full left-0 z-30 mt-1 min-w-48 rounded-md border border-slate-300 bg-white py-1 text-sm text-slate-900 shadow-lg"
        >
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              role="menuitem"
              onClick={() => setOpen(false)}
              className="block px-3 py-1.5 whitespace-nowrap hover:bg-slate-100 focus:bg-blue-50 focus:outline-none"
            >
              {link.label}
            </Link>
          ))}
          {moreItems?.(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
