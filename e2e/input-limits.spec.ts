import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN, E2E_PORT } from "./settings";
import { signIn } from "./helpers";

// Issue 12, findings 7 and 8: oversized bodies are refused with 413 before they are parsed, bad ids
// and names get 4xx (never 500), and refusals answer 403/404 rather than a 200 page.

const BASE = `http://localhost:${E2E_PORT}`;
const BEYOND_INT4 = 2147483648;
const MB = 1024 * 1024;

async function signedInRequest(browser: Browser, credentials: { email: string; password: string }): Promise<APIRequestContext> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page.request;
}

async function cookieHeader(request: APIRequestContext): Promise<string> {
  return (await request.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** A chunked POST (no Content-Length) of `size` bytes; resolves with the status the server answers. */
function postChunked(pathName: string, headers: Record<string, string>, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(`http://127.0.0.1:${E2E_PORT}${pathName}`, { method: "POST", headers: { ...headers, host: `localhost:${E2E_PORT}` } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The server may answer and close while the body is still being sent.
    request.on("error", (error) => (request.writableFinished ? reject(error) : undefined));
    const chunk = Buffer.alloc(64 * 1024, "x");
    request.write('{"name":"');
    let written = 0;
    const writeMore = () => {
      while (written < size) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", writeMore);
      }
      request.end('"}');
    };
    writeMore();
  });
}

function actionId(exportedName: string): string {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`no server action ${exportedName} in ${manifestPath}`);
  return id;
}

function callAction(request: APIRequestContext, pagePath: string, id: string, body: string | Buffer, origin = BASE) {
  return request.post(pagePath, {
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin },
    data: body,
  });
}

test("a 20 MB body is refused with 413 before it is parsed, declared or chunked, and the server stays healthy", async ({ browser }) => {
  const admin = await signedInRequest(browser, E2E_ADMIN);
  const huge = Buffer.from(JSON.stringify({ name: "x".repeat(20 * MB), hostTemplateId: 1, hostIds: [], requiredOnline: 0 }));
  const answers = await Promise.all(
    [1, 2, 3].map(() => admin.post("/api/config/bsmcomponent", { headers: { origin: BASE, "content-type": "application/json" }, data: huge })),
  );
  for (const answer of answers) {
    expect(answer.status()).toBe(413);
    expect(await answer.json()).toEqual({ error: expect.stringContaining("larger than 1 MB") });
  }
  const chunked = await postChunked("/api/config/bsmcomponent", { cookie: await cookieHeader(admin), origin: BASE, "content-type": "application/json" }, 20 * MB);
  expect(chunked).toBe(413);
  expect((await admin.get("/api/health")).status()).toBe(200);
  expect((await admin.get("/api/config/bsmcomponent")).status()).toBe(200);
});

test("bad ids and names in the API answer 400 or 404 as JSON, never 500", async ({ browser }) => {
  const admin = await signedInRequest(browser, E2E_ADMIN);
  const post = (apiPath: string, data: unknown) => admin.post(apiPath, { headers: { origin: BASE }, data });
  const cases: [string, Promise<Awaited<ReturnType<typeof post>>>, string][] = [
    ["component ids beyond int4", post("/api/config/bsmservice", { name: "Bad ids", componentIds: [BEYOND_INT4] }), "componentIds"],
    ["a NUL in a name", post("/api/config/bsmservice", { name: "Nul\u0000name", componentIds: [] }), "name"],
    ["an unpaired surrogate in a name", post("/api/config/bsmcomponent", { name: "Half \uD800", hostTemplateId: 1, hostIds: [], requiredOnline: 0 }), "name"],
    ["a host id beyond int4", post("/api/config/bsmcomponent", { name: "Big host", hostTemplateId: 1, hostIds: [BEYOND_INT4], requiredOnline: 0 }), "hostIds"],
  ];
  for (const [what, answer, field] of cases) {
    const response = await answer;
    expect(response.status(), what).toBe(400);
    expect((await response.json()).fieldErrors, what).toHaveProperty(field);
  }
  const requests: [string, Promise<Awaited<ReturnType<typeof post>>>][] = [
    ["GET component 99999999999", admin.get("/api/config/bsmcomponent/99999999999")],
    ["PUT service 99999999999", admin.put("/api/config/bsmservice/99999999999", { headers: { origin: BASE }, data: { name: "X", componentIds: [] } })],
    ["DELETE component 2147483648", admin.delete(`/api/config/bsmcomponent/${BEYOND_INT4}`, { headers: { origin: BASE } })],
    ["hosts of component 99999999999", admin.get("/api/status/bsmhost?cid=99999999999")],
    ["component view 99999999999", admin.get("/api/views/components/99999999999")],
    ["service view 2147483648", admin.get(`/api/views/services/${BEYOND_INT4}`)],
    ["investigate a host named NUL", admin.get("/api/views/investigate/host/1/%00")],
    ["investigate a host named %FF", admin.get("/api/views/investigate/host/1/%FF")],
    ["investigate service 99999999999", admin.get("/api/views/investigate/service/99999999999")],
  ];
  for (const [what, answer] of requests) {
    const response = await answer;
    expect([400, 404], what).toContain(response.status());
    expect(await response.json(), what).toEqual({ error: expect.any(String) });
  }
});

