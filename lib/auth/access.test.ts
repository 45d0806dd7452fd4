import { describe, expect, it } from "vitest";
import { ForbiddenError } from "../errors/app-error";
import { checksDecideVisibility, checkVisibility, createAccess, hostVisibility, NO_GRANTS, requireCapability, type AccessEstate, type Grants } from "./access";

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

  it("ACTIONBSM needs BSM access; administrators have it", () => {
    expect(createAccess(grants({ actionBsm: true }), estate).has("actionBsm")).toBe(true);
    expect(createAccess(grants({}), estate).has("actionBsm")).toBe(false);
    expect(createAccess({ ...NO_GRANTS, actionBsm: true }, estate).has("actionBsm")).toBe(false);
    expect(createAccess({ ...NO_GRANTS, isAdmin: true }, estate).has("actionBsm")).toBe(true);
    expect(() => requireCapability(createAccess(grants({}), estate), "actionBsm")).toThrow("This needs the ACTIONBSM permission");
  });

  it("requireCapability refuses with the permission's name", () => {
    const access = createAccess(grants({}), estate);
    expect(() => requireCapability(access, "configureBsmComponents")).toThrow(ForbiddenError);
    expect(() => requireCapability(access, "configureBsmComponents")).toThrow(/CONFIGUREBSMCOMPONENTS/);
    expect(() => requireCapability(access, "bsm")).not.toThrow();
  });
});

describe("service groups (the host group/service group intersection)", () => {
  // web-1: HTTP (Web) + Disk (OS); web-2: HTTP (Web) only; db-1 (keyword payments): MySQL (Database) + Disk (OS);
  // edge-1 (group Edge): no checks. Component 1 = web-1 + web-2, 2 = db-1, 3 = web-2 alone, 4 = edge-1.
  const groupEstate: AccessEstate = {
    hosts: new Map([
      ["web-1", { hostGroups: ["Web"], keywords: [], checkServiceGroups: [["Web"], ["OS"]] }],
      ["web-2", { hostGroups: ["Web"], keywords: [], checkServiceGroups: [["Web"]] }],
      ["db-1", { hostGroups: ["Db"], keywords: ["payments"], checkServiceGroups: [["Database"], ["OS"]] }],
      ["edge-1", { hostGroups: ["Edge"], keywords: [], checkServiceGroups: [] }],
    ]),
    componentHosts: new Map([
      [1, ["web-1", "web-2"]],
      [2, ["db-1"]],
      [3, ["web-2"]],
      [4, ["edge-1"]],
    ]),
    serviceComponents: new Map([
      [10, [1]],
      [30, [3, 4]],
    ]),
  };

  const web1 = { hostGroups: ["Web"], keywords: [] };
  const db1 = { hostGroups: ["Db"], keywords: ["payments"] };
  it.each([
    { rule: "VIEWALL shows every check", grants: { viewAll: true, allServiceGroups: false }, host: web1, groups: ["Web"], visible: true },
    { rule: "a keyword of its host shows a check in any service group", grants: { keywords: ["payments"], allServiceGroups: false }, host: db1, groups: ["Database"], visible: true },
    { rule: "a host group with all service groups shows every check of the host", grants: { hostGroups: ["Web"] }, host: web1, groups: ["OS"], visible: true },
    { rule: "a host group with a granted service group shows the check", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: web1, groups: ["Web"], visible: true },
    { rule: "one granted group among several is enough", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: web1, groups: ["OS", "Web"], visible: true },
    { rule: "a host group without the check's service group hides it", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: web1, groups: ["OS"], visible: false },
    { rule: "a check in no service group is hidden when service groups are chosen", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: web1, groups: [], visible: false },
    { rule: "a granted service group alone (host not in a granted host group) shows nothing", grants: { hostGroups: ["Db"], allServiceGroups: false, serviceGroups: ["Web"] }, host: web1, groups: ["Web"], visible: false },
    { rule: "without BSM access nothing", grants: { bsmAccess: false, viewAll: true }, host: web1, groups: ["Web"], visible: false },
  ])("check: $rule", ({ grants: overrides, host, groups, visible }) => {
    expect(checkVisibility(grants(overrides))(host, groups)).toBe(visible);
  });

  it.each([
    { rule: "all service groups: a host in a granted host group is visible whatever its checks", grants: { hostGroups: ["Web"] }, host: "web-1", visible: true },
    { rule: "a host is visible when every one of its checks is in a granted service group", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web", "OS"] }, host: "web-1", visible: true },
    { rule: "one check in an ungranted service group hides the host", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: "web-1", visible: false },
    { rule: "a host whose only checks are granted is visible", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: "web-2", visible: true },
    { rule: "a keyword shows every check of the host, whatever the service groups", grants: { keywords: ["payments"], allServiceGroups: false, serviceGroups: [] }, host: "db-1", visible: true },
    { rule: "a host without checks is judged by its host group alone", grants: { hostGroups: ["Edge"], allServiceGroups: false, serviceGroups: ["Web"] }, host: "edge-1", visible: true },
    { rule: "a host without checks outside the granted host groups stays hidden", grants: { hostGroups: ["Web"], allServiceGroups: false, serviceGroups: ["Web"] }, host: "edge-1", visible: false },
    { rule: "VIEWALL shows a host whatever its checks' groups", grants: { viewAll: true, allServiceGroups: false }, host: "db-1", visible: true },
  ])("host: $rule", ({ grants: overrides, host, visible }) => {
    expect(createAccess(grants(overrides), groupEstate).canSeeHost(host)).toBe(visible);
    expect(hostVisibility(grants(overrides))(groupEstate.hosts.get(host)!)).toBe(visible);
  });

  it("a component is visible only when every check of every one of its hosts is; the tickbox then shows its services", () => {
    const access = createAccess(grants({ hostGroups: ["Web", "Edge"], allServiceGroups: false, serviceGroups: ["Web"], grantServicesOfComponents: true }), groupEstate);
    expect(access.visibleComponentIds()).toEqual([3, 4]);
    expect(access.canSeeComponentHosts(1)).toBe(false);
    expect(access.visibleServiceIds()).toEqual([30]);
  });

  it("top-down access to a service still shows all of its components, whatever the service groups", () => {
    const access = createAccess(grants({ allServiceGroups: false, businessServices: new Map([[10, { canEdit: false }]]) }), groupEstate);
    expect(access.canSeeComponent(1)).toBe(true);
    expect(access.canSeeComponentHosts(1)).toBe(false);
  });

  it.each([
    { case: "all service groups", grants: { hostGroups: ["Web"] }, needed: false },
    { case: "chosen service groups and a host group", grants: { hostGroups: ["Web"], allServiceGroups: false }, needed: true },
    { case: "chosen service groups but no host group (keywords only)", grants: { keywords: ["x"], allServiceGroups: false }, needed: false },
    { case: "VIEWALL", grants: { viewAll: true, hostGroups: ["Web"], allServiceGroups: false }, needed: false },
    { case: "no BSM access", grants: { bsmAccess: false, hostGroups: ["Web"], allServiceGroups: false }, needed: false },
  ])("checks' service groups are needed to decide only with $case: $needed", ({ grants: overrides, needed }) => {
    expect(checksDecideVisibility(grants(overrides))).toBe(needed);
  });
});
