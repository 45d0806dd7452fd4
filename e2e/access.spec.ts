import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN, E2E_PORT, E2E_SECRET } from "./settings";
import { signIn } from "./helpers";

// A second seeded user whose role differs from the demo viewer's (who sees everything): only the
// EU region (keyword "eu", bottom up), configures components and the services it creates.
const EU_USER = { email: "eu-configurer@bsm.local", password: "eu-configurer-password", name: "EU configurer" } as const;
const BASE = `http://localhost:${E2E_PORT}`;

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  // Sign-in hashes the password (scrypt); on a busy machine that takes a while.
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page;
}

async function totalRows(request: APIRequestContext, apiPath: string, headers?: Record<string, string>): Promise<number> {
  const response = await request.get(apiPath, { headers });
  expect(response.status()).toBe(200);
  return (await response.json()).summary.totalrows;
}

test("an administrator creates a role and a user with it in the admin screen", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const roleEditor = page.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill("EU configurer");
  await roleEditor.getByLabel("Grant permissions to Business Services").check();
  await roleEditor.getByRole("checkbox", { name: /^CONFIGUREBSM / }).check();
  await roleEditor.getByRole("checkbox", { name: /^CONFIGUREBSMCOMPONENTS / }).check();
  await roleEditor.getByLabel("Keywords").fill("eu");
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByTestId("role-list").getByRole("link", { name: /EU configurer/ })).toBeVisible();

  const newUser = page.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(EU_USER.email);
  await newUser.getByLabel("Name").fill(EU_USER.name);
  await newUser.getByLabel("Password").fill(EU_USER.password);
  await newUser.getByLabel("Role").selectOption({ label: "EU configurer" });
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: EU_USER.email })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/admin.png", fullPage: true });
});

test("the two users see different services, components and hosts, in the UI and the API", async ({ browser }) => {
  const viewer = await signedIn(browser, DEMO_VIEWER);
  const eu = await signedIn(browser, EU_USER);
  for (const apiPath of ["/api/status/bsmservice", "/api/status/bsmcomponent", "/api/config/bsmcomponent"]) {
    const everything = apiPath.startsWith("/api/config") ? (await (await viewer.request.get(apiPath)).json()).list.length : await totalRows(viewer.request, apiPath);
    const euOnly = apiPath.startsWith("/api/config") ? (await (await eu.request.get(apiPath)).json()).list.length : await totalRows(eu.request, apiPath);
    expect(euOnly, apiPath).toBeGreaterThan(0);
    expect(euOnly, apiPath).toBeLessThan(everything);
  }
  const euComponents = (await (await eu.request.get("/api/status/bsmcomponent?rows=1000")).json()).list as { name: string; id: string }[];
  expect(euComponents.every((component) => / EU$/.test(component.name))).toBe(true);
  const allComponents = (await (await viewer.request.get("/api/status/bsmcomponent?rows=1000")).json()).list as { name: string; id: string }[];
  const hidden = allComponents.find((component) => !euComponents.some((visible) => visible.id === component.id))!;
  expect((await viewer.request.get(`/api/status/bsmhost?cid=${hidden.id}`)).status()).toBe(200);
  const refused = await eu.request.get(`/api/status/bsmhost?cid=${hidden.id}`);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ error: `no component with id ${hidden.id}` });

  // The configuration screens show each only what they may use.
  await eu.goto("/configure/components");
  await expect(eu.getByTestId("component-list").getByRole("link")).toHaveCount(euComponents.length);
  await eu.getByLabel("Host template").selectOption({ label: "Web" });
  const hostNames = await eu.locator("#component-hosts option").allTextContents();
  expect(hostNames.length).toBeGreaterThan(0);
  expect(hostNames.every((name) => name.includes("-eu-"))).toBe(true);
  await eu.screenshot({ path: "e2e/artifacts/configure-eu.png", fullPage: true });
  const nav = viewer.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Summary" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Configure" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("a service the EU configurer may edit lists components it cannot see as Unavailable, and once removed they cannot come back", async ({ browser }) => {
  const admin = await signedIn(browser, E2E_ADMIN);
  const eu = await signedIn(browser, EU_USER);
  const everything = (await (await admin.request.get("/api/status/bsmservice?rows=1000")).json()).list as { name: string }[];
  const euVisible = new Set(((await (await eu.request.get("/api/status/bsmservice?rows=1000")).json()).list as { name: string }[]).map((service) => service.name));
  const foreign = everything.find((service) => !euVisible.has(service.name))!.name;

  await admin.goto("/admin");
  await admin.getByTestId("role-list").getByRole("link", { name: /EU configurer/ }).click();
  const roleEditor = admin.getByRole("region", { name: "Role editor" });
  await expect(roleEditor.getByRole("heading", { name: "Edit role EU configurer" })).toBeVisible();
  await roleEditor.getByLabel(`Can edit ${foreign}`).check();
  await roleEditor.getByRole("button", { name: "Save role" }).click();
  await expect(roleEditor.getByRole("status")).toHaveText("Role saved.");

  await eu.goto("/configure/services");
  await eu.getByTestId("service-list").getByRole("link", { name: foreign }).click();
  const editor = eu.getByRole("region", { name: "Business service editor" });
  await expect(editor.getByRole("heading", { name: `Edit ${foreign}` })).toBeVisible();
  const rows = eu.getByTestId("selected-component");
  const first = rows.first();
  await expect(first).toContainText("Unavailable");
  const hiddenName = (await first.locator("td").nth(1).textContent())!.trim();
  await eu.screenshot({ path: "e2e/artifacts/configure-unavailable.png", fullPage: true });
  await editor.getByRole("button", { name: `Remove ${hiddenName}` }).click();
  await expect(eu.getByTestId("components-drawer")).not.toContainText(hiddenName);
});

