import { describe, expect, it } from "vitest";
import { buildTopology, HOSTS_SHOWN_UNEXPANDED, type TopologyComponent, type TopologyHostElement, type TopologyService } from "./topology";

const services: TopologyService[] = [
  { id: 1, name: "Shop", state: "OFFLINE", componentIds: [10, 11] },
  { id: 2, name: "Blog", state: "OPERATIONAL", componentIds: [10] },
];
const components: TopologyComponent[] = [
  { id: 10, name: "Web", state: "FAILED", hostsTotal: 3, requiredOnline: 2 },
  { id: 11, name: "Db", state: "OPERATIONAL", hostsTotal: 20, requiredOnline: 30 },
];
const hostElements: TopologyHostElement[] = [
  { componentId: 10, host: "web-1", state: "FAILED" },
  { componentId: 10, host: "web-2", state: "FAILED" },
  ...Array.from({ length: HOSTS_SHOWN_UNEXPANDED + 1 }, (_, i): TopologyHostElement => ({ componentId: 11, host: `db-${i}`, state: i === 0 ? "DOWNTIME" : "OPERATIONAL" })),
];
const inputs = { services, components, hostElements };
const ids = (view: ReturnType<typeof buildTopology>) => view.nodes.map((node) => node.id);

describe("buildTopology", () => {
  it("starts the estate with every service's components collapsed into a count on the service", () => {
    const view = buildTopology({ kind: "estate" }, [], inputs);
    expect(ids(view)).toEqual(["source", "service:1", "service:2"]);
    expect(view.nodes.find((node) => node.id === "service:1")).toMatchObject({ state: "OFFLINE", detail: "2 components, 1 failed", expands: "service:1" });
    expect(view.edges.map((edge) => `${edge.id} ${edge.state}`)).toEqual(["source>service:1 OFFLINE", "source>service:2 OPERATIONAL"]);
  });

  it("draws an expanded service's components with their operational zone, few host elements one by one and many as a count", () => {
    const view = buildTopology({ kind: "estate" }, ["service:1"], inputs);
    expect(view.nodes.find((node) => node.id === "service:1")?.expands).toBeUndefined();
    expect(view.nodes.find((node) => node.id === "component:10")).toMatchObject({ label: "Web", state: "FAILED", detail: "3 hosts, 2 required online" });
    // R is capped by N, as the status rules cap it.
    expect(view.nodes.find((node) => node.id === "component:11")).toMatchObject({ detail: "20 hosts, 20 required online" });
    expect(ids(view)).toContain("host:web-1");
    expect(view.nodes.find((node) => node.id === "hosts-of:component:11")).toMatchObject({ state: "DOWNTIME", detail: "13 host elements, 1 downtime", expands: "component:11" });
    // Blog shares Web, so Web is drawn once and links to both services when both are open.
    const both = buildTopology({ kind: "estate" }, ["service:1", "service:2"], inputs);
    expect(both.edges.filter((edge) => edge.from === "component:10").map((edge) => edge.to).sort()).toEqual(["service:1", "service:2"]);
  });

  it("gives each connection the state of the object it comes from, and the source's that of the host element it feeds", () => {
    const view = buildTopology({ kind: "component", id: 10 }, [], inputs);
    const edge = (id: string) => view.edges.find((candidate) => candidate.id === id);
    expect(edge("source>host:web-1")?.state).toBe("FAILED");
    expect(edge("host:web-1>component:10")?.state).toBe("FAILED");
    expect(edge("component:10>service:1")?.state).toBe("FAILED");
    expect(ids(view).sort()).toEqual(["component:10", "host:web-1", "host:web-2", "service:1", "service:2", "source"]);
    expect(view.nodes.find((node) => node.id === "host:web-1")).toMatchObject({ kind: "host", detail: "In Web", componentId: 10 });
  });

  it("a service scope opens that service only; expanding a component opens its host elements", () => {
    const view = buildTopology({ kind: "service", id: 1 }, ["component:11"], inputs);
    expect(ids(view)).not.toContain("service:2");
    expect(ids(view).filter((id) => id.startsWith("host:db-"))).toHaveLength(HOSTS_SHOWN_UNEXPANDED + 1);
    expect(view.expanded).toEqual(["component:11"]);
  });
});
