import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

// Investigate over any range (issue 18): presets and a custom from–to kept in the URL, a chart bucketed to fit
// the range, and a clear message for a range that makes no sense.

const expect = baseExpect.configure({ timeout: 30_000 });

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`));
}

test("Investigate: pick 7 days and a custom range, kept in the URL on reload; a bad range says why", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeAttached();
  await expect
    .poll(async () => ((await (await page.request.get("/api/config/bsmservice")).json()).list as unknown[]).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  const services = (await (await page.request.get("/api/config/bsmservice")).json()).list as { id: number; name: string }[];
  const path = `/bsm/investigate/service/${services[0]!.id}`;

  // The default: the last 24 hours from the stored figures, per hour.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Last 24 hours" })).toBeVisible();
  await expect(page.getByTestId("availability-chart")).toBeVisible();
  const picker = page.getByRole("group", { name: "Time range" });
  await expect(picker.getByRole("button", { name: "24 h" })).toHaveAttribute("aria-pressed", "true");

  // 7 days: day buckets, the range in the URL, kept on reload.
  await picker.getByRole("button", { name: "7 d" }).click();
  await expect(page).toHaveURL(/\?range=7d$/);
  const chart = page.getByTestId("range-chart");
  await expect(chart).toHaveAttribute("data-bucket-size", "day");
  await expect.poll(async () => Number(await chart.getAttribute("data-buckets"))).toBeGreaterThanOrEqual(7);
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeAttached();
  await expect(page.getByTestId("range-availability")).toHaveText(/%/);
  await page.screenshot({ path: "e2e/artifacts/history-range-7d.png", fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "e2e/artifacts/history-range-7d-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("range-chart")).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/history-range-7d-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.reload();
  await expect(picker.getByRole("button", { name: "7 d" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("range-chart")).toHaveAttribute("data-bucket-size", "day");

  // A custom range of six hours in the user's zone: hour buckets, from and to in the URL.
  await picker.getByRole("button", { name: "Custom…" }).click();
  const form = page.getByRole("form", { name: "Custom range" });
  const now = Date.now();
  const wall = async (at: number) =>
    page.evaluate((moment) => {
      const local = new Date(moment - new Date(moment).getTimezoneOffset() * 60_000);
      return local.toISOString().slice(0, 16);
    }, at);
  // The e2e browser and the user's default zone are the browser's; the fields are read in it.
  await form.getByLabel("From").fill(await wall(now - 6 * 3_600_000));
  await form.getByLabel("To").fill(await wall(now - 3_600_000));
  await form.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\?from=.+&to=.+/);
  await expect(page.getByRole("heading", { name: "Custom range" })).toBeVisible();
  await expect(page.getByTestId("range-chart")).toHaveAttribute("data-bucket-size", "hour");
  await expect.poll(async () => Number(await page.getByTestId("range-chart").getAttribute("data-buckets"))).toBeGreaterThanOrEqual(5);
  const customUrl = page.url();
  await page.reload();
  expect(page.url()).toBe(customUrl);
  await expect(page.getByTestId("range-chart")).toHaveAttribute("data-bucket-size", "hour");

  // Bad ranges: a clear message, not a crash; the picker stays usable.
  await page.goto(`${path}?from=2026-12-05T10:00:00Z&to=2026-12-05T09:00:00Z`);
  await expect(page.getByTestId("range-error")).toContainText("must end after it starts");
  await page.screenshot({ path: "e2e/artifacts/history-range-bad.png" });
  await page.goto(`${path}?from=2020-01-01T00:00:00Z&to=2026-12-01T00:00:00Z`);
  await expect(page.getByTestId("range-error")).toContainText("longer than 400 days");
  await page.goto(`${path}?range=forever`);
  await expect(page.getByTestId("range-error")).toContainText("is not a range");
  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "30 d" }).click();
  await expect(page).toHaveURL(/\?range=30d$/);
  await expect(page.getByTestId("range-chart")).toHaveAttribute("data-bucket-size", "day");
  const api = await page.request.get(`/api/views/investigate/service/${services[0]!.id}?history=1&from=yesterday&to=today`);
  expect(api.status()).toBe(400);
});
