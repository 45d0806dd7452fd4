import { describe, expect, it } from "vitest";
import { deriveInterfaces } from "./derive";
import { parseElementKey } from "./model";

describe("deriveInterfaces", () => {
  const memberships = {
    componentHosts: [
      { componentId: 1, componentName: "Web EU", host: "web-1" },
      { componentId: 1, componentName: "Web EU", host: "web-2" },
      { componentId: 2, componentName: "Db", host: "db-1" },
    ],
    serviceComponents: [
      { componentId: 1, serviceId: 7, serviceName: "Shop" },
      { componentId: 2, serviceId: 7, serviceName: "Shop" },
      { componentId: 1, serviceId: 8, serviceName: "Blog" },
    ],
  };

  it("gives the source an input per host element, a host element an output per component, a component an output per service", () => {
    const interfaces = deriveInterfaces({ hostElements: ["web-1", "db-1"], ...memberships });
    expect(interfaces.map((item) => `${item.id} ${item.direction} ${item.name}`)).toEqual([
      "component:1>service:7 OUTPUT Shop",
      "component:1>service:8 OUTPUT Blog",
      "component:2>service:7 OUTPUT Shop",
      "host:db-1>component:2 OUTPUT Db",
      "host:web-1>component:1 OUTPUT Web EU",
      "source>host:db-1 INPUT db-1",
      "source>host:web-1 INPUT web-1",
    ]);
  });

  it("gives a host without an element no interface, though it is in a component", () => {
    const interfaces = deriveInterfaces({ hostElements: [], ...memberships });
    expect(interfaces.every((item) => item.element.startsWith("component:"))).toBe(true);
    expect(interfaces).toHaveLength(3);
  });

  it("lists each interface once however often its inputs repeat it", () => {
    const interfaces = deriveInterfaces({
      hostElements: ["web-1", "web-1"],
      componentHosts: [memberships.componentHosts[0]!, memberships.componentHosts[0]!],
      serviceComponents: [],
    });
    expect(interfaces.map((item) => item.id)).toEqual(["host:web-1>component:1", "source>host:web-1"]);
  });

  it("reads element keys back, and refuses what names no object", () => {
    expect(parseElementKey("source")).toEqual({ kind: "source" });
    expect(parseElementKey("host:web:1")).toEqual({ kind: "host", host: "web:1" });
    expect(parseElementKey("component:12")).toEqual({ kind: "component", id: 12 });
    expect(parseElementKey("service:3")).toEqual({ kind: "service", id: 3 });
    for (const bad of ["", "host:", "component:0", "component:x", "service:-1", "elsewhere:1", "sources"]) expect(parseElementKey(bad)).toBeNull();
  });
});
