import { describe, expect, it } from "vitest";
import type { BsmConfig } from "../bsm";
import { checkOf, checksForHosts, componentOf, hostName } from "../bsm/testing/builders";
import { ValidationError } from "../errors/app-error";
import { parseWhatIfChanges, readStoredChanges, type WhatIfChange } from "./changes";
import { WHOLE_HOST_CHECK, applyWhatIfChanges, evaluateWhatIf } from "./evaluate";

// Web: 3 hosts, 2 must be online; Database: 1 host of 1. Shop uses both, Blog only Web.
const config: BsmConfig = {
  components: [componentOf("web", "OOO", 2, "Web"), componentOf("db", "O", 1, "Database")],
  businessServices: [
    { id: "shop", name: "Shop", components: ["web", "db"] },
    { id: "blog", name: "Blog", components: ["web"] },
  ],
};
const checks = [...checksForHosts("web", "OOO"), ...checksForHosts("db", "O")];
const web = (position: number) => hostName("web", position);

const service = (result: ReturnType<typeof evaluateWhatIf>, id: string) => result.businessServices.find((outcome) => outcome.id === id)!;
const component = (result: ReturnType<typeof evaluateWhatIf>, id: string) => result.components.find((outcome) => outcome.id === id)!;

describe("evaluateWhatIf", () => {
  it.each<[string, WhatIfChange[], { web: string; shop: string; blog: string; losesZone: boolean; shopImpacted: boolean }]>([
    ["one web host failing leaves the zone intact: services impacted only", [{ host: web(0), to: "failed" }], { web: "OPERATIONAL", shop: "OPERATIONAL", blog: "OPERATIONAL", losesZone: false, shopImpacted: true }],
    ["two web hosts failing lose the zone: both services go OFFLINE", [{ host: web(0), to: "failed" }, { host: web(1), to: "failed" }], { web: "FAILED", shop: "OFFLINE", blog: "OFFLINE", losesZone: true, shopImpacted: false }],
    ["two web hosts in downtime: both services in DOWNTIME", [{ host: web(0), to: "downtime" }, { host: web(1), to: "downtime" }], { web: "DOWNTIME", shop: "DOWNTIME", blog: "DOWNTIME", losesZone: true, shopImpacted: false }],
    ["a failure and a downtime: the failure is pushed into the zone", [{ host: web(0), to: "failed" }, { host: web(1), to: "downtime" }], { web: "FAILED", shop: "OFFLINE", blog: "OFFLINE", losesZone: true, shopImpacted: false }],
    ["a later change of the same host wins", [{ host: web(0), to: "failed" }, { host: web(1), to: "failed" }, { host: web(1), to: "recovered" }], { web: "OPERATIONAL", shop: "OPERATIONAL", blog: "OPERATIONAL", losesZone: false, shopImpacted: true }],
  ])("%s", (_, changes, expected) => {
    const result = evaluateWhatIf(config, checks, changes);
    expect(component(result, "web").after.state).toBe(expected.web);
    expect(component(result, "web").losesZone).toBe(expected.losesZone);
    expect(service(result, "shop").after.state).toBe(expected.shop);
    expect(service(result, "blog").after.state).toBe(expected.blog);
    expect(service(result, "shop").after.impacted).toBe(expected.shopImpacted);
    expect(service(result, "shop").before).toEqual({ state: "OPERATIONAL", acknowledged: false, impacted: false });
  });

  it("a service goes OFFLINE through its database alone; the other service is unchanged", () => {
    const result = evaluateWhatIf(config, checks, [{ host: hostName("db", 0), to: "failed" }]);
    expect(service(result, "shop")).toMatchObject({ changed: true, goesOffline: true, after: { state: "OFFLINE" } });
    expect(service(result, "blog")).toMatchObject({ changed: false, goesOffline: false });
  });

  it("recovering a failed, acknowledged host clears its flags and brings the service back", () => {
    const failing = [...checksForHosts("web", "AAO"), ...checksForHosts("db", "O")];
    const result = evaluateWhatIf(config, failing, [{ host: web(0), to: "recovered" }]);
    expect(service(result, "blog")).toMatchObject({ before: { state: "OFFLINE", acknowledged: true }, after: { state: "OPERATIONAL", acknowledged: true, impacted: true }, recovers: true });
    expect(component(result, "web")).toMatchObject({ regainsZone: true, hostsOperationalBefore: 1, hostsOperationalAfter: 2 });
  });

  it("one check failing fails its host; a check marked failed is not acknowledged", () => {
    const twoChecks = [...checks, checkOf(web(0), "Disk", "CRITICAL", { acknowledged: true })];
    const result = evaluateWhatIf(config, twoChecks, [{ host: web(0), check: "HTTP", to: "failed" }]);
    expect(result.componentHosts.find((outcome) => outcome.host === web(0))).toMatchObject({ before: { state: "FAILED", acknowledged: true }, after: { state: "FAILED", acknowledged: false } });
  });

  it("a host without checks can still be failed as a whole", () => {
    const result = evaluateWhatIf(config, [], [{ host: web(2), to: "failed" }]);
    expect(result.componentHosts.find((outcome) => outcome.host === web(2))!.after.state).toBe("FAILED");
    expect(result.modifiedChecks).toEqual([checkOf(web(2), WHOLE_HOST_CHECK, "CRITICAL")]);
  });

  it("marks a check that contributes to no template as changed without changing any object", () => {
    const extra = [...checks, checkOf(web(0), "NTP", "OK", { hostTemplates: [] })];
    const result = evaluateWhatIf(config, extra, [{ host: web(0), check: "NTP", to: "failed" }]);
    expect([...result.businessServices, ...result.components, ...result.componentHosts].some((outcome) => outcome.changed)).toBe(false);
  });

  it("refuses unknown hosts and checks with a field per change", () => {
    const attempt = () => applyWhatIfChanges(config, checks, [{ host: web(0), to: "failed" }, { host: "nowhere", to: "failed" }, { host: web(1), check: "Nope", to: "failed" }]);
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual({ "changes.1.host": "Unknown host: nowhere (it is in no component)", "changes.2.check": `Unknown check: Nope on ${web(1)}` });
    }
  });

  it("skips unknown hosts and checks when asked to, evaluating the rest", () => {
    const result = evaluateWhatIf(config, checks, [{ host: "gone", to: "failed" }, { host: hostName("db", 0), to: "failed" }], { unknown: "skip" });
    expect(result.skipped).toEqual([{ index: 0, change: { host: "gone", to: "failed" }, reason: "Unknown host: gone (it is in no component)" }]);
    expect(service(result, "shop").after.state).toBe("OFFLINE");
  });
});

