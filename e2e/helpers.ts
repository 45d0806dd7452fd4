import { expect, type Page } from "@playwright/test";

/** Signs in on the shared e2e server, or on the server at `base` (a spec's own server). */
export async function signIn(page: Page, credentials: { email: string; password: string }, base = "") {
  await page.goto(`${base}/signin`);
  // Wait for hydration: a sign-in posted before it loses its CSRF token.
  await expect(page.locator("form[data-hydrated=true]")).toBeVisible();
  await page.getByLabel("E-mail").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Sets the connector's reflection mode on Settings → Database settings (administrators); the label starts with the mode's name. */
export async function setReflectionMode(page: Page, mode: "Manual" | "Semi-Automatic" | "Automatic") {
  await page.goto("/settings/database");
  const section = page.getByTestId("reflection-mode");
  await section.getByLabel(new RegExp(`^${mode}`)).check();
  await section.getByRole("button", { name: "Save reflection mode" }).click();
  await expect(section.getByRole("status")).toContainText(mode);
}
