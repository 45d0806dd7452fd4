import Link from "next/link";
import type { ReactNode } from "react";
import { StatusBadge } from "@/components/status/status-badge";
import type { ComponentChangeView, ServiceChangeView, WhatIfView } from "@/lib/whatif/view";

type Flags = { state: string; acknowledged: boolean; impacted: boolean };

/** The evaluation: every visible service and component whose status would change, before → after; the rest counted. */
export function WhatIfResults({ result, stale }: { result: WhatIfView; stale: boolean }) {
  const { counts, unchanged } = result;
  const headline = [
    counts.servicesOffline > 0 && `${plural(counts.servicesOffline, "business service")} ${counts.servicesOffline === 1 ? "goes" : "go"} OFFLINE`,
    counts.servicesDowntime > 0 && `${plural(counts.servicesDowntime, "business service")} ${counts.servicesDowntime === 1 ? "goes" : "go"} into DOWNTIME`,
    counts.servicesImpacted > 0 && `${plural(counts.servicesImpacted, "business service")} ${counts.servicesImpacted === 1 ? "becomes" : "become"} impacted`,
    counts.servicesRecovering > 0 && `${plural(counts.servicesRecovering, "business service")} ${counts.servicesRecovering === 1 ? "recovers" : "recover"}`,
    counts.componentsLosingZone > 0 && `${plural(counts.componentsLosingZone, "component")} ${counts.componentsLosingZone === 1 ? "loses its" : "lose their"} operational zone`,
    counts.componentsRegainingZone > 0 && `${plural(counts.componentsRegainingZone, "component")} ${counts.componentsRegainingZone === 1 ? "regains its" : "regain their"} operational zone`,
  ].filter((part): part is string => typeof part === "string");
  return (
    <section aria-labelledby="whatif-results-title" data-testid="whatif-results" className={stale ? "opacity-60" : undefined}>
      <h2 id="whatif-results-title" className="mb-2 text-lg font-semibold">
        What would happen
      </h2>
      {stale && <p className="mb-2 text-sm text-amber-800">The changes were edited since: evaluate again to see their effect.</p>}
      <p className="mb-1 text-sm font-medium" data-testid="whatif-headline">
        {headline.length > 0 ? `${headline.join("; ")}.` : "No business service or component you may see would change its status."}
      </p>
      <p className="mb-4 text-sm text-slate-600" data-testid="whatif-unchanged">
        {plural(unchanged.businessServices, "other business service")} and {plural(unchanged.components, "other component")} would stay as they are.
      </p>
      {result.skipped.length > 0 && (
        <div className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-600/30" data-testid="whatif-skipped">
          <p className="font-medium">Left out, as they no longer apply:</p>
          <ul className="list-disc pl-5">
            {result.skipped.map((skipped) => (
              <li key={skipped.index}>{skipped.reason}</li>
            ))}
          </ul>
        </div>
      )}
      {result.businessServices.length > 0 && (
        <>
          <h3 className="mb-2 font-semibold">Business services</h3>
          <ul className="mb-4 space-y-2">
            {result.businessServices.map((service) => (
              <ServiceRow key={service.id} service={service} />
            ))}
          </ul>
        </>
      )}
      {result.components.length > 0 && (
        <>
          <h3 className="mb-2 font-semibold">Components</h3>
          <ul className="space-y-2">
            {result.components.map((component) => (
              <ComponentRow key={component.id} component={component} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** Left border by what the change means: red worse, sky downtime, amber impacted, emerald better. */
function accentOf(after: string, impacted: boolean, better: boolean): string {
  if (after === "OFFLINE" || after === "FAILED") return "border-l-red-600";
  if (after === "DOWNTIME") return "border-l-sky-600";
  if (better) return "border-l-emerald-600";
  return impacted ? "border-l-amber-500" : "border-l-slate-400";
}

function Flags({ flags }: { flags: { acknowledged: boolean; impacted: boolean } }) {
  const words = [flags.impacted && "impacted", flags.acknowledged && "acknowledged"].filter(Boolean).join(", ");
  return words ? <span className="text-xs text-slate-700">({words})</span> : null;
}

function BeforeAfter({ before, after }: { before: Flags; after: Flags }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <span className="sr-only">now</span>
      <StatusBadge state={before.state} />
      <Flags flags={before} />
      <span aria-hidden className="text-slate-600">
        →
      </span>
      <span className="sr-only">would be</span>
      <StatusBadge state={after.state} />
      <Flags flags={after} />
    </span>
  );
}

/** One object that changes: its name (a link to its view) and before → after, accented by where it ends up. */
function ChangeRow({ testId, name, href, before, after, improves, children }: { testId: string; name: string; href: string; before: Flags; after: Flags; improves: boolean; children: ReactNode }) {
  return (
    <li
      data-testid={testId}
      data-name={name}
      data-before={before.state}
      data-after={after.state}
      className={`rounded-md border-l-4 bg-white p-3 shadow-sm ${accentOf(after.state, after.impacted, improves)}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href={href} className="font-semibold text-blue-800 underline-offset-2 hover:underline [overflow-wrap:anywhere]">
          {name}
        </Link>
        <BeforeAfter before={before} after={after} />
      </div>
      {children}
    </li>
  );
}

function ServiceRow({ service }: { service: ServiceChangeView }) {
  const tags = [service.goesOffline && "goes OFFLINE", service.goesIntoDowntime && "goes into DOWNTIME", service.becomesImpacted && "becomes impacted", service.recovers && "recovers"].filter(
    (tag): tag is string => typeof tag === "string",
  );
  return (
    <ChangeRow testId="whatif-service" name={service.name} href={`/bsm/service/${service.id}`} before={service.before} after={service.after} improves={service.recovers}>
      {tags.length > 0 && <p className="mt-1 text-sm text-slate-700">{tags.join(", ")}</p>}
    </ChangeRow>
  );
}

function ComponentRow({ component }: { component: ComponentChangeView }) {
  return (
    <ChangeRow testId="whatif-component" name={component.name} href={`/bsm/component/${component.id}`} before={component.before} after={component.after} improves={component.regainsZone}>
      <p className="mt-1 text-sm text-slate-700 tabular-nums">
        Operational hosts {component.hostsOperationalBefore} → {component.hostsOperationalAfter} of {component.hostsTotal} ({component.requiredOnline} required)
        {component.losesZone && <span className="font-semibold text-red-800"> · loses its operational zone</span>}
        {component.regainsZone && <span className="font-semibold text-emerald-800"> · regains its operational zone</span>}
      </p>
      {component.hosts.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={`Hosts of ${component.name} that change`}>
          {component.hosts.map((host) => (
            <li key={host.host} className="flex items-center gap-1 rounded bg-slate-50 px-2 py-1 ring-1 ring-slate-200">
              <span className="font-medium [overflow-wrap:anywhere]">{host.host}</span>
              <BeforeAfter before={host.before} after={host.after} />
            </li>
          ))}
        </ul>
      )}
    </ChangeRow>
  );
}
