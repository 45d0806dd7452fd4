import { describe, expect, it } from "vitest";
import { downtimeTargetsOf } from "./changes";

describe("downtimeTargetsOf (Schedule this)", () => {
  it("takes failed and downtime changes once each, leaves recoveries out, and lets a whole host cover its checks", () => {
    expect(
      downtimeTargetsOf([
        { host: "web-01", to: "failed" },
        { host: "web-01", check: "HTTP", to: "downtime" },
        { host: "db-01", check: "Disk", to: "failed" },
        { host: "db-01", check: "Disk", to: "downtime" },
        { host: "db-02", to: "recovered" },
        { host: "db-03", check: "Load", to: "recovered" },
      ]),
    ).toEqual([{ host: "web-01" }, { host: "db-01", check: "Disk" }]);
  });

  it("is empty for a scenario of recoveries only", () => {
    expect(downtimeTargetsOf([{ host: "web-01", to: "recovered" }])).toEqual([]);
  });
});
