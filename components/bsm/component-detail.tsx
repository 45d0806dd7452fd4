"use client";

import { CheckSourceActions, HostActionMenuItems, HostSourceActions } from "@/components/actions/source-action-button";
import { hostOffers } from "@/components/actions/offers";
import { InStateFor } from "@/components/live/freshness";
import { StatusHeading } from "@/components/status/status-heading";
import { statusStyle } from "@/components/status/status-style";
import type { ComponentDetailView } from "@/lib/status/component-view";
import { BsmObjectMenu } from "./bsm-object-menu";
import { ObjectNameMenu } from "./object-name-menu";
import { ObjectNotes } from "./object-notes";
import { componentLinks, hostLinks, serviceLinks } from "./object-links";
import { AcknowledgedMark, ImpactedMark, MarkedLine, describeStatus, formatAvailability } from "./status-marks";

/** The BSM Component view: hosts FAILED, DOWNTIME, OPERATIONAL with their failing checks, then its business services. */
export function ComponentDetail({ view }: { view: ComponentDetailView }) {
  return (
    <div className="@container space-y-4" data-testid="component-view" data-component-id={view.id}>
      <StatusHeading name={<ObjectNameMenu kind="Component" name={view.name} status={view} links={componentLinks(view.id)} className="rounded-md px-1 text-xl font-semibold" />} status={view}>
        <InStateFor since={view.stateSince} className="text-sm text-slate-700" />
        <span className="text-sm text-slate-700 tabular-nums">
          Host template {view.hostTemplate} · {view.requiredOnline} of {view.hostsTotal} required (zone {view.operationalZonePercent.toFixed(2)}%) ·{" "}
          {view.hostsFailed} failed, {view.hostsDowntime} in downtime · availability {formatAvailability(view.availability)}
        </span>
      </StatusHeading>
      <ObjectNotes notes={view.notes} />
      <ol className="grid grid-cols-1 gap-2 @xl:grid-cols-2 @4xl:grid-cols-3 @6xl:grid-cols-4" aria-label="Hosts, most severe first">
        {view.hosts.map((host, index) =>
          host.visible ? (
            <li key={host.name} data-testid="component-host" data-host={host.name} data-state={host.state} className="rounded-lg border border-slate-200 bg-white shadow-sm">
              <div className="h-16">
                <BsmObjectMenu
                  label={`Host ${host.name}: ${describeStatus(host.state, host.acknowledged, false)}`}
                  links={hostLinks(view.id, host.name)}
                  moreItems={(close) => <HostActionMenuItems host={host} close={close} />}
                  className={`relative rounded-t-lg px-3 py-2 ring-1 ${statusStyle(host.state).badge}`}
                >
                  <MarkedLine text={host.name} className="font-semibold">
                    {host.acknowledged && <AcknowledgedMark />}
                  </MarkedLine>
                  <MarkedLine
                    text={
                      <>
                        {statusStyle(host.state).label} <InStateFor since={host.stateSince} /> · availability {formatAvailability(host.availability)}
                      </>
                    }
                    title={`${statusStyle(host.state).label} · availability ${formatAvailability(host.availability)}`}
                    className="text-xs"
                  />
                </BsmObjectMenu>
              </div>
              {host.failingChecks.length > 0 ? (
                <ul className="space-y-1 p-3 text-sm" aria-label={`Failing checks on ${host.name}`}>
                  {host.failingChecks.map((check) => (
                    <li key={check.name}>
                      <span className="font-medium">{check.name}</span>
                      {check.inDowntime && <span className="ml-2 text-xs text-sky-900">in downtime</span>}
                      {check.acknowledged && <span className="ml-2 text-xs text-slate-700">acknowledged</span>}
                      <CheckSourceActions host={host.name} check={{ ...check, failing: true }} />
                      {check.output && <span className="block truncate text-xs text-slate-600">{check.output}</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="p-3 text-sm text-slate-600">No failing checks</p>
              )}
              {host.state !== "OPERATIONAL" && <HostSourceActions host={host.name} offers={hostOffers(host)} className="px-3 pb-3" />}
            </li>
          ) : (
            <li key={`hidden-${index}`} data-testid="component-host" data-hidden="true" className="rounded-lg bg-slate-300 p-3 text-sm text-slate-800">
              You do not have access to the hosts
            </li>
          ),
        )}
      </ol>
      <section aria-labelledby="component-services">
        <h2 id="component-services" className="mb-2 font-semibold">
          Business services using this component
        </h2>
        {view.services.length === 0 ? (
          <p className="text-sm text-slate-600">None that you may see.</p>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {view.services.map((service) => (
              <li key={service.id} className="h-[4.5rem] w-56">
                <BsmObjectMenu
                  label={`Business service ${service.name}: ${describeStatus(service.state, service.acknowledged, service.impacted)}`}
                  links={serviceLinks(service.id)}
                  className={`relative rounded-md px-3 py-1.5 ring-1 ${statusStyle(service.state).badge}`}
                >
                  <MarkedLine text={service.name} className="font-semibold">
                    {service.acknowledged && <AcknowledgedMark />}
                  </MarkedLine>
                  <MarkedLine
                    text={
                      <>
                        {statusStyle(service.state).label} <InStateFor since={service.stateSince} />
                      </>
                    }
                    title={statusStyle(service.state).label}
                    className="text-xs"
                  >
                    {service.impacted && <ImpactedMark />}
                  </MarkedLine>
                </BsmObjectMenu>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
