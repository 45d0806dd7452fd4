import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** How far the page is wider than the screen: 0 when nothing scrolls sideways. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
}

/** The page has rendered its data: the title shows and no skeleton or "Loading…" is left. */
async function settled(page: Page) {
  await expect(page.locator("main h1").first()).toBeVisible();
  await expect(page.getByTestId("page-loading")).toHaveCount(0);
  await expect(page.locator("main").getByText(/^Loading/)).toHaveCount(0);
}

test("on a phone the menu opens and closes, Sign out is reachable, and no page scrolls sideways", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_ADMIN);
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await page.screenshot({ path: "test-results/i15-phone-dashboard.png", fullPage: true });

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await expect(nav.getByRole("link").first()).toBeFocused();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.screenshot({ path: "test-results/i15-phone-menu-open.png" });
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await menu.click();
  await nav.getByRole("link", { name: "Summary" }).click();
  await expect(page).toHaveURL(/\/summary$/);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  // Tiles in one or two columns.
  await expect(page.getByTestId("service-tile").first()).toBeVisible();
  const columns = await page.getByTestId("service-tile").evaluateAll((tiles) => new Set(tiles.map((tile) => Math.round(tile.getBoundingClientRect().left))).size);
  expect(columns).toBeLessThanOrEqual(2);
  const serviceId = await page.getByTestId("service-tile").first().getAttribute("data-service-id");
  const components = (await (await page.request.get("/api/config/bsmcomponent")).json()).list as { id: number }[];
  const hosts = (await (await page.request.get(`/api/status/bsmhost?cid=${components[0].id}`)).json()).list as { name: string }[];

  const routes = [
    "/",
    "/summary",
    "/overview",
    "/hosts",
    `/hosts/${encodeURIComponent(hosts[0].name)}`,
    "/notifications",
    "/configure",
    "/configure/components",
    "/configure/services",
    "/admin",
    "/account",
    "/settings",
    `/bsm/service/${serviceId}`,
    `/bsm/component/${components[0].id}`,
    `/bsm/investigate/service/${serviceId}`,
  ];
  const wide: string[] = [];
  for (const route of routes) {
    await page.goto(route);
    await settled(page);
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) wide.push(`${route} by ${overflow} px`);
    const name = route === "/" ? "home" : route.slice(1).replace(/[/?=&]/g, "-");
    await page.screenshot({ path: `test-results/i15-phone-${name}.png`, fullPage: true });
  }
  expect(wide).toEqual([]);
});
