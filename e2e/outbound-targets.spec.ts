import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { DEMO_VIEWER, E2E_ADMIN } from "./settings";

// A webhook receiver inside the server's own network (127.0.0.2): refused until an administrator
// allows it on Settings → Outbound targets; its reply reaches the log of administrators only.
const REPLY = "internal reply 7f3a";
let receiver: Server;
let hookUrl: string;
let received = 0;

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    received++;
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "text/plain" }).end(REPLY));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.2", resolve));
  hookUrl = `http://127.0.0.2:${(receiver.address() as AddressInfo).port}/hook`;
});

test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page;
}

async function fillWebhookProfile(page: Page, name: string) {
  await page.goto("/notifications/new");
  await expect(page.getByRole("heading", { name: "New notification profile" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Select all business services" }).click();
  await page.getByRole("button", { name: "Select all components" }).click();
  await page.getByLabel("Impacted", { exact: true }).check();
  await page.getByRole("button", { name: "Add webhook" }).click();
  await page.getByLabel("URL (receives a JSON POST)").fill(hookUrl);
}

async function sentEntry(page: Page, profileName: string) {
  await page.goto("/notifications/log");
  return page.getByTestId("notification-log-entry").filter({ hasText: profileName }).filter({ has: page.locator('[data-status="SENT"]') }).first();
}

// Two sign-ins, two profiles and waiting for simulated outages: more than the default minute on a busy machine.
test.setTimeout(240_000);

test("a viewer cannot aim a webhook at an internal address until the administrator allows it; only the administrator sees the reply", async ({ browser }) => {
  const viewer = await signedIn(browser, DEMO_VIEWER);
  await fillWebhookProfile(viewer, "Internal receiver (viewer)");
  await viewer.getByRole("button", { name: "Save profile" }).click();
  await expect(viewer.locator('[data-field-error="methods.0.url"]')).toHaveText(
    "Refused by the outbound policy: 127.0.0.2 is loopback (an administrator may allow it under Settings → Outbound targets)",
    { timeout: 20_000 },
  );
  await viewer.screenshot({ path: "e2e/artifacts/outbound-refused.png", fullPage: true });

  // The setting is the administrator's: no tab for the viewer, and the page answers 404.
  await viewer.goto("/settings");
  await expect(viewer.getByRole("navigation", { name: "Settings" })).toBeVisible();
  await expect(viewer.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outbound targets" })).toHaveCount(0);
  expect((await viewer.goto("/settings/outbound"))?.status()).toBe(403);
  await expect(viewer.getByLabel("Allowed targets")).toHaveCount(0);

  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/settings");
  await admin.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Outbound targets" }).click();
  await expect(admin.getByRole("heading", { name: "Outbound targets" })).toBeVisible();
  const allowed = admin.getByLabel("Allowed targets");
  const before = await allowed.inputValue();
  await allowed.fill(`${before}\n127.0.0.2/33`);
  await admin.getByRole("button", { name: "Save outbound targets" }).click();
  await expect(admin.locator('[data-field-error="allow"]')).toHaveText('"127.0.0.2/33" is not an IP address, a CIDR range (10.0.0.0/8) or a host name');
  await allowed.fill(`${before}\n127.0.0.2/32`.trim());
  await admin.getByRole("button", { name: "Save outbound targets" }).click();
  await expect(admin.getByTestId("outbound-policy-outcome")).toHaveText(/^Saved/, { timeout: 20_000 });
  await expect(admin.locator('[data-field-error="allow"]')).toHaveCount(0);
  await admin.reload();
  await expect(admin.getByLabel("Allowed targets")).toHaveValue(/127\.0\.0\.2\/32/);
  await admin.screenshot({ path: "e2e/artifacts/outbound-targets.png", fullPage: true });

  await viewer.goto("/notifications");
  await fillWebhookProfile(viewer, "Internal receiver (viewer)");
  await viewer.getByRole("button", { name: "Save profile" }).click();
  await expect(viewer.getByTestId("notification-profiles")).toContainText("Internal receiver (viewer)", { timeout: 20_000 });
  await fillWebhookProfile(admin, "Internal receiver (admin)");
  await admin.getByRole("button", { name: "Save profile" }).click();
  await expect(admin.getByTestId("notification-profiles")).toContainText("Internal receiver (admin)", { timeout: 20_000 });

  // The simulated outages notify both profiles; the receiver answers with REPLY.
  await expect.poll(() => received, { timeout: 60_000, intervals: [1_000] }).toBeGreaterThan(1);
  await expect(async () => {
    const entry = await sentEntry(admin, "Internal receiver (admin)");
    await expect(entry).toContainText(REPLY, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(async () => {
    const entry = await sentEntry(viewer, "Internal receiver (viewer)");
    await expect(entry.getByTestId("delivery-output-hidden").first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(viewer.getByTestId("notification-log")).not.toContainText(REPLY);
  await viewer.screenshot({ path: "e2e/artifacts/outbound-log-viewer.png", fullPage: true });
});
