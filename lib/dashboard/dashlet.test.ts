import { describe, expect, it } from "vitest";
import { contentOf, dashletTitle, sizeOfColumns, targetOf, type DashletContent } from "./dashlet";

const names = {
  service: (id: number) => (id === 12 ? "Payment API" : undefined),
  component: (id: number) => (id === 3 ? "Web servers" : undefined),
};

describe("dashlet titles name their object", () => {
  it.each<[DashletContent, string]>([
    [{ kind: "summary" }, "BSM Summary"],
    [{ kind: "service", serviceId: 12 }, "Service: Payment API"],
    [{ kind: "component", componentId: 3 }, "Component: Web servers"],
    [{ kind: "investigate", target: { kind: "service", id: 12 } }, "Investigate: Payment API"],
    [{ kind: "investigate", target: { kind: "component", id: 3 } }, "Investigate: Web servers"],
    [{ kind: "investigate", target: { kind: "host", componentId: 3, host: "web-01" } }, "Investigate: web-01 (Web servers)"],
    [{ kind: "service", serviceId: 99 }, "Service: #99 (not available)"],
    [{ kind: "topology", scope: { kind: "estate" }, expand: [] }, "Topology: whole estate"],
    [{ kind: "topology", scope: { kind: "service", id: 12 }, expand: ["component:3"] }, "Topology: Payment API"],
  ])("%j is titled %s", (content, title) => {
    expect(dashletTitle(content, names)).toBe(title);
  });

  it("stores a content as the target it was read from", () => {
    for (const [kind, target] of [["service", "12"], ["component", "3"], ["investigate", "host/3/web%2001"], ["summary", ""], ["topology", "scope=estate"], ["topology", "scope=service%3A12&expand=component%3A3%2Cservice%3A4"]] as const) {
      expect(targetOf(contentOf(kind, target)!)).toBe(target);
    }
  });

  it("refuses a topology target that names no scope", () => {
    for (const target of ["scope=host%3Aweb", "scope=service%3A0", "expand=host%3Aweb"]) expect(contentOf("topology", target)).toBeNull();
  });

  it("sizes a dashlet by the columns it spans, within 1 to 4", () => {
    expect([0, 1, 1.6, 3, 9].map(sizeOfColumns)).toEqual(["small", "small", "medium", "large", "full"]);
  });
});
