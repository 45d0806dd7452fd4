import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ComponentHostView, ComponentLayerView } from "@/lib/status/component-layers";
import type { ComponentDetailView } from "@/lib/status/component-view";
import { ComponentDetail } from "./component-detail";
import { ComponentLayer } from "./service-layers";

const host = (name: string, state: "OPERATIONAL" | "FAILED" | "DOWNTIME", acknowledged = false): ComponentHostView => ({
  visible: true,
  name,
  state,
  acknowledged,
  stateSince: null,
  availability: 99.5,
  failingChecks: state === "OPERATIONAL" ? [] : [{ name: `${name} HTTP`, output: "connection refused", acknowledged, inDowntime: state === "DOWNTIME" }],
});

const layer = (hosts: ComponentHostView[], requiredOnline: number): ComponentLayerView => ({
  id: 3,
  name: "Web servers",
  hostTemplate: "Web",
  state: "FAILED",
  acknowledged: false,
  impacted: false,
  stateSince: null,
  hostsTotal: hosts.length,
  hostsFailed: hosts.filter((h) => h.visible && h.state === "FAILED").length,
  hostsDowntime: 0,
  hostsAcknowledged: 0,
  requiredOnline,
  operationalZonePercent: Math.round((requiredOnline / hosts.length) * 10000) / 100,
  availability: 97.5,
  hosts,
});

/** Renders to HTML (the unit project runs in node, without a DOM) and reads back what the tests check. */
function render(element: React.ReactElement): RenderedView {
  return readMarkup(renderToStaticMarkup(element));
}

describe("Service view component layer", () => {
  it("draws the operational-zone outline around exactly the first R hosts, in the order given (zone order)", () => {
    const hosts = [host("web2", "OPERATIONAL"), host("web3", "OPERATIONAL"), host("web1", "FAILED", true), host("web4", "DOWNTIME")];
    const rendered = render(<ComponentLayer layer={layer(hosts, 3)} />);
    expect(rendered.zone.map((box) => box.host)).toEqual(["web2", "web3", "web1"]);
    expect(rendered.allHosts.map((box) => box.host)).toEqual(["web2", "web3", "web1", "web4"]);
    expect(rendered.text).toContain("Zone 75.00% (3 of 4 required)");
    expect(rendered.zoneLabel).toBe("Operational zone: 3 of 4 hosts");
  });

  it("draws no outline when no host is required", () => {
    const rendered = render(<ComponentLayer layer={layer([host("web1", "FAILED")], 0)} />);
    expect(rendered.hasZone).toBe(false);
    expect(rendered.allHosts).toHaveLength(1);
  });

  it("shows a host the user may not see as a grey box, in its place inside the zone", () => {
    const rendered = render(<ComponentLayer layer={layer([host("web1", "OPERATIONAL"), { visible: false }, host("web3", "DOWNTIME")], 2)} />);
    expect(rendered.zone.map((box) => box.host ?? "hidden")).toEqual(["web1", "hidden"]);
    expect(rendered.text).toContain("You do not have access to the hosts");
    expect(rendered.text).not.toContain("undefined");
  });
});

describe("Component view", () => {
  it("lists hosts in the order given (most severe first) with their failing checks and marks acknowledged ones", () => {
    const view: ComponentDetailView = {
      ...layer([host("web1", "FAILED", true), host("web4", "DOWNTIME"), host("web2", "OPERATIONAL")], 2),
      notes: "Call <b>ops</b>\n  then restart",
      services: [{ id: 12, name: "Shop", state: "OFFLINE", acknowledged: true, impacted: true, stateSince: null }],
    };
    const rendered = render(<ComponentDetail view={view} />);
    expect(rendered.componentHosts).toEqual(["web1", "web4", "web2"]);
    expect(rendered.text).toContain("web1 HTTP");
    expect(rendered.text).toContain("No failing checks");
    expect(rendered.text).toContain("ACK");
    expect(rendered.text).toContain("IMPACTED");
    expect(rendered.text).toContain("Shop");
  });

  it("shows the notes as plain text, whitespace kept, markup escaped; none when empty", () => {
    const view: ComponentDetailView = { ...layer([host("web1", "OPERATIONAL")], 1), notes: "Call <b>ops</b>\n  then restart", services: [] };
    const markup = renderToStaticMarkup(<ComponentDetail view={view} />);
    expect(markup).toContain("Call &lt;b&gt;ops&lt;/b&gt;\n  then restart");
    expect(markup).toMatch(/data-testid="object-notes"[^]*whitespace-pre-wrap/);
    expect(renderToStaticMarkup(<ComponentDetail view={{ ...view, notes: " " }} />)).not.toContain("object-notes");
  });
});

/** What the tests read from rendered markup: host boxes inside and outside the zone outline. */
interface RenderedView {
  zone: { host?: string }[];
  allHosts: { host?: string }[];
  hasZone: boolean;
  zoneLabel: string | undefined;
  componentHosts: string[];
  text: string;
}

function readMarkup(markup: string): RenderedView {
  const boxes = [...markup.matchAll(/data-testid="host-box"(?: data-hidden="true")?(?: data-host="([^"]*)")?/g)].map((match) => ({
    index: match.index ?? 0,
    host: match[1],
  }));
  const zoneStart = markup.indexOf('data-testid="operational-zone"');
  // The zone is a flex container whose closing tag comes before the next sibling group of hosts.
  const zoneEnd = zoneStart < 0 ? -1 : findClosingDiv(markup, markup.lastIndexOf("<div", zoneStart));
  const inZone = boxes.filter((box) => zoneStart >= 0 && box.index > zoneStart && box.index < zoneEnd);
  return {
    zone: inZone.map(({ host }) => ({ host })),
    allHosts: boxes.map(({ host }) => ({ host })),
    hasZone: zoneStart >= 0,
    zoneLabel: /aria-label="(Operational zone[^"]*)"/.exec(markup)?.[1],
    componentHosts: [...markup.matchAll(/data-testid="component-host" data-host="([^"]*)"/g)].map((match) => match[1]),
    text: markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " "),
  };
}

function findClosingDiv(markup: string, openAt: number): number {
  let depth = 0;
  const tag = /<(\/?)div\b[^>]*>/g;
  tag.lastIndex = openAt;
  for (let match = tag.exec(markup); match; match = tag.exec(markup)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index;
  }
  return markup.length;
}
