import { expect, test } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN, E2E_DATA_DIR } from "./settings";
import { signIn } from "./helpers";

test("a signed-out visitor is sent to sign-in, from any page", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await expect(page.getByRole("heading", { name: "BSM Dashboard" })).toBeVisible();
});

test("the admin signs in, sees the dashboard with real counts, and signs out", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText(E2E_ADMIN.email);
  await expect(page.getByText("signed in as an administrator")).toBeVisible();
  // The count is the database's: it matches the users the admin page lists (other specs add users).
  const usersOnDashboard = Number(await page.getByTestId("count-Users").textContent());
  expect(usersOnDashboard).toBeGreaterThanOrEqual(2);
  for (const item of ["Summary", "Overview", "Hosts", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: item })).toBeVisible();
  }
  await page.screenshot({ path: "e2e/artifacts/dashboard.png", fullPage: true });

  await page.goto("/admin");
  await expect(page.getByTestId("user-row")).toHaveCount(usersOnDashboard);

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("database-target")).toHaveText(`Embedded PGlite in ${E2E_DATA_DIR}`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});

test("the demo viewer signs in as a viewer and lands on the page it asked for", async ({ page }) => {
  await page.goto("/overview");
  await expect(page).toHaveURL(/callbackUrl=%2Foverview/);
  await expect(page.locator("form[data-hydrated=true]")).toBeVisible();
  await page.getByLabel("E-mail").fill(DEMO_VIEWER.email);
  await page.getByLabel("Password").fill(DEMO_VIEWER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email);
});

test("a wrong password shows an error and no session", async ({ page }) => {
  await signIn(page, { email: E2E_ADMIN.email, password: "not-the-password" });
  await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong e-mail or password.");
  await page.screenshot({ path: "e2e/artifacts/sign-in-error.png" });
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin/);
});
