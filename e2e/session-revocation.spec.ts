import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./settings";
import { signIn } from "./helpers";

const BASE = `http://localhost:${E2E_PORT}`;

/** A fresh administrator per test, created in the admin screen, so no test ends another's sessions. */
async function createAdministrator(browser: Browser, label: string) {
  const credentials = { email: `${label}-${Date.now()}@bsm.local`, password: `${label}-password-1` };
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  await page.goto("/admin");
  const newUser = page.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(credentials.email);
  await newUser.getByLabel("Name").fill(label);
  await newUser.getByLabel("Password").fill(credentials.password);
  await newUser.getByLabel("Administrator").check();
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: credentials.email })).toBeVisible();
  await context.close();
  return credentials;
}

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page;
}

test("a session cookie captured before sign-out is refused afterwards, by pages and the API", async ({ browser }) => {
  const user = await createAdministrator(browser, "signout");
  const page = await signedIn(browser, user);
  const captured = await page.context().cookies();
  expect((await page.request.get("/api/status/bsmservice")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  const replay = await browser.newContext();
  await replay.addCookies(captured);
  const replayPage = await replay.newPage();
  await replayPage.goto("/");
  await expect(replayPage).toHaveURL(/\/signin/);
  const api = await replay.request.get("/api/status/bsmservice");
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: expect.any(String) });
});

test("changing one's password on Account ends the session in another browser, not this one", async ({ browser }) => {
  const user = await createAdministrator(browser, "pwchange");
  const here = await signedIn(browser, user);
  const elsewhere = await signedIn(browser, user);

  await here.goto("/account");
  const form = here.getByRole("region", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill("a-new-password-2");
  await form.getByLabel("New password again").fill("a-new-password-2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("is not your current password")).toBeVisible();

  await form.getByLabel("Current password").fill(user.password);
  await form.getByLabel("New password again").fill("a-new-password-3");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("does not match the new password")).toBeVisible();

  await form.getByLabel("New password again").fill("a-new-password-2");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toHaveText(/Password changed/);

  await here.goto("/");
  await expect(here.getByTestId("signed-in-user")).toContainText(user.email);
  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/signin/);
  expect((await elsewhere.request.get("/api/status/bsmservice")).status()).toBe(401);

  await signIn(elsewhere, { email: user.email, password: "a-new-password-2" });
  await expect(elsewhere.getByTestId("signed-in-user")).toContainText(user.email, { timeout: 20_000 });
});

test("an administrator's password reset ends the user's sessions", async ({ browser }) => {
  const user = await createAdministrator(browser, "pwreset");
  const victim = await signedIn(browser, user);
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/admin");
  const row = admin.getByTestId("user-row").filter({ hasText: user.email });
  await row.getByLabel(`New password for ${user.email}`).fill("short");
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByText("must be at least 8 characters")).toBeVisible();
  await row.getByLabel(`New password for ${user.email}`).fill("reset-by-admin-1");
  await row.getByRole("button", { name: "Reset password" }).click();
  await expect(row.getByRole("status")).toHaveText(/Password reset/);

  await victim.goto("/");
  await expect(victim).toHaveURL(/\/signin/);
  await signIn(victim, { email: user.email, password: "reset-by-admin-1" });
  await expect(victim.getByTestId("signed-in-user")).toContainText(user.email, { timeout: 20_000 });
});

test("an event stream opened with an API token closes soon after the token is revoked", async ({ browser }) => {
  const user = await createAdministrator(browser, "stream");
  const page = await signedIn(browser, user);
  await page.goto("/account");
  await page.getByLabel("Token name").fill("stream token");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();

  const response = await fetch(`${BASE}/api/events`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  expect(decoder.decode((await reader.read()).value)).toContain(": connected");

  await page.getByTestId("api-token-list").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page.getByText("Token revoked.")).toBeVisible();

  // The stream ends by itself (the test's timeout is the bound); events may arrive before it does.
  let ended = false;
  while (!ended) ended = (await reader.read()).done;
  expect(ended).toBe(true);
  expect((await fetch(`${BASE}/api/events`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
});
