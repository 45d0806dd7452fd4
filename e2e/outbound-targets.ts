import { expect, type Browser } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

/** As the administrator, adds `entry` to Settings → Outbound targets → Allowed targets (kept when present). */
export async function allowOutboundTarget(browser: Browser, entry: string): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, E2E_ADMIN);
    await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
    await page.goto("/settings/outbound");
    const allowed = page.getByLabel("Allowed targets");
    const entries = (await allowed.inputValue()).split(/\s+/).filter(Boolean);
    if (entries.includes(entry)) return;
    await allowed.fill([...entries, entry].join("\n"));
    await page.getByRole("button", { name: "Save outbound targets" }).click();
    await expect(page.getByTestId("outbound-policy-outcome")).toHaveText(/^Saved/, { timeout: 20_000 });
  } finally {
    await context.close();
  }
}
