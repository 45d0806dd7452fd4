import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { getConfigurationCounts } from "@/lib/dashboard/get-configuration-counts";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const counts = await getConfigurationCounts(getPrisma());
  const tiles = [
    { label: "Business services", value: counts.businessServices, href: "/summary" },
    { label: "Components", value: counts.components, href: "/summary" },
    { label: "Hosts", value: counts.hosts, href: "/overview" },
    { label: "Service checks", value: counts.serviceChecks, href: "/overview" },
    { label: "Users", value: counts.users, href: "/settings" },
  ];
  return (
    <>
      <PageHeader title="Dashboard">
        Welcome, {user.name}. You are signed in as {user.isAdmin ? "an administrator" : "a viewer"}.
      </PageHeader>
      <section aria-label="Configured objects" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        {tiles.map((tile) => (
          <Link
            key={tile.label}
            href={tile.href}
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-blue-400 focus:outline-2 focus:outline-blue-600"
          >
            <div className="text-3xl font-semibold tabular-nums" data-testid={`count-${tile.label}`}>
              {tile.value.toLocaleString("en")}
            </div>
            <div className="mt-1 text-sm text-slate-600">{tile.label}</div>
          </Link>
        ))}
      </section>
    </>
  );
}