test("denied paths are refused: direct URL, forged server action, API without rights or with another user's token", async ({ browser }) => {
  const viewer = await signedIn(browser, DEMO_VIEWER);
  for (const url of ["/configure/components", "/configure/services", "/admin"]) {
    expect((await viewer.goto(url))?.status(), url).toBe(403);
    await expect(viewer.getByTestId("access-refused")).toBeVisible();
    await expect(viewer.getByRole("region", { name: /editor/ })).toHaveCount(0);
  }

  // A forged server action: the admin's real "save component" call, replayed with the viewer's session.
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/configure/components");
  const editor = admin.getByRole("region", { name: "Component editor" });
  await editor.getByLabel("Name").fill("Forgery target");
  await editor.getByLabel("Host template").selectOption({ label: "Queue" });
  await editor.getByLabel(/^Hosts/).selectOption({ label: "mq-eu-01" });
  const [actionRequest] = await Promise.all([
    admin.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined),
    editor.getByRole("button", { name: "Create component" }).click(),
  ]);
  await expect(admin).toHaveURL(/\?id=\d+$/);
  const forgedBody = actionRequest.postData()!.replace("Forgery target", "Forged by the viewer");
  const forged = await viewer.request.post(actionRequest.url(), {
    headers: {
      "next-action": actionRequest.headers()["next-action"],
      "content-type": actionRequest.headers()["content-type"],
      accept: "text/x-component",
      origin: BASE,
    },
    data: forgedBody,
  });
  expect(await forged.text()).toContain("This needs the CONFIGUREBSMCOMPONENTS permission");
  const names = ((await (await admin.request.get("/api/config/bsmcomponent")).json()).list as { name: string }[]).map((component) => component.name);
  expect(names).toContain("Forgery target");
  expect(names).not.toContain("Forged by the viewer");

  // The API: signed out, a bad token, a viewer without the permission, a cross-site cookie request.
  const anonymous = await (await browser.newContext()).request;
  const signedOut = await anonymous.get(`${BASE}/api/status/bsmservice`);
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toEqual({ error: expect.stringContaining("sign in") });
  expect((await anonymous.get(`${BASE}/api/status/bsmservice`, { headers: { authorization: "Bearer bsm_not-a-real-token" } })).status()).toBe(401);
  const crossSite = await viewer.request.post("/api/config/bsmservice", { data: { name: "X", componentIds: [] }, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toEqual({ error: "cross-site request refused" });
  const viewerCreate = await viewer.request.post("/api/config/bsmservice", { data: { name: "X", componentIds: [] }, headers: { origin: BASE } });
  expect(viewerCreate.status()).toBe(403);
  expect(await viewerCreate.json()).toEqual({ error: "This needs the CONFIGUREBSM permission" });
  const badInput = await admin.request.post("/api/config/bsmcomponent", { data: { name: "", hostTemplateId: 1, hostIds: [], requiredOnline: 0 }, headers: { origin: BASE } });
  expect(badInput.status()).toBe(400);
  expect(await badInput.json()).toEqual({ error: "invalid input", fieldErrors: { name: "Enter a name", hostIds: "Choose at least one host" } });

  // Tokens: the EU configurer's token acts as the EU configurer only; revoked, it stops working.
  const eu = await signedIn(browser, EU_USER);
  await eu.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
  await eu.getByLabel("Token name").fill("e2e script");
  await eu.getByRole("button", { name: "Create token" }).click();
  const token = (await eu.getByTestId("new-api-token").textContent())!.trim();
  expect(token).toMatch(/^bsm_/);
  const bearer = { authorization: `Bearer ${token}` };
  const everything = await totalRows(anonymous, `${BASE}/api/status/bsmcomponent`, { authorization: `Bearer ${token}` });
  expect(everything).toBe(await totalRows(eu.request, "/api/status/bsmcomponent"));
  expect(everything).toBeLessThan(await totalRows(viewer.request, "/api/status/bsmcomponent"));
  const allServices = (await (await viewer.request.get("/api/config/bsmservice")).json()).list as { id: number; name: string }[];
  const euEditable = new Set(((await (await eu.request.get("/api/config/bsmservice")).json()).list as { id: number; canEdit: boolean }[]).filter((service) => service.canEdit).map((service) => service.id));
  const target = allServices.find((service) => !euEditable.has(service.id))!;
  const notEditable = await anonymous.put(`${BASE}/api/config/bsmservice/${target.id}`, { headers: bearer, data: { name: "Taken over", componentIds: [] } });
  expect([403, 404]).toContain(notEditable.status());
  // A token request needs no Origin: it carries no ambient credentials.
  const created = await anonymous.post(`${BASE}/api/config/bsmservice`, { headers: bearer, data: { name: "EU via token", componentIds: [] } });
  expect(created.status()).toBe(201);
  await eu.getByRole("button", { name: "Delete" }).click();
  await eu.getByRole("button", { name: "Yes, delete" }).click();
  await expect(eu.getByTestId("api-token-list")).toContainText("No tokens.");
  expect((await anonymous.get(`${BASE}/api/status/bsmservice`, { headers: bearer })).status()).toBe(401);
});

test("the OpenAPI document is served, and no secret used here reaches the client bundles", async ({ request }) => {
  const document = await (await request.get("/api/openapi.json")).json();
  expect(Object.keys(document.paths)).toContain("/api/status/bsmhost");

  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(distDir, "static"));
  expect(files.length).toBeGreaterThan(0);
  for (const secret of [E2E_SECRET, E2E_ADMIN.password, EU_USER.password]) {
    const leaking = files.filter((file) => readFileSync(file, "utf8").includes(secret));
    expect(leaking, `files containing a secret`).toEqual([]);
  }
});

test("wrong passwords make this client wait longer and longer for the account, even with the right one; other accounts are not slowed", async ({ page }) => {
  // Three wrong passwords are free; each further one makes this client wait 1 s, 2 s, 4 s, 8 s … for this account.
  const error = page.getByTestId("sign-in-error");
  let failures = 0;
  for (let attempt = 0; failures < 7 && attempt < 40; attempt++) {
    await signIn(page, { email: EU_USER.email, password: `wrong-password-${attempt}` });
    await expect(error).toHaveText(/^(Wrong e-mail or password\.|Too many failed sign-ins)/, { timeout: 20_000 });
    if ((await error.textContent()) === "Wrong e-mail or password.") failures++;
    else await page.waitForTimeout(1_000);
  }
  expect(failures).toBe(7);
  // The seventh wrong password makes this client wait 8 s for the account: the right one is refused now.
  await signIn(page, EU_USER);
  await expect(error).toHaveText(/^Too many failed sign-ins/, { timeout: 20_000 });
  await expect(page).toHaveURL(/\/signin/);
  // Other accounts are not slowed by it.
  await signIn(page, DEMO_VIEWER);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
});
