import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./settings";
import { signIn as submitSignIn } from "./helpers";

async function signIn(page: Page, credentials: { email: string; password: string }) {
  await submitSignIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toContainText(credentials.email, { timeout: 30_000 });
}

interface ConfigComponent {
  id: number;
  name: string;
  hostTemplate: { name: string };
  hosts: { name: string }[];
}

// One server for the file: the first test makes the host elements the others draw.
test.describe.configure({ mode: "serial" });

let component: ConfigComponent;

/** Exports and reflects one host from the Overview, so that it has a host element (and interfaces). */
async function reflectHost(page: Page, host: string) {
  await page.goto(`/overview?q=${encodeURIComponent(host)}&sort=host&dir=asc`);
  const row = page.locator(`[data-testid=overview-table] tr[data-host="${host}"]`);
  const toggle = row.getByRole("switch", { name: `Export ${host}` });
  if ((await toggle.getAttribute("aria-checked")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  const reflect = row.getByRole("button", { name: `Reflect ${host}` });
  if (await reflect.isEnabled()) await reflect.click();
  await expect(row.getByRole("link", { name: "Element" })).toBeVisible({ timeout: 30_000 });
}

const graph = (page: Page) => page.getByTestId("topology-graph");
const node = (page: Page, id: string) => graph(page).locator(`[data-testid=topology-node][data-node-id="${id}"]`);
const menu = (page: Page) => page.getByTestId("topology-node-menu");

test("the estate starts collapsed, expands a service, and a component's host elements open their views", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_ADMIN);
  const components = (await (await page.request.get("/api/config/bsmcomponent")).json()).list as ConfigComponent[];
  // Queue hosts are NA (never host elements); the largest other component of up to 12 hosts draws them one by one.
  component = components.filter((candidate) => candidate.hostTemplate.name !== "Queue" && candidate.hosts.length <= 12).sort((a, b) => b.hosts.length - a.hosts.length)[0]!;
  for (const { name } of component.hosts) await reflectHost(page, name);

  await page.goto("/bsm/topology");
  await expect(node(page, "source")).toBeVisible({ timeout: 30_000 });
  await expect(graph(page).locator('[data-node-id^="service:"]').first()).toBeVisible();
  await expect(graph(page).locator('[data-node-id^="component:"]')).toHaveCount(0);
  await page.screenshot({ path: "e2e/artifacts/topology-estate.png", fullPage: true });

  const service = graph(page).locator('[data-node-id^="service:"]').first();
  await expect(service).toContainText(/\d+ components?/);
  await service.click();
  await menu(page).getByRole("menuitem", { name: "Expand components" }).click();
  await expect(page).toHaveURL(/expand=service%3A\d+/);
  const firstComponent = graph(page).locator('[data-node-id^="component:"]').first();
  await expect(firstComponent).toBeVisible({ timeout: 30_000 });
  await expect(firstComponent).toContainText(/\d+ hosts?, \d+ required online/);

  await page.goto(`/bsm/topology?scope=component:${component.id}`);
  for (const { name } of component.hosts) await expect(node(page, `host:${name}`)).toBeVisible({ timeout: 30_000 });
  await expect(node(page, `component:${component.id}`)).toContainText(`${component.hosts.length} host`);
  await page.screenshot({ path: "e2e/artifacts/topology-component.png", fullPage: true });
  const host = component.hosts[0]!.name;
  await node(page, `host:${host}`).click();
  await expect(menu(page).getByRole("menuitem", { name: "Open host element" })).toHaveAttribute("href", `/hosts/${encodeURIComponent(host)}`);
  await node(page, `component:${component.id}`).click();
  await menu(page).getByRole("menuitem", { name: "Open component view" }).click();
  await expect(page).toHaveURL(new RegExp(`/bsm/component/${component.id}$`));
  await expect(page.getByRole("heading", { name: "BSM Component" })).toBeVisible();
});

test("the list shows the same nodes as the graph, in words, for keyboards and screen readers", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.goto(`/bsm/topology?scope=component:${component.id}`);
  await expect(node(page, "source")).toBeVisible({ timeout: 30_000 });
  const drawn = (await graph(page).getByTestId("topology-node").evaluateAll((nodes) => nodes.map((item) => item.getAttribute("data-node-id")))).sort();
  await page.getByRole("button", { name: "List" }).click();
  const list = page.getByTestId("topology-list");
  await expect(list).toBeVisible();
  const listed = (await list.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-node-id")))).sort();
  expect(listed).toEqual(drawn);
  const hostRow = list.locator(`tr[data-node-id="host:${component.hosts[0]!.name}"]`);
  await expect(hostRow).toContainText(/Operational|Failed|Downtime/);
  await expect(hostRow).toContainText(component.name);
  await expect(hostRow.getByRole("link", { name: "Open host element" })).toBeVisible();
});

test("states arrive live: a node follows the estate without a reload", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_ADMIN);
  await page.goto(`/bsm/topology?scope=component:${component.id}`);
  await expect(node(page, "source")).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const states = () => graph(page).getByTestId("topology-node").evaluateAll((nodes) => nodes.map((item) => `${item.getAttribute("data-node-id")}=${item.getAttribute("data-state")}`).join(" "));
  const before = await states();
  // The simulated estate fails and recovers hosts all the time; the component's hosts change within minutes.
  await expect.poll(states, { timeout: 200_000, intervals: [2_000] }).not.toBe(before);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("the topology pins as a dashlet that draws it", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.goto(`/bsm/topology?scope=component:${component.id}`);
  await page.getByRole("button", { name: "Pin" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Pinned to your dashboard." })).toBeVisible();
  await page.goto("/");
  const dashlet = page.getByTestId("dashlet").filter({ has: page.locator(`[aria-label="Topology: ${component.name}"]`) }).or(page.locator(`[data-testid=dashlet][aria-label="Topology: ${component.name}"]`)).first();
  await expect(dashlet).toBeVisible({ timeout: 30_000 });
  await expect(dashlet.locator(`[data-testid=topology-node][data-node-id="component:${component.id}"]`)).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "e2e/artifacts/topology-dashlet.png", fullPage: true });
});
