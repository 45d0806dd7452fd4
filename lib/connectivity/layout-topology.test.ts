import { describe, expect, it } from "vitest";
import { layOutTopology } from "./layout-topology";
import { buildTopology, NODE_WIDTH } from "./topology";

const view = buildTopology({ kind: "component", id: 1 }, [], {
  services: [{ id: 2, name: "Shop", state: "OPERATIONAL", componentIds: [1] }],
  components: [{ id: 1, name: "Web", state: "OPERATIONAL", hostsTotal: 2, requiredOnline: 1 }],
  hostElements: [
    { componentId: 1, host: "web-1", state: "OPERATIONAL" },
    { componentId: 1, host: "web-2", state: "FAILED" },
  ],
});

describe("layOutTopology", () => {
  it("places every node, left to right from the source to the services, without overlaps", () => {
    const positions = layOutTopology(view);
    expect(Object.keys(positions).sort()).toEqual(view.nodes.map((node) => node.id).sort());
    expect(positions["source"]!.x).toBeLessThan(positions["host:web-1"]!.x);
    expect(positions["host:web-1"]!.x).toBeLessThan(positions["component:1"]!.x);
    expect(positions["component:1"]!.x).toBeLessThan(positions["service:2"]!.x);
    expect(positions["host:web-1"]!.x).toBe(positions["host:web-2"]!.x);
    expect(Math.abs(positions["host:web-1"]!.y - positions["host:web-2"]!.y)).toBeGreaterThan(0);
    expect(positions["component:1"]!.x - positions["host:web-1"]!.x).toBeGreaterThanOrEqual(NODE_WIDTH);
  });

  it("gives a view of the same shape the same layout, whatever its states", () => {
    const changed = { ...view, nodes: view.nodes.map((node) => ({ ...node, state: "FAILED" as const })) };
    expect(layOutTopology(changed)).toBe(layOutTopology(view));
  });
});
