import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate } from "./access";
import { filterLiveEvent } from "./filter-live-event";
import type { LiveEvent, LiveObjectChange } from "../events/live-events";

const estate: AccessEstate = {
  hosts: new Map([
    ["web-1", { hostGroups: [], keywords: ["eu"] }],
    ["db-1", { hostGroups: [], keywords: ["us"] }],
  ]),
  componentHosts: new Map([
    [1, ["web-1"]],
    [2, ["db-1"]],
  ]),
  serviceComponents: new Map([
    [10, [1]],
    [20, [2]],
  ]),
};
const change = (objectType: LiveObjectChange["objectType"], objectKey: string): LiveObjectChange => ({
  objectType,
  objectKey,
  state: "FAILED",
  acknowledged: false,
  impacted: false,
});
const event: LiveEvent = {
  type: "bsm",
  at: 1,
  changes: [change("COMPONENT_HOST", "1:web-1"), change("COMPONENT", "1"), change("BUSINESS_SERVICE", "10"), change("COMPONENT_HOST", "2:db-1"), change("COMPONENT", "2"), change("BUSINESS_SERVICE", "20")],
};

describe("filterLiveEvent", () => {
  it("keeps only the changes of objects the user may see", () => {
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, keywords: ["eu"], grantServicesOfComponents: true }, estate);
    expect(filterLiveEvent(access, event)).toEqual({ ...event, changes: event.changes.slice(0, 3) });
  });

  it("drops a status event entirely when nothing in it is visible, and without BSM access", () => {
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, keywords: ["apac"] }, estate);
    expect(filterLiveEvent(access, event)).toBeNull();
    expect(filterLiveEvent(createAccess({ ...NO_GRANTS, viewAll: true }, estate), event)).toBeNull();
  });

  it("drops the changes of a component hidden by a check outside the role's service groups", () => {
    const grouped: AccessEstate = {
      ...estate,
      hosts: new Map([
        ["web-1", { hostGroups: ["Prod"], keywords: [], checkServiceGroups: [["Web"]] }],
        ["db-1", { hostGroups: ["Prod"], keywords: [], checkServiceGroups: [["Web"], ["Database"]] }],
      ]),
    };
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, hostGroups: ["Prod"], allServiceGroups: false, serviceGroups: ["Web"], grantServicesOfComponents: true }, grouped);
    expect(filterLiveEvent(access, event)).toEqual({ ...event, changes: event.changes.slice(0, 3) });
  });

  it("drops the host changes of a component seen only top down, and keeps the component's own", () => {
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, keywords: ["eu"], businessServices: new Map([[20, { canEdit: false }]]) }, estate);
    expect(access.canSeeComponent(2)).toBe(true);
    expect(filterLiveEvent(access, event)).toEqual({ ...event, changes: [change("COMPONENT_HOST", "1:web-1"), change("COMPONENT", "1"), change("COMPONENT", "2"), change("BUSINESS_SERVICE", "20")] });
  });

  it("judges each host of a component on its own: a visible host's changes pass, a hidden one's do not", () => {
    const mixed: AccessEstate = { ...estate, componentHosts: new Map([[1, ["web-1", "db-1"]]]), serviceComponents: new Map([[10, [1]]]) };
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, keywords: ["eu"], businessServices: new Map([[10, { canEdit: false }]]) }, mixed);
    const hostEvent: LiveEvent = { type: "bsm", at: 1, changes: [change("COMPONENT_HOST", "1:web-1"), change("COMPONENT_HOST", "1:db-1")] };
    expect(filterLiveEvent(access, hostEvent)).toEqual({ ...hostEvent, changes: [change("COMPONENT_HOST", "1:web-1")] });
  });

  it("passes poll results through", () => {
    const poll: LiveEvent = { type: "poll", at: 1, ok: true, staleSince: null, message: null };
    expect(filterLiveEvent(createAccess({ ...NO_GRANTS, bsmAccess: true }, estate), poll)).toBe(poll);
  });
});
