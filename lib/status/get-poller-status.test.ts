import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate, type Grants } from "../auth/access";
import { pollerStatusViewer, sourceDescriptionFor } from "./get-poller-status";

const estate: AccessEstate = { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() };
const viewerOf = (grants: Partial<Grants>) => pollerStatusViewer(createAccess({ ...NO_GRANTS, ...grants }, estate));
const simulated = ["simulated", "simulated estate: 240 hosts, 10 business services, seed 42, 12 incidents an hour"] as const;
const opsview = ["opsview-db", "main database opsview@10.0.0.5:3306/runtime"] as const;

describe("sourceDescriptionFor", () => {
  it("gives administrators the source's own description, addresses and counts included", () => {
    expect(sourceDescriptionFor(viewerOf({ isAdmin: true }), ...simulated)).toBe(simulated[1]);
    expect(sourceDescriptionFor(viewerOf({ isAdmin: true }), ...opsview)).toBe(opsview[1]);
  });

  it("gives VIEWALL roles the simulated estate's counts but no source address", () => {
    expect(sourceDescriptionFor(viewerOf({ bsmAccess: true, viewAll: true }), ...simulated)).toBe(simulated[1]);
    expect(sourceDescriptionFor(viewerOf({ bsmAccess: true, viewAll: true }), ...opsview)).toBe("Opsview database");
  });

  it("gives everyone else the source's kind only", () => {
    expect(sourceDescriptionFor(viewerOf({ bsmAccess: false, viewAll: true }), ...simulated)).toBe("Simulated estate (demo)");
    expect(sourceDescriptionFor(viewerOf({ bsmAccess: true, keywords: ["eu"] }), ...simulated)).toBe("Simulated estate (demo)");
    expect(sourceDescriptionFor(viewerOf({ bsmAccess: true }), ...opsview)).toBe("Opsview database");
  });
});
