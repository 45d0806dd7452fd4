import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate, type Grants } from "../auth/access";
import { emptyHostElementsMessage, emptyOverviewMessage } from "./empty-table-messages";

const estate: AccessEstate = { hosts: new Map(), componentHosts: new Map(), serviceComponents: new Map() };
const access = (grants: Partial<Grants>) => createAccess({ ...NO_GRANTS, ...grants }, estate);

describe("empty Overview and Hosts messages", () => {
  it("tells a user who sees every host that nothing has been read or reflected yet", () => {
    expect(emptyOverviewMessage(access({ isAdmin: true }), undefined)).toBe("No hosts have been read from the monitoring source yet.");
    expect(emptyHostElementsMessage(access({ bsmAccess: true, viewAll: true }), undefined)).toMatch(/^No host elements yet\./);
  });

  it("tells a restricted user only that there is nothing they may see", () => {
    const restricted = access({ bsmAccess: true, hostGroups: ["Web"] });
    expect(emptyOverviewMessage(restricted, undefined)).toBe("There are no hosts you may see.");
    expect(emptyHostElementsMessage(restricted, undefined)).toBe("There are no host elements you may see.");
  });

  it("names the search when one is given", () => {
    expect(emptyOverviewMessage(access({ isAdmin: true }), "web")).toBe("No host you may see matches “web”.");
    expect(emptyHostElementsMessage(access({ bsmAccess: true }), "db")).toBe("No host element you may see matches “db”.");
  });
});
