import { describe, expect, it } from "vitest";
import { createBsmEngine, type BsmConfig, type ServiceCheckStatus } from "../bsm";
import { StoredCountsMirror } from "./object-counts";

const config: BsmConfig = {
  components: [
    { id: "1", name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2 },
    { id: "2", name: "Db", hostTemplate: "Db", hosts: ["db1"], requiredOnline: 1 },
  ],
  businessServices: [{ id: "9", name: "Shop", components: ["1", "2"] }],
};
const check = (host: string, status: Partial<ServiceCheckStatus>): ServiceCheckStatus => ({
  host,
  name: "HTTP",
  hostTemplates: [host.startsWith("db") ? "Db" : "Web"],
  state: "OK",
  acknowledged: false,
  inDowntime: false,
  ...status,
});
const keys = (rows: { objectType: string; objectKey: string }[]) => rows.map((row) => `${row.objectType}:${row.objectKey}`);

describe("StoredCountsMirror", () => {
  it("gives every component's and service's counts first, then none while nothing changes", () => {
    const engine = createBsmEngine(config);
    const mirror = new StoredCountsMirror();
    const rows = mirror.reconcile(engine);
    expect(rows).toEqual([
      {
        objectType: "COMPONENT",
        objectKey: "1",
        counts: { hostsTotal: 3, hostsOperational: 3, hostsFailed: 0, hostsDowntime: 0, hostsAcknowledged: 0, requiredOnline: 2, allowedToFail: 1, operationalZonePercent: 66.67 },
      },
      {
        objectType: "COMPONENT",
        objectKey: "2",
        counts: { hostsTotal: 1, hostsOperational: 1, hostsFailed: 0, hostsDowntime: 0, hostsAcknowledged: 0, requiredOnline: 1, allowedToFail: 0, operationalZonePercent: 100 },
      },
      { objectType: "BUSINESS_SERVICE", objectKey: "9", counts: { componentsTotal: 2, componentsFailed: 0, componentsImpacted: 0, componentsDowntime: 0, componentsAcknowledged: 0 } },
    ]);
    expect(mirror.reconcile(engine)).toEqual([]);
  });

  it("gives a component's counts when one of its hosts fails though the component stays OPERATIONAL", () => {
    const engine = createBsmEngine(config);
    const mirror = new StoredCountsMirror();
    mirror.reconcile(engine);
    const rows = mirror.applyTransitions(engine, engine.applyCheckChange(check("web1", { state: "CRITICAL" })));
    // The component becomes impacted, so its service's impacted count moves too.
    expect(keys(rows)).toEqual(["COMPONENT:1", "BUSINESS_SERVICE:9"]);
    expect(rows[0].counts).toMatchObject({ hostsFailed: 1, hostsOperational: 2 });
    expect(rows[1].counts).toMatchObject({ componentsFailed: 0, componentsImpacted: 1 });
    expect(keys(mirror.applyTransitions(engine, engine.applyCheckChange(check("web1", { state: "CRITICAL", acknowledged: true }))))).toEqual([
      "COMPONENT:1",
      "BUSINESS_SERVICE:9",
    ]);
    expect(mirror.applyTransitions(engine, engine.applyCheckChange(check("web2", { state: "OK" })))).toEqual([]);
  });

  it("gives the counts a configuration change moved and forgets objects that left", () => {
    const engine = createBsmEngine(config, [check("db1", { state: "CRITICAL" })]);
    const mirror = new StoredCountsMirror();
    mirror.reconcile(engine);
    engine.reconfigure({ components: [{ ...config.components[0], hosts: ["web1", "web2"] }], businessServices: [{ id: "9", name: "Shop", components: ["1"] }] });
    const rows = mirror.reconcile(engine);
    expect(keys(rows)).toEqual(["COMPONENT:1", "BUSINESS_SERVICE:9"]);
    expect(rows[1].counts).toEqual({ componentsTotal: 1, componentsFailed: 0, componentsImpacted: 0, componentsDowntime: 0, componentsAcknowledged: 0 });
    engine.reconfigure(config);
    expect(keys(mirror.reconcile(engine))).toEqual(["COMPONENT:1", "COMPONENT:2", "BUSINESS_SERVICE:9"]);
  });
});