describe("parseWhatIfChanges", () => {
  it.each<[string, unknown, Record<string, string>]>([
    ["not a list", { host: "a" }, { changes: "must be a list of changes" }],
    ["an empty list", [], { changes: "name at least one host or check" }],
    ["an unknown target", [{ host: "a", to: "exploded" }], { "changes.0.to": "must be one of failed, downtime, recovered" }],
    ["an empty host", [{ host: " ", to: "failed" }], { "changes.0.host": "is required" }],
    ["an unknown field", [{ host: "a", to: "failed", colour: "red" }], { "changes.0": 'Unrecognized key: "colour"' }],
    ["too many changes", Array.from({ length: 201 }, () => ({ host: "a", to: "failed" })), { changes: "at most 200 changes" }],
  ])("refuses %s", (_, input, fieldErrors) => {
    try {
      parseWhatIfChanges(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual(fieldErrors);
    }
  });

  it("trims names and keeps the order", () => {
    expect(parseWhatIfChanges([{ host: " a ", check: " HTTP ", to: "downtime" }, { host: "b", to: "recovered" }])).toEqual([
      { host: "a", check: "HTTP", to: "downtime" },
      { host: "b", to: "recovered" },
    ]);
  });

  it("reads stored changes leniently, dropping entries that no longer parse", () => {
    expect(readStoredChanges([{ host: "a", to: "failed" }, { host: 3 }, "x"])).toEqual([{ host: "a", to: "failed" }]);
    expect(readStoredChanges("nonsense")).toEqual([]);
  });
});
