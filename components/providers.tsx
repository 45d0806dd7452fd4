"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { PreferencesProvider } from "@/components/layout/preferences-provider";
import type { UserPreferences } from "@/lib/users/preferences";

export function Providers({ preferences, children }: { preferences: UserPreferences; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } }));
  // No next-auth SessionProvider: pages read the session on the server, and signIn/signOut work
  // without it; it would only fetch /api/auth/session again on every page load and focus.
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider initial={preferences}>{children}</PreferencesProvider>
    </QueryClientProvider>
  );
}
