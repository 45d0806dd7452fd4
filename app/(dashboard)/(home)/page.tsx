import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { getConfigurationCounts } from "@/lib/dashboard/get-configuration-counts";
import { listDashlets } from "@/lib/dashboard/manage-dashlets";
import { DashboardGrid } from "@/components/dashboard/dashboard-grid";
import { KioskDashboard } from "@/components/dashboard/kiosk-dashboard";
import { KioskButton } from "@/components/layout/kiosk";
import { KIOSK_PARAM } from "@/components/layout/kiosk-params";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, access } = await requireAccess();
  const kiosk = KIOSK_PARAM in (await searchParams);
  const prisma = getPrisma();
  const [counts, dashlets] = await Promise.all([getConfigurationCounts(prisma, access), access.has("bsm") ? listDashlets(prisma, user.id, access) : []]);
  const tiles = counts
    ? [
        { label: "Business services", value: counts.businessServices, href: "/summary" },
        { label: "Components", value: counts.components, href: "/summary" },
        { label: "Hosts", value: counts.hosts, href: "/overview" },
        { label: "Service checks", value: counts.serviceChecks, href: "/overview" },
        ...(counts.users === null ? [] : [{ label: "Users", value: counts.users, href: "/admin" }]),
      ]
    : [];
  if (kiosk) {
    return access.has("bsm") ? (
      <KioskDashboard dashlets={dashlets} />
    ) : (
      <p className="p-8 text-center text-slate-600">Your role has no BSM access, so there are no dashlets to show.</p>
    );
  }
  return (
    <>
      <PageHeader live={access.has("bsm")} title="Dashboard" action={access.has("bsm") ? <KioskButton /> : undefined}>
        Welcome, {user.name}. You are signed in as {user.isAdmin ? "an administrator" : "a viewer"}.
      </PageHeader>
      {tiles.length > 0 && (
      <section aria-label="Configured objects" className="mb-6 flex flex-wrap gap-2">
        {tiles.map((tile) => (
          <Link
            key={tile.label}
            href={tile.href}
            className="rounded-md border border-slate-200 bg-white px-3 py-1.5 text-sm shadow-sm hover:border-blue-400 focus-visible:outline-2 focus-visible:outline-blue-700"
          >
            <span className="font-semibold tabular-nums" data-testid={`count-${tile.label}`}>
              {tile.value.toLocaleString("en")}
            </span>{" "}
            <span className="text-slate-600">{tile.label}</span>
          </Link>
        ))}
      </section>
      )}
      {access.has("bsm") ? (
        <DashboardGrid dashlets={dashlets} />
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          Your role has no BSM access, so there are no dashlets to show.
        </p>
      )}
    </>
  );
}
