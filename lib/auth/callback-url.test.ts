import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const BASE = "http://localhost:3000";

describe("safeCallbackPath", () => {
  it.each([
    ["/overview", "/overview"],
    ["/summary?sort=name&state=failed#grid", "/summary?sort=name&state=failed#grid"],
    ["/bsm/service/7", "/bsm/service/7"],
    ["http://localhost:3000/hosts?x=1", "/hosts?x=1"],
    ["/a/../b", "/b"],
    // Parsed as the browser parses them: still paths on this site.
    ["/\tevil.example", "/evil.example"],
    ["http:evil.example", "/evil.example"],
  ])("keeps the same-origin path %s as %s", (value, expected) => {
    expect(safeCallbackPath(value, BASE)).toBe(expected);
  });

  it.each([
    ["/\\evil.example/x"],
    ["/\t/evil.example"],
    ["//evil.example"],
    ["///evil.example"],
    ["\\\\evil.example"],
    ["https://evil.example/"],
    ["http://localhost:3001/"],
    ["https://localhost:3000/"],
    ["javascript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    [" //evil.example"],
  ])("refuses %j and answers /", (value) => {
    expect(safeCallbackPath(value, BASE)).toBe("/");
  });

  it.each([[undefined], [null], [""]])("answers / for %j", (value) => {
    expect(safeCallbackPath(value, BASE)).toBe("/");
  });

  it("never answers a path the browser would read as another host", () => {
    // Same origin, but the path starts with two slashes: as a relative URL it would be protocol-relative.
    expect(safeCallbackPath("http://localhost:3000//evil.example/x", BASE)).toBe("/evil.example/x");
    expect(safeCallbackPath("/%2F%2Fevil.example", BASE)).toBe("/%2F%2Fevil.example");
  });
});
