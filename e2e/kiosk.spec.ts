import { expect, test, type Page } from "@playwright/test";
import { compareForSummary, type ServiceState } from "../lib/bsm";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

interface Tile {
  id: string;
  name: string;
  state: string;
  impacted: boolean;
  acknowledged: boolean;
  position: number;
}

async function tiles(page: Page): Promise<Tile[]> {
  return page.getByTestId("service-tile").evaluateAll((elements) =>
    elements.map((tile) => ({
      id: tile.getAttribute("data-service-id") ?? "",
      name: tile.getAttribute("data-service") ?? "",
      state: tile.getAttribute("data-state") ?? "",
      impacted: tile.getAttribute("data-impacted") === "true",
      acknowledged: tile.getAttribute("data-acknowledged") === "true",
      position: Number(tile.getAttribute("aria-posinset")),
    })),
  );
}

function inSummaryOrder(list: Tile[]): boolean {
  const ordered = [...list].sort((a, b) => compareForSummary({ ...a, state: a.state as ServiceState }, { ...b, state: b.state as ServiceState }));
  return ordered.every((tile, index) => tile.id === list[index].id);
}

/** How much of the viewport the tiles' bounding box covers, and the smallest tile name's height in pixels. */
async function tileCoverage(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="service-tile"]')].map((tile) => tile.getBoundingClientRect());
    const names = [...document.querySelectorAll('[data-testid="service-tile"] button > span:first-child')].map((name) => name.getBoundingClientRect().height);
    const left = Math.min(...boxes.map((box) => box.left));
    const top = Math.min(...boxes.map((box) => box.top));
    const right = Math.max(...boxes.map((box) => box.right));
    const bottom = Math.max(...boxes.map((box) => box.bottom));
    return { covered: ((right - left) * (bottom - top)) / (innerWidth * innerHeight), nameHeight: Math.min(...names), overflow: document.scrollingElement!.scrollHeight - innerHeight };
  });
}

test("the Summary's wall screen fills 1080p and 4K screens, problems first, keeps its order live, rotates pages and leaves with Escape", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  await page.goto("/summary?grid=hidden");
  await page.getByTestId("kiosk-button").click();
  await expect(page).toHaveURL(/\/summary\?grid=hidden&kiosk$/);

  // No site chrome: no header, navigation or page title; the tiles and a quiet way out.
  await expect(page.getByTestId("kiosk-tiles")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "BSM Summary" })).toHaveCount(0);
  await expect(page.getByTestId("kiosk-exit")).toBeVisible();
  const count = Number(await page.getByTestId("service-tiles").getAttribute("data-count"));
  expect(count).toBeGreaterThan(3);
  await expect(page.getByTestId("service-tile")).toHaveCount(count);

  const fullHd = await tileCoverage(page);
  expect(fullHd.covered).toBeGreaterThan(0.85);
  expect(fullHd.nameHeight).toBeGreaterThan(1080 / 40);
  expect(fullHd.overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/i15-kiosk-summary-1920x1080.png" });

  // Live updates keep the Summary order (problems first, then by name), so tiles stay put until their state changes.
  // A busy estate may keep every service in one state for minutes, so the proof of liveness is the poller's
  // confirmations arriving (each one a live update of the tiles' data), and the tiles agreeing with the API after them.
  const confirmedAt = () => page.getByTestId("live-updated").locator("time").getAttribute("datetime");
  const seen: Tile[][] = [await tiles(page)];
  const confirmations = new Set<string>();
  await expect
    .poll(
      async () => {
        const moment = await confirmedAt();
        if (moment) confirmations.add(moment);
        seen.push(await tiles(page));
        return confirmations.size;
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toBeGreaterThanOrEqual(3);
  for (const snapshot of seen) expect(inSummaryOrder(snapshot)).toBe(true);
  const describe = (list: { id: string; state: string; acknowledged: boolean; impacted: boolean }[]) =>
    list.map((service) => `${service.id}:${service.state}:${service.acknowledged}:${service.impacted}`).sort().join(" ");
  await expect
    .poll(async () => {
      const api = (await (await page.request.get("/api/status/bsmservice?rows=1000")).json()).list as {
        id: string | number;
        status: string;
        acknowledged: number;
        impacted: number;
      }[];
      const fromApi = describe(api.map((service) => ({ id: String(service.id), state: service.status, acknowledged: service.acknowledged === 1, impacted: service.impacted === 1 })));
      return describe(await tiles(page)) === fromApi;
    }, { timeout: 20_000 })
    .toBe(true);

  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(async () => (await tileCoverage(page)).nameHeight).toBeGreaterThan(2160 / 40);
  const ultraHd = await tileCoverage(page);
  expect(ultraHd.covered).toBeGreaterThan(0.85);
  expect(ultraHd.overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/i15-kiosk-summary-3840x2160.png" });

  // More services than fit: pages, spread evenly, rotating on their own.
  await page.setViewportSize({ width: 560, height: 360 });
  await page.goto("/summary?kiosk&rotate=3");
  const indicator = page.getByTestId("kiosk-page");
  await expect(indicator).toContainText(/Page 1 of [2-9]/);
  const perPage = await page.getByTestId("service-tile").count();
  expect(perPage).toBeLessThan(count);
  await expect(indicator).toContainText("Page 2 of", { timeout: 15_000 });
  await expect(page.getByTestId("service-tile").first()).toHaveAttribute("aria-posinset", String(perPage + 1));
  await page.screenshot({ path: "test-results/i15-kiosk-summary-page-2.png" });

  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/\/summary$/);
  await expect(page.getByRole("heading", { name: "BSM Summary" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeVisible();
});

test("the dashboard's wall screen shows only the dashlets, filling the screen", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await signIn(page, E2E_ADMIN);
  await expect(page.getByRole("heading", { name: "Dashboard", exact: true })).toBeVisible();
  if ((await page.getByTestId("dashlet").count()) === 0) {
    await page.getByRole("button", { name: "Add BSM Summary" }).click();
    await expect(page.getByTestId("dashlet")).toHaveCount(1);
  }
  await page.getByTestId("kiosk-button").click();
  await expect(page).toHaveURL(/\/\?kiosk$/);
  await expect(page.getByTestId("kiosk-dashboard")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add BSM Summary" })).toHaveCount(0);
  // Whatever the admin pinned before (other specs pin Service and Component views), each dashlet shows.
  await expect(page.getByTestId("dashlet").first()).toBeVisible();
  const covered = await page.getByTestId("dashlet").evaluateAll((dashlets) => {
    const boxes = dashlets.map((dashlet) => dashlet.getBoundingClientRect());
    const width = Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.left));
    const height = Math.max(...boxes.map((box) => box.bottom)) - Math.min(...boxes.map((box) => box.top));
    return (width * height) / (innerWidth * innerHeight);
  });
  expect(covered).toBeGreaterThan(0.85);
  await page.screenshot({ path: "test-results/i15-kiosk-dashboard-1920x1080.png" });
  await page.getByTestId("kiosk-exit").click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});
