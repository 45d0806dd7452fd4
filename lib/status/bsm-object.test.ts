import { describe, expect, it } from "vitest";
import { createAccess, NO_GRANTS, type AccessEstate } from "../auth/access";
import {
  businessServiceRef,
  canSeeObject,
  componentHostKey,
  componentHostRef,
  componentRef,
  isHostState,
  isServiceState,
  isStateOf,
  objectRefKey,
  parseComponentHostKey,
  readStoredState,
  refOfTransition,
  type BsmObjectRef,
} from "./bsm-object";

const OPERATIONAL = { state: "OPERATIONAL", acknowledged: false, impacted: false } as const;
const FAILED = { state: "FAILED", acknowledged: false, impacted: false } as const;

describe("object references", () => {
  it("a component host's key is its component id and host name joined by a colon, and parses back", () => {
    expect(componentHostKey(7, "db/1")).toBe("7:db/1");
    expect(componentHostKey("7", "db/1")).toBe("7:db/1");
    expect(parseComponentHostKey("7:db/1")).toEqual({ componentId: 7, host: "db/1" });
    expect(parseComponentHostKey("7:[::1]")).toEqual({ componentId: 7, host: "[::1]" });
    expect(parseComponentHostKey("7")).toBeNull();
  });

  it("names each object by its stored type and key", () => {
    expect(businessServiceRef(9)).toEqual({ objectType: "BUSINESS_SERVICE", objectKey: "9" });
    expect(componentRef("3")).toEqual({ objectType: "COMPONENT", objectKey: "3" });
    expect(componentHostRef(3, "web-1")).toEqual({ objectType: "COMPONENT_HOST", objectKey: "3:web-1" });
  });

  it("an engine transition is about the object of the same type and id", () => {
    expect(refOfTransition({ objectType: "componentHost", componentId: "3", host: "web-1", before: OPERATIONAL, after: FAILED })).toEqual(componentHostRef(3, "web-1"));
    expect(refOfTransition({ objectType: "component", id: "3", before: OPERATIONAL, after: FAILED })).toEqual(componentRef(3));
    expect(refOfTransition({ objectType: "businessService", id: "9", before: OPERATIONAL, after: { ...OPERATIONAL, state: "OFFLINE" } })).toEqual(
      businessServiceRef(9),
    );
  });

  it("one key per object, with its type first", () => {
    expect(objectRefKey(componentRef(7))).toBe("COMPONENT:7");
    expect(objectRefKey(componentHostRef(7, "web-1"))).toBe("COMPONENT_HOST:7:web-1");
    expect(objectRefKey(businessServiceRef(7))).not.toBe(objectRefKey(componentRef(7)));
  });
});

describe("object states", () => {
  it.each([
    { state: "OPERATIONAL", host: true, service: true },
    { state: "DOWNTIME", host: true, service: true },
    { state: "FAILED", host: true, service: false },
    { state: "OFFLINE", host: false, service: true },
    { state: "operational", host: false, service: false },
    { state: "", host: false, service: false },
  ])("$state is a host state: $host, a service state: $service", ({ state, host, service }) => {
    expect(isHostState(state)).toBe(host);
    expect(isServiceState(state)).toBe(service);
    expect(isStateOf("COMPONENT_HOST", state)).toBe(host);
    expect(isStateOf("COMPONENT", state)).toBe(host);
    expect(isStateOf("BUSINESS_SERVICE", state)).toBe(service);
  });

  it("a stored state reads back as itself when the object's type can be in it, else as OPERATIONAL", () => {
    expect(readStoredState("COMPONENT", "FAILED")).toBe("FAILED");
    expect(readStoredState("BUSINESS_SERVICE", "OFFLINE")).toBe("OFFLINE");
    expect(readStoredState("BUSINESS_SERVICE", "FAILED")).toBe("OPERATIONAL");
    expect(readStoredState("COMPONENT_HOST", "OFFLINE")).toBe("OPERATIONAL");
    expect(readStoredState("COMPONENT", null)).toBe("OPERATIONAL");
    expect(readStoredState("COMPONENT", undefined)).toBe("OPERATIONAL");
  });
});

describe("canSeeObject", () => {
  // Component 1 = web-1 (keyword eu) + web-2 (keyword us); component 2 = db-1 (keyword us). Service 10 = [1], 20 = [2].
  const estate: AccessEstate = {
    hosts: new Map([
      ["web-1", { hostGroups: [], keywords: ["eu"] }],
      ["web-2", { hostGroups: [], keywords: ["us"] }],
      ["db-1", { hostGroups: [], keywords: ["us"] }],
    ]),
    componentHosts: new Map([
      [1, ["web-1", "web-2"]],
      [2, ["db-1"]],
    ]),
    serviceComponents: new Map([
      [10, [1]],
      [20, [2]],
    ]),
  };
  const objects: BsmObjectRef[] = [
    businessServiceRef(10),
    componentRef(1),
    componentHostRef(1, "web-1"),
    componentHostRef(1, "web-2"),
    businessServiceRef(20),
    componentRef(2),
    componentHostRef(2, "db-1"),
  ];
  const visible = (access: ReturnType<typeof createAccess>) => objects.filter((ref) => canSeeObject(access, ref)).map(objectRefKey);

  it("bottom up: the objects whose hosts the user may all see", () => {
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, keywords: ["us"], grantServicesOfComponents: true }, estate);
    expect(visible(access)).toEqual(["BUSINESS_SERVICE:20", "COMPONENT:2", "COMPONENT_HOST:2:db-1"]);
  });

  it("top down: a granted service and its components, but a component host only when the host itself is visible", () => {
    const access = createAccess({ ...NO_GRANTS, bsmAccess: true, keywords: ["eu"], businessServices: new Map([[10, { canEdit: false }]]) }, estate);
    expect(visible(access)).toEqual(["BUSINESS_SERVICE:10", "COMPONENT:1", "COMPONENT_HOST:1:web-1"]);
  });

  it("nothing without BSM access, everything for an administrator, nothing that does not exist", () => {
    expect(visible(createAccess({ ...NO_GRANTS, viewAll: true }, estate))).toEqual([]);
    const admin = createAccess({ ...NO_GRANTS, isAdmin: true }, estate);
    expect(visible(admin)).toHaveLength(objects.length);
    expect(canSeeObject(admin, componentRef(3))).toBe(false);
    expect(canSeeObject(admin, businessServiceRef(30))).toBe(false);
    expect(canSeeObject(admin, { objectType: "COMPONENT_HOST", objectKey: "web-1" })).toBe(false);
  });
});
