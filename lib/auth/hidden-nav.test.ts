import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate, type Grants } from "./access";
import { hiddenNavHrefs } from "./hidden-nav";

const estate: AccessEstate = { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() };
const hidden = (grants: Partial<Grants>) => hiddenNavHrefs(createAccess({ ...NO_GRANTS, ...grants }, estate));

describe("hiddenNavHrefs", () => {
  it("hides every BSM entry from a role without BSM access, leaving Account and Settings", () => {
    expect(hidden({ bsmAccess: false, viewAll: true, configureBsm: true, configureBsmComponents: true }).sort()).toEqual(
      ["/", "/admin", "/bsm/sla", "/bsm/topology", "/configure", "/hosts", "/notifications", "/overview", "/summary"].sort(),
    );
  });

  it("shows a BSM viewer the BSM entries but not Configure or Admin", () => {
    expect(hidden({ bsmAccess: true })).toEqual(["/configure", "/admin"]);
  });

  it("shows a configurer Configure, and an administrator everything", () => {
    expect(hidden({ bsmAccess: true, configureBsmComponents: true })).toEqual(["/admin"]);
    expect(hidden({ isAdmin: true })).toEqual([]);
  });
});
