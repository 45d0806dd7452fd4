import { describe, expect, it } from "vitest";
import type { BsmConfig } from "../bsm";
import { checkOf } from "../bsm/testing/builders";
import { prefilledChanges, whatIfCandidates } from "./candidates";

const config: BsmConfig = {
  components: [
    { id: "1", name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "secret1"], requiredOnline: 2 },
    { id: "2", name: "Database", hostTemplate: "DB", hosts: ["db1", "web1"], requiredOnline: 1 },
  ],
  businessServices: [{ id: "7", name: "Shop", components: ["2"] }],
};
const checks = [checkOf("web1", "HTTP", "OK"), checkOf("web1", "Disk", "CRITICAL"), checkOf("db1", "PG", "OK")];
const everything = { canSeeHost: () => true, canSeeService: () => true, canSeeComponent: () => true };

describe("whatIfCandidates", () => {
  it("offers every visible component host once, with its components and checks by name", () => {
    const candidates = whatIfCandidates(config, checks, { ...everything, canSeeHost: (name) => !name.startsWith("secret") }, { kind: "estate" })!;
    expect(candidates.hosts).toEqual([
      { name: "web1", components: ["Web", "Database"], checks: [{ name: "Disk", state: "CRITICAL" }, { name: "HTTP", state: "OK" }] },
      { name: "web2", components: ["Web"], checks: [] },
      { name: "db1", components: ["Database"], checks: [{ name: "PG", state: "OK" }] },
    ]);
  });

  it("limits to a service's or a component's hosts, and refuses one the user may not see", () => {
    expect(whatIfCandidates(config, checks, everything, { kind: "service", id: 7 })!.hosts.map((host) => host.name)).toEqual(["db1", "web1"]);
    expect(whatIfCandidates(config, checks, everything, { kind: "component", id: 1 })!.scopeLabel).toBe("component Web");
    expect(whatIfCandidates(config, checks, { ...everything, canSeeService: () => false }, { kind: "service", id: 7 })).toBeNull();
    expect(whatIfCandidates(config, checks, everything, { kind: "component", id: 99 })).toBeNull();
  });

  it("prefills the requested hosts it offers as failed and names the others", () => {
    const candidates = whatIfCandidates(config, checks, everything, { kind: "estate" })!;
    expect(prefilledChanges(["web2", " db1", "nowhere", "web2", ""], candidates)).toEqual({
      changes: [{ host: "web2", to: "failed" }, { host: "db1", to: "failed" }],
      notOffered: ["nowhere"],
    });
  });
});
