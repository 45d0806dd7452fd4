import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { DEMO_VIEWER } from "./settings";

// Issue 15, points 1 and 2: every live view says when its data was last confirmed and how the
// stream is; tiles and views turn stale when the stream is lost and come back by themselves; tiles
// and views say how long each object has been in its state.

const FOR_ELAPSED = /for \d+ (s|min|h \d+ min|d \d+ h)/;

async function ageInSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId("live-updated").textContent()) ?? "";
  if (text.includes("just now")) return 0;
  const match = /updated (\d+) s ago/.exec(text);
  if (!match) throw new Error(`unexpected freshness text: ${text}`);
  return Number(match[1]);
}

test("the Summary says it is live and how old its data is, turns stale when offline, recovers, and tiles say how long", async ({ page, context }) => {
  await signIn(page, DEMO_VIEWER);
  // The server's first pages can be slow to come (warming up on a busy machine).
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email, { timeout: 30_000 });
  await expect(page.getByTestId("live-freshness")).toHaveAttribute("data-connection", "connected");
  await page.goto("/summary");
  const freshness = page.getByTestId("live-freshness");
  await expect(freshness).toHaveAttribute("data-connection", "connected");
  await expect(freshness).toContainText("Live");
  await expect(freshness).toContainText(/updated (just now|\d+ s ago)/);
  await expect(freshness.locator("time")).toHaveAttribute("title", /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} /);

  const tiles = page.getByTestId("service-tile");
  await expect(tiles.first()).toContainText(FOR_ELAPSED);
  await expect(tiles.first().getByTestId("state-since")).toHaveAttribute("title", /^Since \d{4}-\d{2}-\d{2} /);
  await expect(page.getByTestId("service-list").locator("tbody tr").first()).toContainText(FOR_ELAPSED);
  await expect(tiles.first()).toHaveAttribute("data-stale", "false");

  // The network goes: the stream is lost, every tile greys with the data's age, and the age keeps ticking.
  await context.setOffline(true);
  await expect(freshness).toHaveAttribute("data-connection", "offline");
  await expect(freshness).toContainText("Offline");
  await expect(tiles.first()).toHaveAttribute("data-stale", "true");
  await expect(tiles.last()).toHaveAttribute("data-stale", "true");
  await expect(tiles.first().getByTestId("stale-age")).toContainText(/stale · \d+ s/);
  const ageOffline = await ageInSeconds(page);
  await expect.poll(() => ageInSeconds(page)).toBeGreaterThan(ageOffline + 1);
  await page.screenshot({ path: "test-results/freshness-summary-stale.png" });

  // It comes back by itself.
  await context.setOffline(false);
  await expect(freshness).toHaveAttribute("data-connection", "connected");
  await expect(tiles.first()).toHaveAttribute("data-stale", "false");
  await expect(page.getByTestId("stale-age")).toHaveCount(0);
  await expect.poll(() => ageInSeconds(page)).toBeLessThan(3);
  await page.screenshot({ path: "test-results/freshness-summary-live.png" });
});

test("Service, Component and Investigate views say how long and how fresh, and a dropped stream greys them until it returns", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  // The server's first pages can be slow to come (warming up on a busy machine).
  await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email, { timeout: 30_000 });
  await expect(page.getByTestId("live-freshness")).toContainText("Live");
  await page.goto("/summary");
  const serviceId = await page.getByTestId("service-tile").first().getAttribute("data-service-id");

  await page.goto(`/bsm/service/${serviceId}`);
  const view = page.getByTestId("service-view");
  await expect(page.getByTestId("live-freshness")).toHaveAttribute("data-connection", "connected");
  await expect(view.getByTestId("state-since").first()).toContainText(FOR_ELAPSED);
  await expect(page.getByTestId("component-layer").first().getByTestId("state-since").first()).toContainText(FOR_ELAPSED);
  await expect(page.getByTestId("host-box").filter({ has: page.getByTestId("state-since") }).first()).toContainText(FOR_ELAPSED);

  // The stream drops and every attempt to open it again fails: the view greys, saying why and how old its data is.
  await page.route("**/api/events", (route) => route.abort());
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("live-freshness")).toHaveAttribute("data-connection", "reconnecting");
  await expect(page.getByTestId("stale-frame")).toHaveAttribute("data-stale", "true");
  await expect(page.getByTestId("stale-notice")).toContainText("Connection lost");
  await page.screenshot({ path: "test-results/freshness-service-stale.png", fullPage: true });
  await page.unroute("**/api/events");
  await expect(page.getByTestId("live-freshness")).toHaveAttribute("data-connection", "connected", { timeout: 15_000 });
  await expect(page.getByTestId("stale-frame")).toHaveAttribute("data-stale", "false");

  const componentId = await page.getByTestId("component-layer").first().getAttribute("data-component-id");
  await page.goto(`/bsm/component/${componentId}`);
  await expect(page.getByTestId("live-freshness")).toContainText("Live");
  await expect(page.getByTestId("component-view").getByTestId("state-since").first()).toContainText(FOR_ELAPSED);
  await expect(page.getByTestId("component-host").filter({ has: page.getByTestId("state-since") }).first()).toContainText(FOR_ELAPSED);
  await page.screenshot({ path: "test-results/freshness-component.png", fullPage: true });

  await page.goto(`/bsm/investigate/service/${serviceId}`);
  await expect(page.getByTestId("live-freshness")).toContainText(/updated (just now|\d+ s ago)/);
  await page.goto("/");
  await expect(page.getByTestId("live-freshness")).toContainText("Live");
});
