import type { ReactNode } from "react";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { MainNav } from "@/components/layout/main-nav";
import { SiteFrame } from "@/components/layout/site-frame";
import { hiddenNavHrefs } from "@/lib/auth/hidden-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { GlobalSearch } from "@/components/layout/global-search";
import { ThemeToggle } from "@/components/layout/theme-toggle";
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
  const source = {
    sourceKind: poller?.sourceKind ?? null,
    sourceDescription: poller?.sourceDescription ?? null,
    staleSince: poller?.staleSince ?? null,
    lastError: poller?.lastError ?? null,
  };
  // On a phone the header is one row (name, tools, menu button) and the menu opens below it with the
  // account; from lg up the navigation, tools and account stand in one row.
  const header = (
    <header className="bg-slate-900 text-white">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 lg:flex-nowrap lg:px-6 lg:py-3">
        <span className="order-1 shrink-0 font-semibold tracking-tight whitespace-nowrap">BSM Dashboard</span>
        <div data-testid="header-tools" className="order-2 ml-auto flex min-w-0 items-center gap-2 lg:order-3">
          {access.has("bsm") && <GlobalSearch />}
          <ThemeToggle />
        </div>
        <MainNav
          hiddenHrefs={hiddenNavHrefs(access)}
          account={
            <>
              <span data-testid="signed-in-user" className="min-w-0 truncate text-slate-300" title={user.name}>
                {user.email}
              </span>
              <SignOutButton />
            </>
          }
        />
      </div>
    </header>
  );
  return (
    <LiveEventsProvider confirmedAt={poller?.lastSuccessAt}>
      <SiteFrame header={header} banner={<SourceBanner {...source} />} kioskBanner={<SourceBanner {...source} warningsOnly />}>
        {children}
      </SiteFrame>
    </LiveEventsProvider>
  );
}