test("malformed or out-of-range ids and names in page paths are 404 pages, not 500 or 200", async ({ browser }) => {
  const admin = await signedInRequest(browser, E2E_ADMIN);
  for (const pagePath of [
    "/notifications/abc",
    "/notifications/99999999999",
    "/bsm/component/99999999999",
    "/bsm/service/99999999999",
    `/bsm/service/${BEYOND_INT4}`,
    "/bsm/investigate/service/99999999999",
    "/bsm/investigate/%00",
    "/bsm/investigate/host/1/%00",
    "/bsm/investigate/host/1/%FF",
    "/hosts/%FF",
    "/hosts/%00",
    "/hosts/99999999999",
  ]) {
    expect((await admin.get(pagePath)).status(), pagePath).toBe(404);
  }
});

test("admin pages answer 403 with the refusal page to a user who is not an administrator", async ({ browser }) => {
  const viewer = await signedInRequest(browser, DEMO_VIEWER);
  for (const pagePath of ["/admin", "/settings/database", "/configure", "/configure/components", "/configure/services"]) {
    const response = await viewer.get(pagePath);
    expect(response.status(), pagePath).toBe(403);
    expect(await response.text(), pagePath).toContain("Your role does not allow this page.");
  }
});

test("a cross-site or oversized server action is refused with 4xx and does not run; bad ids through an action are field errors", async ({ browser }) => {
  const admin = await signedInRequest(browser, E2E_ADMIN);
  const save = actionId("saveBusinessServiceAction");
  const serviceNames = async () => ((await (await admin.get("/api/config/bsmservice")).json()).list as { name: string }[]).map((service) => service.name);

  const crossSite = await callAction(admin, "/configure/services", save, JSON.stringify([null, { name: "Made cross-site", componentIds: [] }]), "http://evil.example");
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({ error: "cross-site request refused" });

  const oversized = await callAction(admin, "/configure/services", save, JSON.stringify([null, { name: "Made oversized", componentIds: [], padding: "x".repeat(2 * MB) }]));
  expect(oversized.status()).toBe(413);
  expect(await oversized.json()).toEqual({ error: expect.stringContaining("larger than 1 MB") });

  const badIds = await callAction(admin, "/configure/services", save, JSON.stringify([null, { name: "Made with bad ids", componentIds: [BEYOND_INT4] }]));
  expect(badIds.status()).toBe(200);
  expect(await badIds.text()).toContain('"fieldErrors":{"componentIds":"One of the components is not valid"}');

  const names = await serviceNames();
  for (const name of ["Made cross-site", "Made oversized", "Made with bad ids"]) expect(names).not.toContain(name);
  // The same action from this site with good input still works.
  const good = await callAction(admin, "/configure/services", save, JSON.stringify([null, { name: "Made by an action", componentIds: [] }]));
  expect(good.status()).toBe(200);
  expect(await serviceNames()).toContain("Made by an action");
});
