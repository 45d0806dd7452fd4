import { describe, expect, it } from "vitest";
import { createBsmEngine, type BsmConfig, type ServiceCheckStatus } from "../bsm";
import { businessServiceRef, componentRef } from "../status/bsm-object";
import { StoredStatusMirror } from "./object-statuses";

const config: BsmConfig = {
  components: [{ id: "1", name: "Web", hostTemplate: "Web", hosts: ["web1", "web2"], requiredOnline: 2 }],
  businessServices: [{ id: "9", name: "Shop", components: ["1"] }],
};
const critical = (host: string): ServiceCheckStatus => ({
  host,
  name: "HTTP",
  hostTemplates: ["Web"],
  state: "CRITICAL",
  acknowledged: false,
  inDowntime: false,
});

describe("StoredStatusMirror", () => {
  it("adds never-seen objects without a change when they start OPERATIONAL", () => {
    const mirror = new StoredStatusMirror([]);
    const { upserts, changes, removed } = mirror.reconcile(createBsmEngine(config).listAll());
    expect(upserts.map((row) => `${row.objectType}:${row.objectKey}`)).toEqual([
      "COMPONENT_HOST:1:web1",
      "COMPONENT_HOST:1:web2",
      "COMPONENT:1",
      "BUSINESS_SERVICE:9",
    ]);
    expect(changes).toEqual([]);
    expect(removed).toEqual([]);
  });

  it("reports a new object that is already failing as a change from OPERATIONAL", () => {
    const mirror = new StoredStatusMirror([]);
    const { changes } = mirror.reconcile(createBsmEngine(config, [critical("web1")]).listAll());
    expect(changes.map((c) => [c.after.objectKey, c.before.state, c.after.state])).toEqual([
      ["1:web1", "OPERATIONAL", "FAILED"],
      ["1", "OPERATIONAL", "FAILED"],
      ["9", "OPERATIONAL", "OFFLINE"],
    ]);
  });

  it("finds nothing to do when the stored statuses match, and removes objects that vanished", () => {
    const engine = createBsmEngine(config, [critical("web1")]);
    const mirror = new StoredStatusMirror([]);
    mirror.reconcile(engine.listAll());
    expect(mirror.reconcile(engine.listAll())).toEqual({ upserts: [], changes: [], removed: [] });

    engine.reconfigure({ components: config.components, businessServices: [] });
    const { removed } = mirror.reconcile(engine.listAll());
    expect(removed.map((row) => row.objectKey)).toEqual(["9"]);
    expect(mirror.get(businessServiceRef(9))).toBeUndefined();
  });

  it("turns engine transitions into before/after changes and remembers the after", () => {
    const engine = createBsmEngine(config);
    const mirror = new StoredStatusMirror([]);
    mirror.reconcile(engine.listAll());
    const changes = mirror.applyTransitions(engine.applyCheckChange(critical("web2")));
    expect(changes.map((c) => [c.after.objectType, c.before.state, c.after.state])).toEqual([
      ["COMPONENT_HOST", "OPERATIONAL", "FAILED"],
      ["COMPONENT", "OPERATIONAL", "FAILED"],
      ["BUSINESS_SERVICE", "OPERATIONAL", "OFFLINE"],
    ]);
    expect(mirror.get(componentRef(1))?.state).toBe("FAILED");
  });
});
