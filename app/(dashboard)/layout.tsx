import type { ReactNode } from "react";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { MainNav } from "@/components/layout/main-nav";
import { hiddenNavHrefs } from "@/lib/auth/hidden-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LiveEventsProvider } from "@/components/live/live-events-provider";
import { SourceBanner } from "@/components/live/source-banner";
import { getPrisma } from "@/lib/db";
import { getPollerStatus, pollerStatusViewer } from "@/lib/status/get-poller-status";

// Every page here depends on who is signed in; never prerender at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const { access } = await requireAccess();
  const poller = await getPollerStatus(getPrisma(), pollerStatusViewer(access));
  return (
    <LiveEventsProvider confirmedAt={poller?.lastSuccessAt}>
    <div className="min-h-screen">
      <header className="bg-slate-900 text-white">
        <div className="flex items-center gap-4 px-6 py-3">
          <span className="shrink-0 whitespace-nowrap font-semibold tracking-tight">BSM Dashboard</span>
          <MainNav hiddenHrefs={hiddenNavHrefs(access)} />
          <div className="ml-auto flex shrink-0 items-center gap-3 whitespace-nowrap text-sm">
            <span data-testid="signed-in-user" className="text-slate-300" title={user.name}>
              {user.email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="px-6 py-8">
        <div className="mb-4">
          <SourceBanner
            sourceKind={poller?.sourceKind ?? null}
            sourceDescription={poller?.sourceDescription ?? null}
            staleSince={poller?.staleSince ?? null}
            lastError={poller?.lastError ?? null}
          />
        </div>
        {children}
      </main>
    </div>
    </LiveEventsProvider>
  );
}
