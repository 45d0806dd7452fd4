import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API_DIR = path.resolve(__dirname, "../../app/api");
// Not part of the public API: sign-in (next-auth) and the dashboard's own view data.
const PRIVATE = ["auth", "views"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "/api/config/bsmservice/{id}" → ["get", "put"], from the route files' exported handlers. */
function routesOnDisk(): Record<string, string[]> {
  const routes: Record<string, string[]> = {};
  for (const file of routeFiles(API_DIR)) {
    const relative = path.relative(API_DIR, path.dirname(file)).split(path.sep);
    if (PRIVATE.includes(relative[0])) continue;
    const apiPath = "/api/" + relative.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
    const methods = [...readFileSync(file, "utf8").matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1].toLowerCase());
    routes[apiPath] = methods.sort();
  }
  // Outside /api/ but documented with it: Prometheus scrapes /metrics.
  routes["/metrics"] = [...readFileSync(path.resolve(__dirname, "../../app/metrics/route.ts"), "utf8").matchAll(/export (?:async )?function (GET)\b/g)].map((match) => match[1].toLowerCase());
  return routes;
}

describe("the OpenAPI document", () => {
  it("describes exactly the API's routes and their methods", () => {
    const documented = Object.fromEntries(Object.entries(openApiDocument.paths).map(([apiPath, item]) => [apiPath, Object.keys(item).sort()]));
    expect(documented).toEqual(routesOnDisk());
  });

  it("every schema reference resolves", () => {
    const text = JSON.stringify(openApiDocument);
    const names = [...text.matchAll(/#\/components\/schemas\/(\w+)/g)].map((match) => match[1]);
    for (const name of new Set(names)) expect(openApiDocument.components.schemas).toHaveProperty(name);
  });
});
