import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate, type Grants } from "../auth/access";
import { describeSourceFor } from "./describe-source";

const estate: AccessEstate = { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() };
const accessOf = (grants: Partial<Grants>) => createAccess({ ...NO_GRANTS, ...grants }, estate);
const simulated = { sourceKind: "simulated", sourceDescription: "simulated estate: 240 hosts, 10 business services, seed 42, 12 incidents an hour" };

describe("describeSourceFor", () => {
  it("gives administrators and VIEWALL roles the source's own description, with its estate counts", () => {
    expect(describeSourceFor(accessOf({ isAdmin: true }), simulated)).toBe(simulated.sourceDescription);
    expect(describeSourceFor(accessOf({ bsmAccess: true, viewAll: true }), simulated)).toBe(simulated.sourceDescription);
  });

  it("gives everyone else the source's kind only, with no counts", () => {
    expect(describeSourceFor(accessOf({ bsmAccess: false, viewAll: true }), simulated)).toBe("Simulated estate (demo)");
    expect(describeSourceFor(accessOf({ bsmAccess: true, keywords: ["eu"] }), simulated)).toBe("Simulated estate (demo)");
    expect(describeSourceFor(accessOf({ bsmAccess: true }), { sourceKind: "opsview-db", sourceDescription: "main database db1:3306" })).toBe("Opsview database");
  });
});
