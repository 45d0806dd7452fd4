"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

interface NoticeContext {
  notice: string | null;
  announce: (notice: string | null) => void;
}

const Notice = createContext<NoticeContext>({ notice: null, announce: () => {} });

/**
 * What the last save or delete did ("Saved component Web servers"). Held in the Configure layout,
 * so it stays on screen when the editor navigates to the saved object or back to the list.
 */
export function ConfigureNoticeProvider({ children }: { children: ReactNode }) {
  const [notice, announce] = useState<string | null>(null);
  return <Notice.Provider value={{ notice, announce }}>{children}</Notice.Provider>;
}

export function useConfigureNotice(): (notice: string | null) => void {
  return useContext(Notice).announce;
}

/** The notice, read out by screen readers; the live region is always there so that each new notice is announced. */
export function ConfigureNotice() {
  const { notice } = useContext(Notice);
  return (
    <div role="status" data-testid="configure-notice" className={notice ? "mb-4 max-w-3xl rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-700/30" : "sr-only"}>
      {notice}
    </div>
  );
}
