import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./authenticate";

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/config/bsmservice", { method: "POST", headers });

describe("isSameOrigin (CSRF check for cookie-authenticated changes)", () => {
  it("accepts a request whose Origin names this host", () => {
    expect(isSameOrigin(request({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
  });

  it("uses the proxy's forwarded host when there is one", () => {
    expect(isSameOrigin(request({ origin: "https://bsm.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "bsm.example.com" }))).toBe(true);
  });

  it.each([
    ["another site", { origin: "https://evil.example", host: "localhost:3000" }],
    ["another port", { origin: "http://localhost:4000", host: "localhost:3000" }],
    ["no Origin", { host: "localhost:3000" }],
    ["a malformed Origin", { origin: "null", host: "localhost:3000" }],
  ])("refuses %s", (_, headers) => {
    expect(isSameOrigin(request(headers))).toBe(false);
  });
});
