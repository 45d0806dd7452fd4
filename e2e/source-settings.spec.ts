import { expect, test, type Page } from "@playwright/test";
import { startMariaDbServer, type MariaDbServer } from "../tests/support/mariadb-server";
import { generateOpsviewEstate, openOpsviewFixture, type OpsviewFixture } from "../tests/support/opsview-fixture";
import { DEMO_VIEWER, E2E_ADMIN } from "./settings";
import { signIn } from "./helpers";

const READER = { user: "bsm_reader", password: "reader-Pw-4417" };

let server: MariaDbServer;
let fixture: OpsviewFixture;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startMariaDbServer();
  fixture = await openOpsviewFixture(server);
  await fixture.load(generateOpsviewEstate({ hosts: 6, checksPerHost: 3, templates: 2, hostGroups: 2 }));
  await fixture.createReader(READER);
});

test.afterAll(async () => {
  await fixture?.close();
  await server?.stop();
});

const mainDatabase = (page: Page) => page.getByRole("group", { name: "Main database" });
const backupDatabase = (page: Page) => page.getByRole("group", { name: "Backup database" });

test("an admin points the dashboard at an Opsview database: field errors first, Test connection, save, the poller follows", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Database settings" }).click();
  await expect(page.getByRole("heading", { name: "Database settings" })).toBeVisible();
  await expect(page.getByTestId("settings-origin")).toContainText("From the environment");
  await expect(page.getByTestId("reading-from")).toContainText("simulated estate");
  await expect(page.getByLabel("Source kind")).toHaveValue("simulated");
  await expect(page.getByLabel("Poll interval (seconds)")).toHaveValue("1");
  await expect(page.getByTestId("reflection-mode")).toBeVisible();

  await page.getByLabel("Source kind").selectOption({ label: "Opsview database" });
  const main = mainDatabase(page);
  await main.getByLabel("Host").fill("127.0.0.1");
  await main.getByLabel("Port").fill(String(server.port));
  await main.getByLabel("User").fill(READER.user);
  await main.getByLabel("Password").fill("not-the-password");
  await main.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result-main")).toContainText("Failed:");
  await expect(page.getByTestId("test-result-main")).toContainText("Access denied");
  await expect(page.getByTestId("test-result-main")).not.toContainText("not-the-password");

  await main.getByLabel("Password").fill(READER.password);
  await main.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result-main")).toContainText(`Success: Connected to 127.0.0.1:${server.port}`);
  await expect(page.getByTestId("test-result-main")).toContainText("18 active service checks");

  // A backup without a host and a poll interval of 0: nothing is saved, each field says why.
  await backupDatabase(page).getByLabel("Fail over to a backup database").check();
  await backupDatabase(page).getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result-backup")).toContainText("host is required");
  await page.getByLabel("Poll interval (seconds)").fill("0");
  await page.getByRole("button", { name: "Save source settings" }).click();
  await expect(page.getByTestId("save-result")).toHaveText("Nothing was saved: correct the fields marked below.");
  await expect(page.getByTestId("error-pollIntervalSeconds")).toHaveText("Poll interval must be between 1 and 3600 seconds");
  await expect(page.getByTestId("error-backup.host")).toHaveText("Host is required");
  await expect(backupDatabase(page).getByLabel("Host")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "e2e/artifacts/source-settings-errors.png", fullPage: true });
  await expect(page.getByTestId("settings-origin")).toContainText("From the environment");

  await backupDatabase(page).getByLabel("Fail over to a backup database").uncheck();
  await page.getByLabel("Poll interval (seconds)").fill("1");
  await page.getByRole("button", { name: "Save source settings" }).click();
  await expect(page.getByTestId("save-result")).toContainText("Saved.");
  await expect(page.getByTestId("error-pollIntervalSeconds")).toHaveCount(0);
  await expect(main.getByLabel("Password")).toHaveValue("");
  await expect(main.getByLabel("Password")).toHaveAttribute("placeholder", "unchanged");

  // The poller switches to the database within a poll interval; the page refreshes its status by itself.
  await expect(page.getByTestId("settings-origin")).toContainText(`Saved on this page by ${E2E_ADMIN.email}`);
  await expect(page.getByTestId("reading-from")).toHaveText(`main database 127.0.0.1:${server.port}`, { timeout: 20_000 });
  await expect(page.getByTestId("database-in-use")).toHaveText("Main");
  await expect(page.getByTestId("last-poll-result")).toHaveText("ok", { timeout: 20_000 });
  await page.screenshot({ path: "e2e/artifacts/source-settings-saved.png", fullPage: true });

  // After a reload the password is still not in the page, only said to be saved.
  await page.reload();
  await expect(page.getByLabel("Source kind")).toHaveValue("opsview-db");
  await expect(mainDatabase(page).getByLabel("Host")).toHaveValue("127.0.0.1");
  await expect(mainDatabase(page).getByLabel("Password")).toHaveAttribute("placeholder", "unchanged");
  expect(await page.content()).not.toContain(READER.password);
  // Test connection with the saved password standing in for the blank field.
  await mainDatabase(page).getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result-main")).toContainText("Success: Connected to");

  // Back to the environment's simulated estate, so the app is left as the other specs expect it.
  await page.getByRole("button", { name: "Use the environment's settings" }).click();
  await expect(page.getByTestId("save-result")).toHaveText("The saved settings were removed; the environment's settings apply again.", { timeout: 20_000 });
  await expect(page.getByTestId("settings-origin")).toContainText("From the environment", { timeout: 20_000 });
  await expect(page.getByTestId("reading-from")).toContainText("simulated estate", { timeout: 20_000 });
});

test("a viewer is refused the Database settings page and does not see it under Settings", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email);
  await page.goto("/settings");
  // The application database's address is for administrators only.
  await expect(page.getByTestId("database-target")).toHaveText("Embedded PGlite");
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Database settings" })).toHaveCount(0);
  const refused = await page.goto("/settings/database");
  expect(refused?.status()).toBe(403);
  await expect(page.getByTestId("access-refused")).toBeVisible();
  await expect(page.getByTestId("source-settings-form")).toHaveCount(0);
});
