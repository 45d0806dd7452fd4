import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db";
import { describeDatabaseTarget } from "@/lib/db/describe-target";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const database = getDatabase();
  const applied = await database.withConnection((connection) =>
    connection.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    ),
  );
  return (
    <>
      <PageHeader title="Settings">Where this dashboard keeps its data, and who you are signed in as.</PageHeader>
      <dl className="grid max-w-2xl grid-cols-[12rem_1fr] gap-x-4 gap-y-3 rounded-lg bg-white p-6 text-sm shadow-sm">
        <dt className="font-medium text-slate-600">Application database</dt>
        <dd data-testid="database-target">{describeDatabaseTarget(database.target)}</dd>
        <dt className="font-medium text-slate-600">Schema version</dt>
        <dd>{applied.at(-1)?.migration_name ?? "none"} ({applied.length} migrations applied)</dd>
        <dt className="font-medium text-slate-600">Signed in as</dt>
        <dd>
          {user.name} &lt;{user.email}&gt;, {user.isAdmin ? "administrator" : "viewer"}
        </dd>
      </dl>
    </>
  );
}
