import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./settings";
import { signIn } from "./helpers";

interface Named {
  id: number;
  name: string;
  hostsCount?: number;
}

async function pin(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("button", { name: "Pin" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pinned to your dashboard." })).toBeVisible();
}

async function titlesInOrder(page: Page): Promise<string[]> {
  return page.getByTestId("dashlet").evaluateAll((dashlets) => dashlets.map((dashlet) => dashlet.getAttribute("aria-label") ?? ""));
}

async function settled(page: Page) {
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

/** Every pair of boxes that overlap, among a host or service box's name, state and marks. */
async function overlaps(scope: Locator): Promise<string[]> {
  return scope.locator("[data-testid=acknowledged-mark], [data-testid=impacted-mark]").evaluateAll((marks) =>
    marks.flatMap((mark) => {
      const box = mark.getBoundingClientRect();
      const texts = [...(mark.closest("button, a, div")?.querySelectorAll("[title]") ?? [])].filter((text) => text !== mark && !text.contains(mark));
      return texts
        .filter((text) => {
          const other = text.getBoundingClientRect();
          return other.width > 0 && box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
        })
        .map((text) => `${mark.textContent} covers ${text.textContent}`);
    }),
  );
}

/** Host names in the component view that do not fit their box (short names such as "web-eu-16" must fit at every dashlet size). */
async function cutHostNames(scope: Locator): Promise<string[]> {
  return scope
    .getByTestId("component-host")
    .evaluateAll((hosts) =>
      hosts.flatMap((host) => {
        if (host.hasAttribute("data-hidden")) return [];
        const name = host.querySelector<HTMLElement>(`[title="${host.getAttribute("data-host")}"]`);
        return name && name.scrollWidth <= name.clientWidth + 1 ? [] : [host.getAttribute("data-host") ?? "?"];
      }),
    );
}

test("dashlets are titled with their objects, move and resize by pointer and keyboard, come back after removal, and persist", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
  const service: Named = (await (await page.request.get("/api/config/bsmservice")).json()).list[0];
  const components: Named[] = (await (await page.request.get("/api/config/bsmcomponent")).json()).list;
  const component = components.reduce((most, candidate) => ((candidate.hostsCount ?? 0) > (most.hostsCount ?? 0) ? candidate : most));
  await pin(page, `/bsm/service/${service.id}`);
  await pin(page, `/bsm/component/${component.id}`);

  await page.goto("/");
  const serviceTitle = `Service: ${service.name}`;
  const componentTitle = `Component: ${component.name}`;
  const serviceDashlet = page.getByRole("listitem", { name: serviceTitle, exact: true });
  const componentDashlet = page.getByRole("listitem", { name: componentTitle, exact: true });
  await expect(serviceDashlet.getByRole("heading", { name: serviceTitle })).toBeVisible();
  await expect(componentDashlet.getByRole("heading", { name: componentTitle })).toBeVisible();
  await expect(componentDashlet.getByTestId("component-host").first()).toBeVisible({ timeout: 20_000 });
  const before = await titlesInOrder(page);
  expect(before.indexOf(componentTitle)).toBe(before.indexOf(serviceTitle) + 1);

  // Pointer: drag the component's handle onto the service; it takes the service's place.
  const handle = componentDashlet.getByRole("button", { name: new RegExp(`^Move ${componentTitle}`) });
  const from = (await handle.boundingBox())!;
  const to = (await serviceDashlet.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + 40, { steps: 8 });
  await expect(serviceDashlet).toHaveClass(/ring-2/);
  await page.mouse.up();
  await settled(page);
  const moved = await titlesInOrder(page);
  expect(moved.indexOf(serviceTitle)).toBe(moved.indexOf(componentTitle) + 1);

  // Keyboard: the resize handle grows the service dashlet one column per arrow key, and says so.
  await expect(serviceDashlet).toHaveAttribute("data-size", "medium");
  await serviceDashlet.getByRole("button", { name: new RegExp(`^Width of ${serviceTitle}`) }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(serviceDashlet).toHaveAttribute("data-size", "large");
  await expect(page.getByTestId("dashlet-announcement")).toHaveText(`${serviceTitle} resized to large, 3 of 4 columns.`);
  await settled(page);
  // And the move handle moves it with the arrow keys, keeping the focus.
  const serviceHandle = serviceDashlet.getByRole("button", { name: new RegExp(`^Move ${serviceTitle}`) });
  await serviceHandle.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("dashlet-announcement")).toContainText(`${serviceTitle} moved to position`);
  await expect(serviceHandle).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await settled(page);
  expect(await titlesInOrder(page)).toEqual(moved);

  // Pointer: dragging the component's right edge one column to the right widens it by one column.
  const widthHandle = componentDashlet.getByRole("button", { name: new RegExp(`^Width of ${componentTitle}`) });
  const edge = (await widthHandle.boundingBox())!;
  const column = ((await page.getByRole("list", { name: "Your dashlets" }).boundingBox())!.width + 16) / 4;
  await expect(componentDashlet).toHaveAttribute("data-size", "medium");
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 40);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + column, edge.y + 40, { steps: 6 });
  await expect(componentDashlet).toHaveAttribute("data-size", "large");
  await page.mouse.up();
  await settled(page);
  await expect(componentDashlet).toHaveAttribute("data-size", "large");

  // Host names stay readable in a small dashlet: cut with an ellipsis and a tooltip, never gone; marks beside them, not over them.
  await componentDashlet.getByLabel("Size").selectOption("small");
  await expect(componentDashlet).toHaveAttribute("data-size", "small");
  await settled(page);
  const hostNames = componentDashlet.getByTestId("component-host").locator("[title]").first();
  await expect(hostNames).toBeVisible();
  expect((await hostNames.boundingBox())!.width).toBeGreaterThan(40);
  expect(await hostNames.getAttribute("title")).toBeTruthy();
  expect(await cutHostNames(componentDashlet)).toEqual([]);
  expect(await overlaps(page.getByRole("list", { name: "Your dashlets" }))).toEqual([]);
  await page.screenshot({ path: "test-results/dashlets-1280.png", fullPage: true });

  // Remove, then undo: it comes back where it was.
  const order = await titlesInOrder(page);
  await componentDashlet.getByRole("button", { name: `Remove ${componentTitle}` }).click();
  await expect(componentDashlet).toHaveCount(0);
  const toast = page.getByTestId("undo-toast");
  await expect(toast).toContainText(`Removed ${componentTitle}.`);
  await page.screenshot({ path: "test-results/dashlets-undo.png" });
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(componentDashlet).toHaveCount(1);
  await expect(toast).toHaveCount(0);
  await settled(page);
  expect(await titlesInOrder(page)).toEqual(order);

  // All of it was saved.
  await page.reload();
  expect(await titlesInOrder(page)).toEqual(order);
  await expect(serviceDashlet).toHaveAttribute("data-size", "large");
  await expect(componentDashlet).toHaveAttribute("data-size", "small");

  for (const [width, height] of [
    [390, 844],
    [3840, 2160],
  ]) {
    await page.setViewportSize({ width, height });
    await expect(componentDashlet.getByTestId("component-host").first()).toBeVisible({ timeout: 20_000 });
    await componentDashlet.scrollIntoViewIfNeeded();
    expect(await overlaps(page.getByRole("list", { name: "Your dashlets" }))).toEqual([]);
    expect(await cutHostNames(componentDashlet)).toEqual([]);
    await expect(componentDashlet.getByRole("heading", { name: componentTitle })).toBeVisible();
    const list = page.getByRole("list", { name: "Your dashlets" });
    expect(await list.evaluate((grid) => grid.scrollWidth <= grid.clientWidth)).toBe(true);
    await componentDashlet.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `test-results/dashlets-${width}.png` });
  }
});
