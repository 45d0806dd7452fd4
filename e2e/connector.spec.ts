import { expect, test, type Page } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN } from "./settings";
import { setReflectionMode, signIn as submitSignIn } from "./helpers";

async function signIn(page: Page, credentials: { email: string; password: string }) {
  await submitSignIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toContainText(credentials.email, { timeout: 30_000 });
}

// One server for the whole file: the tests run in order and each works on its own host type.
test.describe.configure({ mode: "serial" });

const MODES = [
  { mode: "Manual", prefix: "lb-" },
  { mode: "Semi-Automatic", prefix: "cache-" },
  { mode: "Automatic", prefix: "db-" },
] as const;

async function searchOverview(page: Page, text: string) {
  await page.goto(`/overview?q=${encodeURIComponent(text)}&sort=host&dir=asc`);
  await expect(page.getByTestId("overview-table")).toBeVisible({ timeout: 30_000 });
}

const overviewRow = (page: Page, host: string) => page.locator(`[data-testid=overview-table] tr[data-host="${host}"]`);

for (const { mode, prefix } of MODES) {
  test(`in ${mode} mode a host element is made and removed from the Overview page`, async ({ page }) => {
    await signIn(page, E2E_ADMIN);
    await setReflectionMode(page, mode);
    await searchOverview(page, prefix);
    await expect(page.getByTestId("reflection-mode-label")).toHaveText(mode);
    const host = (await page.locator("[data-testid=overview-table] tbody tr").first().getAttribute("data-host"))!;
    const row = overviewRow(page, host);
    const toggle = row.getByRole("switch", { name: `Export ${host}` });
    const reflect = row.getByRole("button", { name: `Reflect ${host}` });
    await expect(row).toContainText("Ok");
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(reflect).toBeDisabled();

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    await expect(reflect).toBeEnabled();
    await page.screenshot({ path: `e2e/artifacts/connector-overview-pending-${prefix}mode.png`, fullPage: true });
    await reflect.click();
    await expect(reflect).toBeDisabled();
    await expect(row.getByRole("link", { name: "Element" })).toBeVisible();
    await expect(row.getByRole("status")).toContainText("1 element(s) created");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Hosts" }).click();
    await expect(page.locator(`[data-testid=host-elements-table] tr[data-host="${host}"]`)).toBeVisible();

    await searchOverview(page, prefix);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await expect(reflect).toBeEnabled();
    await reflect.click();
    await expect(reflect).toBeDisabled();
    await expect(row.getByRole("link", { name: "Element" })).toHaveCount(0);
    await page.goto(`/hosts?q=${encodeURIComponent(host)}`);
    await expect(page.getByText(`No host element you may see matches “${host}”.`)).toBeVisible();
  });
}

