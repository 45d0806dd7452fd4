"use client";

import { memo } from "react";
import { HostActionMenuItems } from "@/components/actions/source-action-button";
import { InStateFor } from "@/components/live/freshness";
import { StatusHeading } from "@/components/status/status-heading";
import { statusStyle } from "@/components/status/status-style";
import type { ComponentHostView, ComponentLayerView } from "@/lib/status/component-layers";
import type { ServiceDetailView } from "@/lib/status/service-view";
import { BsmObjectMenu } from "./bsm-object-menu";
import { ObjectNameMenu } from "./object-name-menu";
import { ObjectNotes } from "./object-notes";
import { ServiceHostSelection } from "./service-host-selection";
import { componentLinks, hostLinks, serviceLinks } from "./object-links";
import { AcknowledgedMark, MarkedLine, describeStatus, formatAvailability } from "./status-marks";

/** The BSM Service view: the service, then each component as a layer with its hosts in zone order. */
export function ServiceLayers({ view }: { view: ServiceDetailView }) {
  return (
    <div className="space-y-4" data-testid="service-view" data-service-id={view.id}>
      <StatusHeading name={<ObjectNameMenu kind="Business service" name={view.name} status={view} links={serviceLinks(view.id)} className="rounded-md px-1 text-xl font-semibold" />} status={view}>
        <InStateFor since={view.stateSince} className="text-sm text-slate-700" />
        <span className="text-sm text-slate-700">
          Availability (24 h) <span className="font-semibold tabular-nums">{formatAvailability(view.availability)}</span>
        </span>
        <span className="text-sm text-slate-700 tabular-nums">
          {view.componentsTotal} components: {view.componentsFailed} failed, {view.componentsDowntime} in downtime, {view.componentsImpacted} impacted
        </span>
      </StatusHeading>
      <ObjectNotes notes={view.notes} />
      <ServiceHostSelection layers={view.components} />
      {view.components.map((layer, index) =>
        layer === null ? (
          <div key={`hidden-${index}`} className="rounded-lg bg-slate-200 p-4 text-sm text-slate-700" data-testid="component-layer-hidden">
            You do not have access to this component
          </div>
        ) : (
          <ComponentLayer key={layer.id} layer={layer} />
        ),
      )}
    </div>
  );
}

/** One component: its hosts in zone order, the first requiredOnline inside the operational-zone outline. */
export const ComponentLayer = memo(function ComponentLayer({ layer }: { layer: ComponentLayerView }) {
  const zone = layer.hosts.slice(0, layer.requiredOnline);
  const outside = layer.hosts.slice(layer.requiredOnline);
  return (
    <section
      aria-label={`Component ${layer.name}`}
      data-testid="component-layer"
      data-component-id={layer.id}
      data-required-online={layer.requiredOnline}
      data-state={layer.state}
      className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
    >
      <StatusHeading
        name={<ObjectNameMenu kind="Component" name={layer.name} status={layer} links={componentLinks(layer.id)} className="rounded px-1 font-semibold" />}
        status={layer}
        size="section"
        className="mb-2"
      >
        <InStateFor since={layer.stateSince} className="text-xs text-slate-700" />
        <span className="text-xs text-slate-700 tabular-nums">
          Zone {layer.operationalZonePercent.toFixed(2)}% ({layer.requiredOnline} of {layer.hostsTotal} required)
        </span>
        <span className="text-xs text-slate-700 tabular-nums">Availability {formatAvailability(layer.availability)}</span>
      </StatusHeading>
      <div className="flex flex-wrap items-start gap-2">
        {zone.length > 0 && (
          <div
            data-testid="operational-zone"
            aria-label={`Operational zone: ${layer.requiredOnline} of ${layer.hostsTotal} hosts`}
            role="group"
            className="flex flex-wrap gap-2 rounded-lg p-1.5 outline-2 outline-offset-0 outline-slate-800 outline-dashed"
          >
            {zone.map((host, index) => (
              <HostBox key={host.visible ? host.name : `hidden-${index}`} componentId={layer.id} host={host} />
            ))}
          </div>
        )}
        {outside.length > 0 && (
          <div className="flex flex-wrap gap-2 p-1.5">
            {outside.map((host, index) => (
              <HostBox key={host.visible ? host.name : `hidden-out-${index}`} componentId={layer.id} host={host} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
});

const HostBox = memo(function HostBox({ componentId, host }: { componentId: number; host: ComponentHostView }) {
  if (!host.visible) {
    return (
      <div data-testid="host-box" data-hidden="true" className="flex h-16 w-36 items-center sm:w-40 rounded-md bg-slate-300 p-2 text-xs text-slate-800">
        You do not have access to the hosts
      </div>
    );
  }
  const style = statusStyle(host.state);
  return (
    <div data-testid="host-box" data-host={host.name} data-state={host.state} className="h-16 w-36 sm:w-40">
      <BsmObjectMenu
        label={`Host ${host.name}: ${describeStatus(host.state, host.acknowledged, false)}`}
        links={hostLinks(componentId, host.name)}
        moreItems={(close) => <HostActionMenuItems host={host} close={close} />}
        className={`relative rounded-md px-2 py-1 ring-1 ${style.badge}`}
      >
        <MarkedLine text={host.name} className="text-sm font-semibold">
          {host.acknowledged && <AcknowledgedMark />}
        </MarkedLine>
        <span className="block truncate text-xs">
          {style.label} <InStateFor since={host.stateSince} />
        </span>
        <span className="block text-[11px] tabular-nums">{formatAvailability(host.availability)}</span>
      </BsmObjectMenu>
    </div>
  );
});
