import { rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { openDatabase } from "../lib/db/client";
import { startAppServer, type AppServer } from "./app-server";
import { signIn } from "./helpers";
import { E2E_PORT, E2E_SECRET } from "./settings";

// Time travel (issue 18): the Summary and the Service view at a past moment, from transitions seeded before the
// server starts: a service that was OFFLINE between 5 and 3 hours ago, and one created only an hour ago.

const expect = baseExpect.configure({ timeout: 30_000 });

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`));
}
const DATA_DIR = `./data/e2e-time-travel-${E2E_PORT}`;
const ADMIN = { email: "travel-admin@bsm.local", password: "travel-admin-password" };
const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const OFFLINE_AT = NOW - 4 * HOUR;
const RECOVERED_AT = NOW - 2 * HOUR;
const iso = (at: number) => new Date(at).toISOString().replace(".000Z", "Z");

let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

async function seedHistory(): Promise<number> {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const database = openDatabase({ kind: "pglite", dataDir: DATA_DIR });
  try {
    await database.migrate();
    const { prisma } = database;
    const shop = await prisma.businessService.create({ data: { name: "Travel shop", createdAt: new Date(NOW - 2 * 24 * HOUR) } });
    const later = await prisma.businessService.create({ data: { name: "Travel newcomer", createdAt: new Date(NOW - HOUR) } });
    const status = (id: number) => ({ objectType: "BUSINESS_SERVICE" as const, objectKey: String(id), state: "OPERATIONAL" as const, acknowledged: false, impacted: false, changedAt: new Date(NOW - 3 * HOUR) });
    await prisma.bsmObjectStatus.createMany({ data: [status(shop.id), status(later.id)] });
    // Each transition leaves what the next one starts from, as the poller writes them: a moment may be replayed
    // forwards from the last transition before it or backwards from the first after it (a checkpoint at the next
    // midnight, when the moment is late in its day), and both must agree.
    const change = (at: number, from: "OPERATIONAL" | "OFFLINE", to: "OPERATIONAL" | "OFFLINE", acknowledged: { from: boolean; to: boolean }) => ({
      objectType: "BUSINESS_SERVICE" as const,
      objectKey: String(shop.id),
      at: new Date(at),
      fromState: from,
      toState: to,
      fromAcknowledged: acknowledged.from,
      toAcknowledged: acknowledged.to,
      fromImpacted: false,
      toImpacted: false,
    });
    await prisma.bsmTransition.createMany({
      data: [change(NOW - 5 * HOUR, "OPERATIONAL", "OFFLINE", { from: false, to: true }), change(NOW - 3 * HOUR, "OFFLINE", "OPERATIONAL", { from: true, to: false })],
    });
    return shop.id;
  } finally {
    await database.close();
  }
}

test("Summary and Service view at a moment the service was OFFLINE: banner, history, scrub, back to live", async ({ page }) => {
  test.setTimeout(240_000);
  const shopId = await seedHistory();
  server = await startAppServer("time-travel", {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: E2E_SECRET,
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SEED_DEMO: "0",
  });
  const base = server.url;
  await signIn(page, ADMIN, base);
  await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.email);
  // Visible ones only: for up to ~300 ms after a load React 19.2+ can keep the streamed copy of a Suspense
  // boundary's content in a hidden element beside the hydrated one (react/react#37014), and a strict locator fails at once.
  const tile = (name: string) => page.getByTestId("service-tile").and(page.locator(`[data-service="${name}"]`)).filter({ visible: true });

  // Live: operational, with a way into history.
  await page.goto(`${base}/summary`);
  await expect(tile("Travel shop")).toHaveAttribute("data-state", "OPERATIONAL");
  await expect(page.getByTestId("history-banner")).toHaveCount(0);
  await expect(page.getByTestId("time-travel")).toBeVisible();

  // Four hours ago: OFFLINE (acknowledged), the newcomer not there yet, clearly history.
  await page.goto(`${base}/summary?at=${iso(OFFLINE_AT)}`);
  const banner = page.getByTestId("history-banner");
  await expect(banner).toContainText("as it was at");
  await expect(banner.getByRole("link", { name: "Back to live" })).toBeVisible();
  await expect(tile("Travel shop")).toHaveAttribute("data-state", "OFFLINE");
  await expect(tile("Travel shop")).toHaveAttribute("data-acknowledged", "true");
  await expect(tile("Travel newcomer")).toHaveCount(0);
  await page.screenshot({ path: "e2e/artifacts/time-travel-summary-light.png", fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "e2e/artifacts/time-travel-summary-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  // Scrub to two hours ago: recovered; the URL follows.
  await page.getByTestId("time-scrubber").fill(String(RECOVERED_AT));
  await expect(page).toHaveURL(new RegExp(`at=${encodeURIComponent(iso(RECOVERED_AT))}`));
  await expect(tile("Travel shop")).toHaveAttribute("data-state", "OPERATIONAL");

  // The time field takes a moment in the user's zone.
  const wall = await page.evaluate((at) => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16), OFFLINE_AT);
  await page.getByTestId("time-travel-input").fill(wall);
  await page.getByRole("button", { name: "Go", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`at=${encodeURIComponent(iso(OFFLINE_AT))}`));
  await expect(tile("Travel shop")).toHaveAttribute("data-state", "OFFLINE");

  // The Service view at the same moment, also on a phone.
  await page.goto(`${base}/bsm/service/${shopId}?at=${iso(OFFLINE_AT)}`);
  await expect(page.getByTestId("history-banner")).toContainText("Travel shop");
  await expect(page.getByTestId("service-view").filter({ visible: true })).toContainText("Offline");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/artifacts/time-travel-service-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back to live.
  await page.getByTestId("back-to-live").click();
  await expect(page).toHaveURL(`${base}/bsm/service/${shopId}`);
  await expect(page.getByTestId("history-banner")).toHaveCount(0);
  await expect(page.getByTestId("time-travel")).toBeVisible();

  // A bad or future moment says why.
  await page.goto(`${base}/summary?at=${iso(NOW + 24 * HOUR)}`);
  await expect(page.getByTestId("history-error")).toContainText("future");

  // The REST resource at the same moment.
  const atMoment = await (await page.request.get(`${base}/api/status/bsmservice?at=${iso(OFFLINE_AT)}`)).json();
  expect(atMoment.list).toEqual([expect.objectContaining({ name: "Travel shop", status: "OFFLINE", acknowledged: 1 })]);
  const bad = await page.request.get(`${base}/api/status/bsmservice?at=tomorrow`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("not a moment");
});
