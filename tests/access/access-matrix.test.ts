import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, listedPaths, PAGES, ROLES, SERVER_ACTIONS } from "./access-matrix";
import { enumerateSourcePaths, exportedActions, exportedMethods, isServerActionModule, routeOf } from "./enumerate-paths";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("the access matrix lists every path of the source tree", () => {
  const source = enumerateSourcePaths(ROOT);

  it("finds pages, API routes and server actions at all", () => {
    expect(source.paths.filter((key) => key.startsWith("page ")).length).toBeGreaterThan(10);
    expect(source.paths.filter((key) => key.startsWith("GET ")).length).toBeGreaterThan(5);
    expect(source.paths.filter((key) => key.startsWith("action ")).length).toBeGreaterThan(10);
  });

  it("every page, API method and server action in the source has a row (decide who may use a new one in tests/access/access-matrix.ts)", () => {
    const listed = new Set(listedPaths());
    expect(source.paths.filter((key) => !listed.has(key))).toEqual([]);
  });

  it("every row names a path that still exists", () => {
    const existing = new Set(source.paths);
    expect(listedPaths().filter((key) => !existing.has(key))).toEqual([]);
  });

  it("no path is listed twice", () => {
    const keys = listedPaths();
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it("nothing in the source escapes the enumeration", () => {
    expect(source.unsupported).toEqual([]);
  });

  it("every row has a case, and every case an outcome for every role", () => {
    const expectations = [
      ...PAGES.flatMap((row) => row.cases.map((entry) => [`page ${row.route}: ${entry.what}`, entry.expect] as const)),
      ...API_ROUTES.flatMap((row) => Object.entries(row.methods).flatMap(([method, cases]) => (cases ?? []).map((entry) => [`${method} ${row.route}: ${entry.what}`, entry.expect] as const))),
      ...SERVER_ACTIONS.map((row) => [`action ${row.name}`, row.cases.length] as const),
    ];
    for (const [name, expectation] of expectations) {
      if (typeof expectation === "number") expect(expectation, name).toBeGreaterThan(0);
      else expect(Object.keys(expectation).sort(), name).toEqual([...ROLES].sort());
    }
    for (const row of [...PAGES, ...SERVER_ACTIONS]) expect(row.cases.length).toBeGreaterThan(0);
    for (const row of API_ROUTES) expect(Object.values(row.methods).every((cases) => (cases ?? []).length > 0)).toBe(true);
  });
});

describe("reading the source", () => {
  it.each([
    ["app/(dashboard)/page.tsx", "/"],
    ["app/(dashboard)/bsm/service/[id]/page.tsx", "/bsm/service/[id]"],
    ["app/(auth)/signin/page.tsx", "/signin"],
    ["app/api/views/investigate/[...target]/route.ts", "/api/views/investigate/[...target]"],
  ])("the route of %s is %s", (file, route) => {
    expect(routeOf(file)).toBe(route);
  });

  it("finds exported HTTP methods in each form a route module may use", () => {
    expect(exportedMethods("export function GET() {}\nexport async function POST() {}\nfunction PUT() {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export const DELETE = handler;")).toEqual(["DELETE"]);
    expect(exportedMethods("const handler = NextAuth(options);\nexport { handler as GET, handler as POST };")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic';")).toEqual([]);
  });

  it("recognises a server action module only by its leading directive", () => {
    expect(isServerActionModule('"use server";\n\nexport async function a() {}')).toBe(true);
    expect(isServerActionModule("// why\n/* more */\n'use server';\nexport async function a() {}")).toBe(true);
    expect(isServerActionModule('import x from "y";\nasync function a() { "use server"; }')).toBe(false);
    expect(exportedActions('"use server";\nexport async function saveThing() {}\nexport const dropThing = async () => {};\nasync function helper() {}')).toEqual(["dropThing", "saveThing"]);
  });
});
