"use client";

import { createContext, useCallback, useContext, useState, useSyncExternalStore, type ReactNode } from "react";
import { TimeZoneProvider } from "@/components/ui/time";
import type { Theme, UserPreferences } from "@/lib/users/preferences";
import { savePreferencesAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/errors/action-result";

interface PreferencesContextValue {
  preferences: UserPreferences;
  /** Saves the user's theme and time zone; the theme applies at once, before the server answers. */
  save: (next: UserPreferences) => Promise<ActionResult>;
}

const PreferencesContext = createContext<PreferencesContextValue | null>(null);

export function usePreferences(): PreferencesContextValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error("usePreferences needs a <PreferencesProvider>");
  return value;
}

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The server cannot know the browser's zone: it renders UTC, and the browser's zone replaces it after hydration.
const serverTimeZone = () => "UTC";

function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
}

/** The signed-in user's theme and time zone (null: the browser's), read on the server in app/layout.tsx. */
export function PreferencesProvider({ initial, children }: { initial: UserPreferences; children: ReactNode }) {
  const [saved, setSaved] = useState(initial);
  const [seen, setSeen] = useState(initial);
  // A new value from the server (another tab, a refresh) wins over what this page last saved.
  if (initial !== seen) {
    setSeen(initial);
    setSaved(initial);
  }
  const browserZone = useSyncExternalStore(noSubscription, browserTimeZone, serverTimeZone);
  const save = useCallback(
    async (next: UserPreferences) => {
      applyTheme(next.theme);
      const result = await savePreferencesAction(next);
      if (result.status === "ok") setSaved(next);
      else applyTheme(saved.theme);
      return result;
    },
    [saved],
  );
  return (
    <PreferencesContext.Provider value={{ preferences: saved, save }}>
      <TimeZoneProvider zone={saved.timeZone ?? browserZone}>{children}</TimeZoneProvider>
    </PreferencesContext.Provider>
  );
}
