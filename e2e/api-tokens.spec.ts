import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { DEMO_VIEWER } from "./settings";

// The browser in UTC: a date-only expiry is the end of that day in UTC, and Account writes times in the browser's zone.
test.use({ timezoneId: "UTC" });

// The list as the user sees it: for a moment after a load, the streamed page also holds a hidden
// copy of its content (React's reveal of the loading boundary), which a bare test id would match too.
const tokenList = (page: Page) => page.getByRole("region", { name: "API tokens" }).getByTestId("api-token-list");

const READ_ONLY_REFUSAL = "This API token is read-only: it may not create, change or delete anything";

async function createTokenOnAccount(page: Page, name: string, scope: "Full (read and change)" | "Read-only", expires = ""): Promise<string> {
  await page.goto("/account");
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Scope").selectOption({ label: scope });
  if (expires) await page.getByLabel("Expires (optional)").fill(expires);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Token “${name}” created` })).toBeVisible({ timeout: 20_000 });
  return (await page.getByTestId("new-api-token").textContent())!.trim();
}

test("a read-only token made on Account reads but is refused changes; tokens are created and revoked through the API", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = randomBytes(4).toString("hex");
  await signIn(page, DEMO_VIEWER);
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email, { timeout: 20_000 });

  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
  const readOnly = await createTokenOnAccount(page, `read ${suffix}`, "Read-only", nextYear);
  const row = tokenList(page).getByRole("row").filter({ hasText: `read ${suffix}` });
  await expect(row).toContainText("read-only");
  await expect(row).toContainText(nextYear);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  expect((await page.request.get("/api/status/bsmservice", { headers: bearer(readOnly) })).status()).toBe(200);
  for (const refused of [
    page.request.post("/api/config/bsmservice", { headers: bearer(readOnly), data: { name: "Not made", componentIds: [] } }),
    page.request.post("/api/tokens", { headers: bearer(readOnly), data: { name: "wider" } }),
  ]) {
    const response = await refused;
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: READ_ONLY_REFUSAL });
  }

  // Automation: a full token creates a shorter-lived read-only token, lists it, uses it and revokes it.
  const full = await createTokenOnAccount(page, `automation ${suffix}`, "Full (read and change)", nextYear);
  const tooLong = await page.request.post("/api/tokens", { headers: bearer(full), data: { name: "longer", expiresAt: `${new Date().getUTCFullYear() + 2}-01-01` } });
  expect(tooLong.status()).toBe(400);
  const created = await page.request.post("/api/tokens", { headers: bearer(full), data: { name: `made by API ${suffix}`, scope: "read-only" } });
  expect(created.status()).toBe(201);
  const made = (await created.json()) as { id: number; token: string; scope: string; expiresAt: string };
  expect(made).toMatchObject({ scope: "read-only", expiresAt: `${nextYear}T23:59:59.999Z` });
  const listed = (await (await page.request.get("/api/tokens", { headers: bearer(full) })).json()) as { list: { id: number; name: string }[] };
  expect(listed.list.find((token) => token.id === made.id)?.name).toBe(`made by API ${suffix}`);
  expect(JSON.stringify(listed)).not.toContain(made.token);
  expect((await page.request.get("/api/status/bsmcomponent", { headers: bearer(made.token) })).status()).toBe(200);

  expect((await page.request.delete(`/api/tokens/${made.id}`, { headers: bearer(full) })).status()).toBe(204);
  expect((await page.request.get("/api/status/bsmcomponent", { headers: bearer(made.token) })).status()).toBe(401);
  expect((await page.request.delete(`/api/tokens/${made.id}`, { headers: bearer(full) })).status()).toBe(404);

  // The Account page lists what the API made and revoked.
  await page.goto("/account");
  await expect(tokenList(page)).toContainText(`automation ${suffix}`);
  await expect(tokenList(page)).not.toContainText(`made by API ${suffix}`);
});
