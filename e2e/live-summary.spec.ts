import { expect, test } from "@playwright/test";
import { DEMO_VIEWER } from "./settings";
import { signIn } from "./helpers";

test("the Summary shows simulated data, labelled as such, changing live without a reload", async ({ page }) => {
  test.setTimeout(200_000);
  await signIn(page, DEMO_VIEWER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Summary" }).click();
  await expect(page.getByRole("heading", { name: "BSM Summary" })).toBeVisible();
  await expect(page.getByTestId("source-banner")).toContainText("Simulated data.");
  const rows = page.getByTestId("service-list").locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/summary.png", fullPage: true });

  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  // Without the ticking "for 12 s": only a live change counts.
  const snapshot = () =>
    rows.evaluateAll((cells) =>
      cells
        .map((row) => {
          const copy = row.cloneNode(true) as Element;
          copy.querySelectorAll('[data-testid="state-since"]').forEach((ticking) => ticking.remove());
          return copy.textContent;
        })
        .join("\n"),
    );
  // The busy shared estate can hold every service's state for minutes (e2e/views.spec.ts); the
  // rows' availability is refreshed and fetched once a minute, so some row changes within two minutes.
  const before = await snapshot();
  await expect.poll(snapshot, { timeout: 150_000, intervals: [500] }).not.toBe(before);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
