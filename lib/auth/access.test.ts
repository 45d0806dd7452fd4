import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, requireCapability, AccessDeniedError, type AccessEstate, type Grants } from "./access";

// Two components: 1 = web-1 (group Web) + web-2 (group Web); 2 = db-1 (group Db, keyword payments).
// Services: 10 = [1], 20 = [1, 2], 30 = [2].
const estate: AccessEstate = {
  hosts: new Map([
    ["web-1", { hostGroups: ["Web"], keywords: [] }],
    ["web-2", { hostGroups: ["Web", "Edge"], keywords: [] }],
    ["db-1", { hostGroups: ["Db"], keywords: ["payments"] }],
  ]),
  componentHosts: new Map([
    [1, ["web-1", "web-2"]],
    [2, ["db-1"]],
  ]),
  serviceComponents: new Map([
    [10, [1]],
    [20, [1, 2]],
    [30, [2]],
  ]),
};
const grants = (overrides: Partial<Grants>): Grants => ({ ...NO_GRANTS, bsmAccess: true, ...overrides });

describe("access", () => {
  it("without BSM access nothing is visible and nothing may be configured", () => {
    const access = createAccess({ ...NO_GRANTS, viewAll: true, allBusinessServices: true, configureBsm: true }, estate);
    expect(access.has("bsm")).toBe(false);
    expect(access.visibleServiceIds()).toEqual([]);
    expect(access.visibleComponentIds()).toEqual([]);
    expect(access.canSeeHost("web-1")).toBe(false);
    expect(access.has("configureBsm")).toBe(false);
  });

  it("an admin sees and edits everything", () => {
    const access = createAccess({ ...NO_GRANTS, isAdmin: true }, estate);
    expect(access.visibleServiceIds()).toEqual([10, 20, 30]);
    expect(access.canEditService(30)).toBe(true);
    expect(access.has("administer")).toBe(true);
  });

  it("top down: a chosen service shows all of its components, but not their other services", () => {
    const access = createAccess(grants({ businessServices: new Map([[20, { canEdit: false }]]) }), estate);
    expect(access.visibleServiceIds()).toEqual([20]);
    expect(access.visibleComponentIds()).toEqual([1, 2]);
    expect(access.canEditService(20)).toBe(false);
  });

  it("the hosts of a component are seen bottom up only, whatever the services granted top down", () => {
    const access = createAccess(grants({ keywords: ["payments"], businessServices: new Map([[10, { canEdit: true }]]) }), estate);
    expect(access.canSeeComponent(1)).toBe(true);
    expect(access.canSeeComponentHosts(1)).toBe(false);
    expect(access.canSeeComponentHosts(2)).toBe(true);
    expect(createAccess(grants({ viewAll: true }), estate).canSeeComponentHosts(1)).toBe(true);
    expect(createAccess({ ...NO_GRANTS, viewAll: true }, estate).canSeeComponentHosts(1)).toBe(false);
  });

  it("View All business services includes services created later", () => {
    const access = createAccess(grants({ allBusinessServices: true }), {
      ...estate,
      serviceComponents: new Map([...estate.serviceComponents, [40, []]]),
    });
    expect(access.visibleServiceIds()).toEqual([10, 20, 30, 40]);
  });

  it("bottom up: a component is visible only when every one of its hosts is", () => {
    const onlyWeb1 = createAccess(grants({ hostGroups: ["Edge"] }), estate);
    expect(onlyWeb1.canSeeHost("web-2")).toBe(true);
    expect(onlyWeb1.canSeeComponent(1)).toBe(false);
    const web = createAccess(grants({ hostGroups: ["Web"] }), estate);
    expect(web.visibleComponentIds()).toEqual([1]);
    expect(web.visibleServiceIds()).toEqual([]);
    const byKeyword = createAccess(grants({ keywords: ["payments"] }), estate);
    expect(byKeyword.visibleComponentIds()).toEqual([2]);
  });

  it("the Grant permissions to Business Services tickbox shows the services of visible components", () => {
    const access = createAccess(grants({ hostGroups: ["Web"], grantServicesOfComponents: true }), estate);
    expect(access.visibleServiceIds()).toEqual([10, 20]);
    // Seeing service 20 through component 1 does not reveal component 2 (only top-down access does).
    expect(access.canSeeComponent(2)).toBe(false);
  });

  it("VIEWALL shows every component but no service unless granted", () => {
    const access = createAccess(grants({ viewAll: true }), estate);
    expect(access.visibleComponentIds()).toEqual([1, 2]);
    expect(access.visibleServiceIds()).toEqual([]);
  });

  it("editing is top down only: CONFIGUREBSM and the service ticked as editable", () => {
    const chosen = new Map([
      [10, { canEdit: true }],
      [20, { canEdit: false }],
    ]);
    expect(createAccess(grants({ configureBsm: true, businessServices: chosen }), estate).canEditService(10)).toBe(true);
    expect(createAccess(grants({ configureBsm: true, businessServices: chosen }), estate).canEditService(20)).toBe(false);
    expect(createAccess(grants({ configureBsm: false, businessServices: chosen }), estate).canEditService(10)).toBe(false);
    expect(createAccess(grants({ configureBsm: true, allBusinessServices: true, viewAll: true }), estate).canEditService(30)).toBe(false);
  });

  it("requireCapability refuses with the permission's name", () => {
    const access = createAccess(grants({}), estate);
    expect(() => requireCapability(access, "configureBsmComponents")).toThrow(AccessDeniedError);
    expect(() => requireCapability(access, "configureBsmComponents")).toThrow(/CONFIGUREBSMCOMPONENTS/);
    expect(() => requireCapability(access, "bsm")).not.toThrow();
  });
});
