import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN, E2E_PORT } from "./settings";
import { signIn } from "./helpers";
import { allowOutboundTarget } from "./outbound-targets";

// The e2e app polls the simulated estate (seed 11) every second; a profile covering every
// business service and component with the state triggers sees problems within seconds.
const SENT_FILE = resolve(`test-results/notifications-${E2E_PORT}.txt`);
const SCRIPT = 'printf "%s|%s|%s|%s|%s\\n" "$OPSVIEW_NOTIFICATIONTYPE" "$OPSVIEW_OBJECTTYPE" "$OPSVIEW_NAME" "$OPSVIEW_STATE" "$OPSVIEW_NOTIFICATIONNUMBER" >> "$0"';

test.beforeAll(() => {
  mkdirSync("test-results", { recursive: true });
  rmSync(SENT_FILE, { force: true });
});

test("an administrator sets up a profile with a command method; a simulated outage runs it and the log shows it", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await page.getByRole("link", { name: "New profile" }).click();
  await expect(page.getByRole("heading", { name: "New notification profile" })).toBeVisible();

  // Saving an empty form explains every missing field instead of failing.
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator('[data-field-error="name"]')).toHaveText("Enter a name");
  await expect(page.locator('[data-field-error="objects"]')).toHaveText("Choose at least one business service or component");
  await expect(page.locator('[data-field-error="methods"]')).toHaveText("Add at least one notification method");

  await page.getByLabel("Name", { exact: true }).fill("Everything on call");
  await page.getByRole("button", { name: "Select all business services" }).click();
  await page.getByRole("button", { name: "Select all components" }).click();
  await page.getByLabel("Impacted", { exact: true }).check();
  await page.getByLabel("Re-notification interval (minutes, 0 = never)").fill("");
  await page.getByRole("button", { name: "Add command" }).click();
  await page.getByLabel("Command (program, then one argument per line)").fill(`sh\n-c`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator('[data-field-error="renotifyMinutes"]')).toHaveText("Enter minutes between 0 (never) and 10080");
  await expect(page.locator('[data-field-error="methods.0.argv"]')).toHaveText("The program must be an absolute path or notify_via_nagios");
  await page.screenshot({ path: "e2e/artifacts/notifications-form-errors.png", fullPage: true });

  await page.getByLabel("Re-notification interval (minutes, 0 = never)").fill("5");
  await page.getByLabel("Command (program, then one argument per line)").fill(["/bin/sh", "-c", SCRIPT, SENT_FILE].join("\n"));
  await page.getByLabel("Method settings (NAME=value per line, as OPSVIEW_NM_NAME)").fill("CHANNEL=e2e");
  await page.getByRole("button", { name: "Save profile" }).click();

  await expect(page).toHaveURL(/\/notifications\?saved=\d+/, { timeout: 20_000 });
  const profiles = page.getByTestId("notification-profiles");
  await expect(profiles).toContainText("Everything on call");
  await expect(profiles).toContainText("offline, failed, impacted");
  await expect(profiles).toContainText("every 5 min");
  await page.screenshot({ path: "e2e/artifacts/notifications-profiles.png", fullPage: true });

  // The poller runs the command for the first problem of any covered object.
  const sentLines = () => (existsSync(SENT_FILE) ? readFileSync(SENT_FILE, "utf8").trim().split("\n").filter(Boolean) : []);
  await expect.poll(() => sentLines().length, { timeout: 45_000, intervals: [1_000] }).toBeGreaterThan(0);
  const [type, objectType, name, state, number] = sentLines()[0].split("|");
  expect(["PROBLEM", "RECOVERY"]).toContain(type);
  expect(["BSMService", "BSMComponent"]).toContain(objectType);
  expect(["OFFLINE", "FAILED", "IMPACTED", "OPERATIONAL", "DOWNTIME"]).toContain(state);
  expect(Number(number)).toBeGreaterThanOrEqual(1);

  await page.getByRole("link", { name: "Notification log" }).click();
  await expect(page.getByRole("heading", { name: "Notification log" })).toBeVisible();
  const sentEntry = page.getByTestId("notification-log-entry").filter({ has: page.locator('[data-status="SENT"]') }).filter({ hasText: name });
  await expect(sentEntry.first()).toBeVisible({ timeout: 15_000 });
  await expect(sentEntry.first()).toContainText("Everything on call");
  await expect(sentEntry.first()).toContainText(`${type} #${number}`);
  await expect(sentEntry.first()).toContainText("command to");

  // Filtering by the object keeps only its notifications.
  await page.getByLabel("Object").selectOption({ label: name });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/object=/);
  const entries = page.getByTestId("notification-log-entry");
  await expect(entries.first()).toBeVisible();
  for (const text of await entries.allTextContents()) expect(text).toContain(name);
  await page.screenshot({ path: "e2e/artifacts/notifications-log.png", fullPage: true });
});

