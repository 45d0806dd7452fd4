"use client";

import { useTransition } from "react";
import { usePreferences } from "@/components/layout/preferences-provider";
import type { Theme } from "@/lib/users/preferences";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };
const ICON: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

/** The header's theme switch: System → Light → Dark, saved on the user (also on Account). */
export function ThemeToggle() {
  const { preferences, save } = usePreferences();
  const [pending, startTransition] = useTransition();
  const next = NEXT[preferences.theme];
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      data-theme-choice={preferences.theme}
      disabled={pending}
      onClick={() => startTransition(async () => void (await save({ ...preferences, theme: next })))}
      aria-label={`Theme: ${LABEL[preferences.theme]}. Switch to ${LABEL[next]}`}
      title={`Theme: ${LABEL[preferences.theme]} (click for ${LABEL[next]})`}
      className="rounded px-2 py-1 text-base leading-none text-slate-200 hover:bg-slate-700 focus:outline-2 focus:outline-white"
    >
      <span aria-hidden="true">{ICON[preferences.theme]}</span>
    </button>
  );
}
