import { describe, expect, it } from "vitest";
import { serviceCountsAt } from "./counts-at";
import type { ObjectStateAt } from "./read";

const tree = (entries: Record<string, ObjectStateAt>) => new Map(Object.entries(entries));
const operational: ObjectStateAt = { state: "OPERATIONAL", acknowledged: false, impacted: false };

describe("a service's counts at a moment", () => {
  it("counts failed, downtime, impacted and acknowledged components as they were", () => {
    const at = tree({
      "COMPONENT:1": { state: "FAILED", acknowledged: true, impacted: false },
      "COMPONENT:2": { state: "DOWNTIME", acknowledged: false, impacted: false },
      "COMPONENT:3": { state: "OPERATIONAL", acknowledged: false, impacted: true },
      "COMPONENT:4": operational,
    });
    expect(serviceCountsAt(at, [1, 2, 3, 4])).toEqual({
      componentsTotal: 4,
      componentsFailed: 1,
      componentsImpacted: 1,
      componentsDowntime: 1,
      componentsAcknowledged: 1,
    });
  });

  it("leaves out components that did not exist yet", () => {
    const at = tree({ "COMPONENT:1": { state: "FAILED", acknowledged: false, impacted: false } });
    expect(serviceCountsAt(at, [1, 2])).toMatchObject({ componentsTotal: 1, componentsFailed: 1 });
  });

  it("a service with no components at the moment counts nothing", () => {
    expect(serviceCountsAt(tree({ "COMPONENT:9": operational }), [1])).toEqual({
      componentsTotal: 0,
      componentsFailed: 0,
      componentsImpacted: 0,
      componentsDowntime: 0,
      componentsAcknowledged: 0,
    });
  });
});
