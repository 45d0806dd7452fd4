import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTE_PATTERNS, routePatternOf } from "./route-pattern";

const API_DIR = path.resolve(__dirname, "../../app/api");

function patternsOnDisk(dir: string, prefix = "/api"): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return patternsOnDisk(path.join(dir, entry.name), `${prefix}/${entry.name}`);
    return entry.name === "route.ts" ? [prefix] : [];
  });
}

describe("the route label of request durations", () => {
  it("lists exactly the API's route folders", () => {
    expect([...API_ROUTE_PATTERNS].sort()).toEqual(patternsOnDisk(API_DIR).sort());
  });

  it.each([
    ["/api/status/bsmcomponent", "/api/status/bsmcomponent"],
    ["/api/config/bsmservice/12", "/api/config/bsmservice/[id]"],
    ["/api/config/bsmservice/12/", "/api/config/bsmservice/[id]"],
    ["/api/config/bsmservice", "/api/config/bsmservice"],
    ["/api/tokens/99999999999", "/api/tokens/[id]"],
    ["/api/views/investigate/host/3/web-01", "/api/views/investigate/[...target]"],
    ["/api/auth/callback/credentials", "/api/auth/[...nextauth]"],
    ["/api/status/bsmservice/extra", "other"],
    ["/api/no-such-route", "other"],
    ["/api/config/bsmservice/1/2/3", "other"],
  ])("%s → %s (never a raw path)", (pathname, pattern) => {
    expect(routePatternOf(pathname)).toBe(pattern);
  });
});
