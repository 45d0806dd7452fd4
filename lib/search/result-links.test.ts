import { describe, expect, it } from "vitest";
import { componentPath, hostPath, servicePath } from "./result-links";

describe("where a search result opens", () => {
  it("a business service and a component open their views", () => {
    expect(servicePath(7)).toBe("/bsm/service/7");
    expect(componentPath(12)).toBe("/bsm/component/12");
  });

  it("a host with a host element opens its host page", () => {
    expect(hostPath({ name: "web eu/01", hasElement: true, visibleComponentId: 3 })).toBe("/hosts/web%20eu%2F01");
  });

  it("a host without an element opens in its first visible component's Investigate view", () => {
    expect(hostPath({ name: "db-01", hasElement: false, visibleComponentId: 3 })).toBe("/bsm/investigate/host/3/db-01");
  });

  it("a host in no component the user sees opens the Overview table filtered to it", () => {
    expect(hostPath({ name: "db 01", hasElement: false, visibleComponentId: null })).toBe("/overview?q=db%2001");
  });
});
