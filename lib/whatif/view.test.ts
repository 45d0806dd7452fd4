import { describe, expect, it } from "vitest";
import type { BsmConfig } from "../bsm";
import { checksForHosts, componentOf, hostName } from "../bsm/testing/builders";
import { evaluateWhatIf } from "./evaluate";
import { whatIfView } from "./view";

// Components 1 (3 hosts, 2 required) and 2 (1 host); services 10 (both) and 20 (component 1 only).
const config: BsmConfig = {
  components: [componentOf("1", "OOO", 2, "Web"), componentOf("2", "O", 1, "Database")],
  businessServices: [
    { id: "10", name: "Shop", components: ["1", "2"] },
    { id: "20", name: "Blog", components: ["1"] },
  ],
};
const checks = [...checksForHosts("1", "OOO"), ...checksForHosts("2", "O")];
const everything = { canSeeService: () => true, canSeeComponent: () => true, canSeeHost: () => true };

describe("whatIfView", () => {
  it("lists what changes, most severe first, and counts the rest", () => {
    const changes = [{ host: hostName("2", 0), to: "failed" as const }];
    const view = whatIfView(evaluateWhatIf(config, checks, changes), changes, everything);
    expect(view.businessServices.map((service) => [service.id, service.after.state])).toEqual([[10, "OFFLINE"]]);
    expect(view.components.map((component) => [component.id, component.after.state, component.hosts.map((host) => host.host)])).toEqual([[2, "FAILED", ["2-host1"]]]);
    expect(view.unchanged).toEqual({ businessServices: 1, components: 1 });
    expect(view.counts).toEqual({ servicesOffline: 1, servicesDowntime: 0, servicesImpacted: 0, servicesRecovering: 0, componentsLosingZone: 1, componentsRegainingZone: 0 });
  });

  it("lists a component whose hosts change while it stays OPERATIONAL", () => {
    const changes = [{ host: hostName("1", 0), to: "downtime" as const }];
    const view = whatIfView(evaluateWhatIf(config, checks, changes), changes, everything);
    expect(view.components).toMatchObject([{ id: 1, before: { state: "OPERATIONAL" }, after: { state: "OPERATIONAL" }, losesZone: false, hosts: [{ host: "1-host1", after: { state: "DOWNTIME" } }] }]);
    expect(view.businessServices).toEqual([]);
  });

  it("shows only services, components and hosts the user may see", () => {
    const changes = [{ host: hostName("1", 0), to: "failed" as const }, { host: hostName("1", 1), to: "failed" as const }];
    const view = whatIfView(evaluateWhatIf(config, checks, changes), changes, {
      canSeeService: (id) => id === 20,
      canSeeComponent: (id) => id === 1,
      canSeeHost: (name) => name === "1-host2",
    });
    expect(view.businessServices.map((service) => service.name)).toEqual(["Blog"]);
    expect(view.components.map((component) => [component.name, component.hosts.map((host) => host.host)])).toEqual([["Web", ["1-host2"]]]);
    expect(view.unchanged).toEqual({ businessServices: 0, components: 0 });
  });
});
