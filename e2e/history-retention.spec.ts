import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { DEMO_VIEWER, E2E_ADMIN } from "./settings";

// Settings → History: the administrator sets how long history is kept; a bad value is named under the
// field; a viewer has no tab and the page answers 403.

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page;
}

test.setTimeout(120_000);

test("an administrator changes the history retention; a bad value gets a field error; a viewer cannot reach it", async ({ browser }) => {
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/settings");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "History" }).click();
  await expect(admin.getByRole("heading", { name: "History" })).toBeVisible();
  const days = admin.getByLabel("Keep history for (days)");
  const before = await days.inputValue();
  await expect(admin.getByTestId("history-progress")).toContainText("Rolled up to");
  await expect(admin.getByTestId("history-progress")).toContainText("Last pruned");

  await days.fill("0");
  await admin.getByRole("button", { name: "Save retention" }).click();
  await expect(admin.locator('[data-field-error="retentionDays"]')).toHaveText("Whole days from 1 to 3650", { timeout: 20_000 });
  await expect(days).toHaveAttribute("aria-invalid", "true");

  await days.fill("731");
  await admin.getByRole("button", { name: "Save retention" }).click();
  await expect(admin.getByTestId("history-retention-outcome")).toHaveText(/^Saved/, { timeout: 20_000 });
  await admin.reload();
  await expect(admin.getByLabel("Keep history for (days)")).toHaveValue("731");
  await admin.screenshot({ path: "e2e/artifacts/history-retention.png", fullPage: true });

  // Back as it was, for the other specs.
  await admin.getByLabel("Keep history for (days)").fill(before);
  await admin.getByRole("button", { name: "Save retention" }).click();
  await expect(admin.getByTestId("history-retention-outcome")).toHaveText(/^Saved/, { timeout: 20_000 });

  const viewer = await signedIn(browser, DEMO_VIEWER);
  await viewer.goto("/settings");
  await expect(viewer.getByRole("navigation", { name: "Settings" })).toBeVisible();
  await expect(viewer.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "History" })).toHaveCount(0);
  expect((await viewer.goto("/settings/history"))?.status()).toBe(403);
  await expect(viewer.getByLabel("Keep history for (days)")).toHaveCount(0);
});
