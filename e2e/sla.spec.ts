import { readFile } from "node:fs/promises";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN, E2E_PORT } from "./settings";

// SLA (docs/sla.md): a target set in Configure shows an SLA panel on the Service view; an excluded period
// is listed there and shrinks the error budget; the SLA report lists the service, sorts, and its CSV
// download holds the same rows.

const expect = baseExpect.configure({ timeout: 20_000 });
const BASE = `http://localhost:${E2E_PORT}`;
const SERVICE = `SLA e2e ${Date.now()}`;

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ timezoneId: "UTC", acceptDownloads: true })).newPage();
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeAttached();
  return page;
}

const wall = (at: number) => new Date(at).toISOString().slice(0, 16);
let serviceId = 0;

test("a target set in Configure (bad input refused on its field) shows the SLA panel on the Service view", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signedIn(browser);
  await expect
    .poll(async () => ((await (await admin.request.get("/api/config/bsmcomponent")).json()).list as unknown[]).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  const components = (await (await admin.request.get("/api/config/bsmcomponent")).json()).list as { id: number }[];
  const created = await admin.request.post("/api/config/bsmservice", { data: { name: SERVICE, componentIds: [components[0]!.id] }, headers: { origin: BASE } });
  expect(created.status()).toBe(201);
  serviceId = ((await created.json()) as { id: number }).id;

  await admin.goto(`/bsm/service/${serviceId}`);
  await expect(admin.getByTestId("sla-panel")).toBeVisible();
  await expect(admin.getByTestId("sla-achieved")).toHaveCount(0);

  await admin.goto(`/configure/services?id=${serviceId}`);
  const form = admin.getByTestId("sla-target-form");
  await form.getByLabel("Target (%)").fill("100");
  await form.getByLabel("Time zone of the calendar").fill("UTC");
  await form.getByRole("button", { name: "Save SLA target" }).click();
  await expect(form.locator('[data-field-error="targetPercent"]')).toContainText("below 100");
  await form.getByLabel("Target (%)").fill("99.9");
  await form.getByRole("button", { name: "Save SLA target" }).click();
  await expect(form.getByRole("status")).toContainText("SLA target 99.9 % saved");
  await expect(form.getByRole("button", { name: "Remove SLA target" })).toBeVisible();

  await admin.goto(`/bsm/service/${serviceId}`);
  const panel = admin.getByTestId("sla-panel");
  await expect(panel).toContainText("SLA: 99.9 % per calendar month");
  await expect(panel.getByTestId("sla-achieved")).toHaveText(/%$/);
  await expect(panel.getByTestId("sla-projected")).toHaveText(/%$/);
});

test("an excluded period is listed and shrinks the error budget", async ({ browser }) => {
  const admin = await signedIn(browser);
  await admin.goto(`/bsm/service/${serviceId}`);
  const panel = admin.getByTestId("sla-panel");
  const budgetBefore = await panel.getByTestId("sla-budget").textContent();
  const now = Date.now();
  const monthStart = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  const section = panel.getByTestId("excluded-periods");
  await section.getByLabel("From", { exact: true }).fill(wall(Math.max(monthStart, now - 3 * 86_400_000)));
  await section.getByLabel("To", { exact: true }).fill(wall(now + 2 * 86_400_000));
  await section.getByLabel("Reason", { exact: true }).fill("Monitoring fault during the e2e run");
  await section.getByRole("button", { name: "Exclude period" }).click();
  await expect(section.getByTestId("excluded-period")).toContainText("Monitoring fault during the e2e run");
  await expect(panel.getByTestId("sla-budget")).not.toHaveText(budgetBefore ?? "");

  await section.getByLabel("Reason", { exact: true }).fill("Backwards");
  await section.getByLabel("From", { exact: true }).fill(wall(now));
  await section.getByLabel("To", { exact: true }).fill(wall(now - 3_600_000));
  await section.getByRole("button", { name: "Exclude period" }).click();
  await expect(section.locator('[data-field-error="to"]')).toContainText("after the start");
  await panel.screenshot({ path: "test-results/sla-panel.png" });
});

test("the SLA report lists the service, sorts, and downloads the same rows as CSV", async ({ browser }) => {
  const admin = await signedIn(browser);
  await admin.goto("/bsm/sla");
  const report = admin.getByTestId("sla-report");
  const row = report.getByTestId("sla-row").filter({ hasText: SERVICE });
  await expect(row).toContainText("99.90 %");
  await expect(admin.getByRole("link", { name: "This month" })).toHaveAttribute("aria-current", "page");

  const achieved = report.getByRole("columnheader", { name: /Achieved/ });
  await achieved.getByRole("button").click();
  await expect(achieved).toHaveAttribute("aria-sort", "descending");
  const shown = await report.getByTestId("sla-row").count();
  const achievedColumn = (await report.locator('[data-testid="sla-row"] td:nth-child(3)').allTextContents()).map((text) => Number.parseFloat(text));
  expect(shown).toBeGreaterThan(1);
  expect(achievedColumn).toEqual([...achievedColumn].sort((a, b) => b - a));

  const [download] = await Promise.all([admin.waitForEvent("download"), report.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
  expect(csv[0]).toMatch(/^service,target_percent,count_downtime,achieved_percent,/);
  expect(csv).toHaveLength(shown + 1);
  expect(csv.find((line) => line.startsWith(`${SERVICE},`))).toMatch(new RegExp(`^${SERVICE},99\\.9,false,`));

  await admin.getByRole("link", { name: "Last quarter" }).click();
  await expect(admin).toHaveURL(/period=quarter&offset=-1/);
  await expect(admin.getByTestId("sla-period")).toContainText(/^Q\d \d{4}/);

  // Dark, on a phone: the table scrolls in its own box, the page does not.
  await admin.emulateMedia({ colorScheme: "dark" });
  await admin.setViewportSize({ width: 390, height: 800 });
  await admin.goto("/bsm/sla");
  await expect(report.getByTestId("sla-row").first()).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.screenshot({ path: "test-results/sla-report-phone-dark.png", fullPage: true });
});