test("a viewer can keep a personal profile but may not run commands on the server", async ({ page, browser }) => {
  // The webhook below goes to 127.0.0.1, which the outbound policy refuses unless an administrator allows it.
  await allowOutboundTarget(browser, "127.0.0.1/32");
  await signIn(page, DEMO_VIEWER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await page.getByRole("link", { name: "New profile" }).click();
  await expect(page.getByRole("button", { name: "Add e-mail" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add webhook" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add command" })).toHaveCount(0);
  await expect(page.getByText("Shared profile")).toHaveCount(0);

  await page.getByLabel("Name", { exact: true }).fill("My webhook");
  await page.getByRole("button", { name: "Select all business services" }).click();
  await page.getByRole("button", { name: "Add webhook" }).click();
  await page.getByLabel("URL (receives a JSON POST)").fill("ftp://example.test/hook");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator('[data-field-error="methods.0.url"]')).toHaveText("Enter an http:// or https:// URL");
  await page.getByLabel("URL (receives a JSON POST)").fill("http://127.0.0.1:9/hook");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("notification-profiles")).toContainText("My webhook", { timeout: 20_000 });
  await expect(page.getByTestId("notification-profiles")).not.toContainText("Everything on call");
});

test("a profile can watch error budgets burning, with a field error for a bad window", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await page.getByRole("link", { name: "New profile" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Budget burn");
  await page.getByRole("button", { name: "Select all business services" }).click();
  await page.getByLabel("Offline (business services)").uncheck();
  await page.getByLabel("Failed (components)").uncheck();
  await expect(page.getByRole("group", { name: "Burn-rate windows" })).toHaveCount(0);
  await page.getByLabel("Error budget burning (objects with an SLA)").check();
  const windows = page.getByRole("group", { name: "Burn-rate windows" });
  await expect(windows.getByLabel("Window 1 (minutes, 1–43200)")).toHaveValue("60");
  await expect(windows.getByLabel("Budget spent in window 2 (%)")).toHaveValue("5");
  await page.getByRole("button", { name: "Add e-mail" }).click();
  await page.getByLabel("SMTP server").fill("smtp.invalid");
  await page.getByLabel("From address").fill("bsm@example.test");

  await windows.getByLabel("Window 2 (minutes, 1–43200)").fill("50000");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator('[data-field-error="burnRateWindows.1.windowMinutes"]')).toHaveText("Enter minutes between 1 and 43200");
  await page.screenshot({ path: "e2e/artifacts/notifications-burn-window-error.png", fullPage: true });

  await windows.getByLabel("Window 2 (minutes, 1–43200)").fill("1440");
  await page.getByRole("button", { name: "Save profile" }).click();
  const row = page.getByTestId("notification-profiles").getByRole("row").filter({ hasText: "Budget burn" });
  await expect(row).toContainText("burn", { timeout: 20_000 });
  await row.getByRole("link", { name: "Edit Budget burn" }).click();
  await expect(page.getByRole("group", { name: "Burn-rate windows" }).getByLabel("Window 2 (minutes, 1–43200)")).toHaveValue("1440");
});
