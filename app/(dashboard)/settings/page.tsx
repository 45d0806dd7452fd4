import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requireAccess } from "@/lib/auth/session";
import { getDatabase } from "@/lib/db";
import { describeDatabaseTarget } from "@/lib/db/describe-target";
import { PageHeader } from "@/components/ui/page-header";
import { describeCyclePhases } from "@/lib/poller/cycle-cost";
import { getPollerStatus, pollerStatusViewer, type PollerStatusView } from "@/lib/status/get-poller-status";
import { listRecentSourceEvents } from "@/lib/status/list-source-events";
import { Time } from "@/components/ui/time";
import { MetricsAccessForm } from "@/components/settings/metrics-access-form";
import { saveMetricsSettingsAction } from "@/lib/actions/metrics-settings";
import { loadMetricsSettingsForm } from "@/lib/metrics/metrics-settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, access } = await requireAccess();
  const database = getDatabase();
  const applied = await database.withConnection((connection) =>
    connection.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    ),
  );
  const viewer = pollerStatusViewer(access);
  const [poller, events, metricsForm] = await Promise.all([
    getPollerStatus(database.prisma, viewer),
    listRecentSourceEvents(database.prisma, viewer),
    viewer.isAdmin ? loadMetricsSettingsForm(database.prisma, access) : null,
  ]);
  return (
    <>
      <PageHeader title="Settings">Where this dashboard keeps its data, where it reads monitoring data, and who you are signed in as.</PageHeader>
      <dl className="grid max-w-2xl grid-cols-1 sm:grid-cols-[12rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-3 rounded-lg bg-white p-6 text-sm shadow-sm">
        <dt className="font-medium text-slate-600">Application database</dt>
        <dd data-testid="database-target">{describeDatabaseTarget(database.target, { withAddress: viewer.isAdmin })}</dd>
        <dt className="font-medium text-slate-600">Schema version</dt>
        <dd>{applied.at(-1)?.migration_name ?? "none"} ({applied.length} migrations applied)</dd>
        <dt className="font-medium text-slate-600">Signed in as</dt>
        <dd>
          {user.name} &lt;{user.email}&gt;, {user.isAdmin ? "administrator" : "viewer"}
        </dd>
      </dl>

      <h2 className="mt-8 mb-3 text-lg font-semibold">Monitoring source</h2>
      {access.has("administer") && (
        <p className="mb-3 text-sm text-slate-600">
          Change it on{" "}
          <Link href="/settings/database" className="underline">
            Database settings
          </Link>
          .
        </p>
      )}
      <dl className="grid max-w-2xl grid-cols-1 sm:grid-cols-[12rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-3 rounded-lg bg-white p-6 text-sm shadow-sm" data-testid="poller-status">
        <dt className="font-medium text-slate-600">Reading from</dt>
        <dd>{poller?.sourceDescription ?? "not polled yet"}</dd>
        <dt className="font-medium text-slate-600">Last successful poll</dt>
        <dd>{poller?.lastSuccessAt ? <Time at={poller.lastSuccessAt} /> : "never"}</dd>
        <dt className="font-medium text-slate-600">Last result</dt>
        <dd>{lastResult(poller)}</dd>
        <dt className="font-medium text-slate-600">Last cycle took</dt>
        <dd data-testid="poller-cycle-cost">{poller?.lastCyclePhases ? describeCyclePhases(poller.lastCyclePhases) : "—"}</dd>
      </dl>
      {viewer.isAdmin && <h3 className="mt-6 mb-2 font-semibold">Recent source events</h3>}
      {!viewer.isAdmin ? null : events.length === 0 ? (
        <p className="text-sm text-slate-600">None: no failover, failback or source errors so far.</p>
      ) : (
        <ul className="max-w-2xl space-y-1 text-sm" data-testid="source-events">
          {events.map((event) => (
            <li key={event.id} className="rounded bg-white px-3 py-2 shadow-sm">
              <Time at={event.at} className="font-mono text-xs text-slate-500" /> <strong>{event.kind}</strong>: {event.message}
            </li>
          ))}
        </ul>
      )}

      {metricsForm && (
        <>
          <h2 className="mt-8 mb-3 text-lg font-semibold">Prometheus metrics</h2>
          <MetricsAccessForm form={metricsForm} save={saveMetricsSettingsAction} />
        </>
      )}
    </>
  );
}

/** Administrators get the source's error text; everyone else only that, and since when, the data is stale. */
function lastResult(poller: PollerStatusView | null): ReactNode {
  if (!poller) return "—";
  if (poller.staleSince === null) return "ok";
  const since = <Time at={poller.staleSince} />;
  return poller.lastError ? (
    <>
      failing since {since}: {poller.lastError}
    </>
  ) : (
    <>monitoring data is stale since {since}</>
  );
}
