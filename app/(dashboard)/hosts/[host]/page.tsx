import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckSourceActions, HostSourceActions } from "@/components/actions/source-action-button";
import { hostOffersOfChecks } from "@/components/actions/offers";
import { SourceActionsProvider } from "@/components/actions/source-actions-provider";
import { pageTextOrNotFound, requirePageCapability } from "@/lib/auth/page-guards";
import { getPrisma } from "@/lib/db";
import { getHostElement } from "@/lib/connector";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/status/status-badge";
import { ReflectHistory } from "@/components/connector/reflect-history";
import { Time } from "@/components/ui/time";
import { TableScroll } from "@/components/ui/table-scroll";
import { WhatIfLink } from "@/components/whatif/what-if-link";

type Params = { params: Promise<{ host: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: pageTextOrNotFound((await params).host) };
}

export default async function HostElementPage({ params }: Params) {
  const { access } = await requirePageCapability("bsm");
  const host = pageTextOrNotFound((await params).host);
  const element = await getHostElement(getPrisma(), access, host);
  if (!element) notFound();
  const { reflect, source } = element;
  return (
    <SourceActionsProvider refreshOnConfirm>
      <p className="mb-2 text-sm">
        <Link href="/hosts" className="text-sky-700 underline hover:text-sky-900">
          ← Hosts
        </Link>
      </p>
      <PageHeader
        title={element.host}
        action={
          <div className="flex flex-wrap items-center gap-2">
            <WhatIfLink query={`hosts=${encodeURIComponent(element.host)}`} />
            <HostSourceActions host={element.host} offers={hostOffersOfChecks(element.checks)} size="normal" />
          </div>
        }
      >
        Host element for host type {element.elementType}
        {source?.address ? `, address ${source.address}` : ""}.
      </PageHeader>

      <dl className="mb-8 grid max-w-3xl grid-cols-1 sm:grid-cols-[12rem_minmax(0,1fr)] [overflow-wrap:anywhere] gap-x-4 gap-y-2 rounded-lg bg-white p-6 text-sm shadow-sm" data-testid="host-element-summary">
        <dt className="font-medium text-slate-600">Reflect Status</dt>
        <dd>
          <StatusBadge state={reflect.status} />
          {reflect.pending && <span className="ml-2 text-amber-700">pending: Reflect on the Overview table to apply the settings</span>}
          {reflect.message && <p className="mt-1 text-red-700">{reflect.message}</p>}
        </dd>
        <dt className="font-medium text-slate-600">Host type now</dt>
        <dd>{reflect.hostType}</dd>
        <dt className="font-medium text-slate-600">Export</dt>
        <dd>{reflect.exportEnabled ? "on" : "off"}</dd>
        <dt className="font-medium text-slate-600">In the source</dt>
        <dd>{reflect.removed ? "no: removed from the monitoring source" : `yes${source?.alias && source.alias !== element.host ? ` (alias ${source.alias})` : ""}`}</dd>
        {source && source.hostGroups.length > 0 && (
          <>
            <dt className="font-medium text-slate-600">Host groups</dt>
            <dd>{source.hostGroups.join(", ")}</dd>
          </>
        )}
      </dl>

      <h2 className="mb-3 text-lg font-semibold">Service checks</h2>
      {element.checks.length === 0 ? (
        <p className="mb-8 text-sm text-slate-600">No service checks are stored for this host.</p>
      ) : (
        <TableScroll>
        <table className="mb-8 w-full rounded-lg bg-white text-left text-sm shadow-sm" data-testid="host-checks">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th className="px-4 py-2 font-medium">Check</th>
              <th className="px-4 py-2 font-medium">Service groups</th>
              <th className="px-4 py-2 font-medium">State</th>
              <th className="px-4 py-2 font-medium">Output</th>
              <th className="px-4 py-2 font-medium">Last state change</th>
            </tr>
          </thead>
          <tbody>
            {element.checks.map((check) => (
              <tr key={check.name} className="border-b border-slate-100 last:border-0">
                <td className="px-4 py-2 font-medium">{check.name}</td>
                <td className="px-4 py-2" data-testid="check-service-groups">
                  {check.serviceGroups.join(", ") || "—"}
                </td>
                <td className="px-4 py-2 whitespace-nowrap">
                  <StatusBadge state={check.state} />
                  {check.stateType === "SOFT" && <span className="ml-1 text-xs text-slate-500">soft</span>}
                  {check.acknowledged && <span className="ml-1 text-xs text-slate-500">acknowledged</span>}
                  {check.inDowntime && <span className="ml-1 text-xs text-sky-700">in downtime</span>}
                  <CheckSourceActions host={element.host} check={{ name: check.name, failing: check.state !== "OK", acknowledged: check.acknowledged, inDowntime: check.inDowntime }} />
                </td>
                <td className="px-4 py-2 font-mono text-xs text-slate-700">{check.output}</td>
                <td className="px-4 py-2 font-mono text-xs text-slate-600">
                  {check.lastStateChange ? <Time at={check.lastStateChange} style="seconds" /> : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}

      <div className="mb-8 grid gap-6 md:grid-cols-2">
        <NameList title="Components" items={element.components} testId="host-components" empty="This host is in no component you can see." />
        <NameList title="Business services" items={element.businessServices} testId="host-services" empty="This host is in no business service you can see." />
      </div>

      <h2 className="mb-3 text-lg font-semibold">Reflect history</h2>
      <ReflectHistory events={element.history} />
    </SourceActionsProvider>
  );
}

/** The objects the host belongs to, by name. */
function NameList({ title, items, testId, empty }: { title: string; items: { id: number; name: string }[]; testId: string; empty: string }) {
  return (
    <section>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid={testId}>
          {items.map((item) => (
            <li key={item.id} className="rounded bg-white px-3 py-2 shadow-sm">
              {item.name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