test("Reflect All makes the elements of many hosts, and an export setting turned OFF lets it remove them", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await searchOverview(page, "web-");
  const hosts = await page.locator("[data-testid=overview-table] tbody tr").evaluateAll((rows) => rows.slice(0, 8).map((row) => row.getAttribute("data-host")!));
  expect(hosts.length).toBe(8);
  for (const host of hosts) {
    const toggle = overviewRow(page, host).getByRole("switch", { name: `Export ${host}` });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
  }
  await expect(page.getByTestId("pending-total")).toHaveText("8 pending");
  await page.getByRole("button", { name: "Reflect All" }).click();
  await expect(page.getByTestId("pending-total")).toHaveText("0 pending");
  await expect(page.getByText("8 element(s) created, 0 deleted.")).toBeVisible();
  for (const host of hosts) await expect(overviewRow(page, host).getByRole("link", { name: "Element" })).toBeVisible();
  await page.screenshot({ path: "e2e/artifacts/connector-overview-reflected.png", fullPage: true });

  await page.goto("/hosts?q=web-");
  await expect(page.getByTestId("table-count")).toContainText("8 host elements");
  await page.screenshot({ path: "e2e/artifacts/connector-hosts.png", fullPage: true });

  // The host element page: checks with states and output, components, business services, history.
  await page.getByRole("link", { name: hosts[0], exact: true }).click();
  await expect(page.getByRole("heading", { name: hosts[0] })).toBeVisible();
  await expect(page.getByTestId("host-checks").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("host-checks")).toContainText("HTTP");
  await expect(page.getByTestId("host-components").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("host-services").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("reflect-history")).toContainText("Host element created for Web");
  await expect(page.getByTestId("reflect-history")).toContainText("Export turned on");
  await page.screenshot({ path: "e2e/artifacts/connector-host-element.png", fullPage: true });

  // Export settings: Web OFF makes every Web element pending; Reflect All removes them.
  await page.goto("/settings/export");
  const webRow = page.locator('[data-testid=export-settings-table] tr[data-host-type="Web"]');
  await webRow.getByRole("button", { name: "OFF" }).click();
  await expect(webRow.getByRole("status")).toContainText("Web is now OFF; 8 host(s) wait for Reflect.");
  await expect(webRow.getByRole("button", { name: "OFF" })).toHaveAttribute("aria-pressed", "true");
  const queueRow = page.locator('[data-testid=export-settings-table] tr[data-host-type="Queue"]');
  // Every template the simulated source reports is listed; only an administrator may set or undo NA.
  await expect(queueRow.getByRole("button", { name: "NA" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator('[data-testid=export-settings-table] tr[data-host-type="Base OS"]').getByRole("button", { name: "ON" })).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: "e2e/artifacts/connector-export-settings.png", fullPage: true });

  await searchOverview(page, "web-");
  await expect(page.getByTestId("pending-total")).toHaveText("8 pending");
  await expect(overviewRow(page, hosts[0]).getByRole("button", { name: `Reflect ${hosts[0]}` })).toBeEnabled();
  await page.getByRole("button", { name: "Reflect All" }).click();
  await expect(page.getByText("0 element(s) created, 8 deleted.")).toBeVisible();
  await expect(page.getByTestId("pending-total")).toHaveText("0 pending");

  // Back ON for the next tests; hosts with export on become pending again.
  await page.goto("/settings/export");
  await webRow.getByRole("button", { name: "ON" }).click();
  await expect(webRow.getByRole("status")).toContainText("Web is now ON; 8 host(s) wait for Reflect.");
});

test("the Overview is sortable and paginated on the server", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.goto("/overview");
  await expect(page.getByTestId("overview-table")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("table-count")).toContainText("page 1 of");
  await page.getByTestId("overview-table").getByRole("link", { name: "Host", exact: true }).click();
  await expect(page).toHaveURL(/sort=host&dir=desc/);
  const names = await page.locator("[data-testid=overview-table] tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-host")!));
  expect(names).toEqual([...names].sort().reverse());
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByTestId("table-count")).toContainText("page 2 of");
  await page.getByTestId("overview-table").getByRole("link", { name: "Reflect Status", exact: true }).click();
  await expect(page).toHaveURL(/sort=status&dir=asc/);
});

test("a viewer sees the Overview and Export settings but cannot change them", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  await page.goto("/overview");
  await expect(page.getByTestId("overview-table")).toBeVisible({ timeout: 30_000 });
  const firstRow = page.locator("[data-testid=overview-table] tbody tr").first();
  await expect(firstRow.getByRole("switch")).toBeDisabled();
  await expect(firstRow.getByRole("button", { name: /^Reflect / })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Reflect All" })).toBeDisabled();
  await page.goto("/settings/export");
  await expect(page.locator('[data-testid=export-settings-table] tr[data-host-type="Web"]').getByRole("button")).toHaveCount(0);
  await expect(page.getByTestId("reflection-mode-note")).toContainText("Administrators change it on Database settings.");
  await page.screenshot({ path: "e2e/artifacts/connector-viewer-export-settings.png", fullPage: true });
});
