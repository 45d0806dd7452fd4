import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN } from "./settings";
import { signIn } from "./helpers";

// Issue 15 point 7: the header's search. A demo viewer finds a demo service by keyboard alone; a role
// that sees only the hosts of one host group finds no other host, and no check of one.
const EU_WEB_USER = { email: "search-eu-web@bsm.local", password: "search-eu-web-password", name: "EU web only" } as const;

// Each test signs in twice (and the second makes a role in the admin screen): slow on a busy machine.
test.describe.configure({ mode: "serial", timeout: 120_000 });

async function signedIn(browser: Browser, credentials: { email: string; password: string }, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signIn(page, credentials);
  // On a phone the account sits inside the Menu; the search box shows at every width.
  await expect(searchBox(page)).toBeVisible({ timeout: 20_000 });
  return page;
}

const searchBox = (page: Page) => page.getByRole("combobox", { name: "Search services, components, hosts and checks" });
const results = (page: Page) => page.getByRole("listbox", { name: "Search results" });

test("`/` focuses the search, typing lists what matches by kind, arrows and Enter open a service", async ({ browser }) => {
  const page = await signedIn(browser, DEMO_VIEWER);
  // The simulated estate's services exist once the server has set it up.
  await expect.poll(async () => ((await (await page.request.get("/api/search?q=Payment")).json()).service ?? []).length, { timeout: 60_000 }).toBeGreaterThan(0);

  await page.keyboard.press("/");
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type("payment");
  await expect(searchBox(page)).toHaveAttribute("aria-expanded", "true");
  const services = results(page).getByRole("group", { name: "Business services" });
  await expect(services.getByRole("option").first()).toContainText("Payment API");
  await expect(services.getByRole("option").first()).toContainText(/Operational|Offline|Downtime/);
  await expect(results(page).getByRole("group", { name: "Components" }).getByRole("option").first()).toContainText("Payments database");
  await expect(page.getByTestId("global-search-status")).toHaveText(/^\d+ results?$/);
  await page.screenshot({ path: "test-results/search-results-1280.png" });

  // Typing `/` in the box is text, not a shortcut.
  await page.keyboard.type("/");
  await expect(searchBox(page)).toHaveValue("payment/");
  await expect(page.getByTestId("global-search-status")).toHaveText("No matches you may see");
  await page.keyboard.press("Backspace");

  await expect(page.getByTestId("global-search-results")).toHaveAttribute("data-query", "payment");
  await page.keyboard.press("ArrowDown");
  const first = services.getByRole("option").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(searchBox(page)).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await page.keyboard.press("ArrowDown");
  await expect(first).toHaveAttribute("aria-selected", "false");
  await page.keyboard.press("ArrowUp");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/bsm\/service\/\d+$/);
  await expect(page.locator("main").getByText("Payment API", { exact: true }).first()).toBeVisible();

  // Escape closes the list; the box keeps what was typed.
  await page.keyboard.press("/");
  await page.keyboard.type("web-");
  await expect(results(page).getByRole("group", { name: "Hosts" }).getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(searchBox(page)).toHaveAttribute("aria-expanded", "false");
  await expect(results(page)).toBeHidden();
  await expect(searchBox(page)).toHaveValue("web-");

  const phone = await signedIn(browser, DEMO_VIEWER, { width: 390, height: 844 });
  await searchBox(phone).fill("Pay");
  await expect(results(phone).getByRole("option").first()).toBeVisible();
  await expect(phone.getByTestId("global-search-status")).toHaveText(/^\d+ results?$/);
  const box = await results(phone).boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await phone.screenshot({ path: "test-results/search-results-390.png" });
  await page.context().close();
  await phone.context().close();
});

test("a role that sees one host group finds none of the other hosts or their checks", async ({ browser }) => {
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/admin");
  const roleEditor = admin.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill("Search: EU web only");
  await roleEditor.getByLabel(/^Host groups/).fill("Production / EU / Web");
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  await expect(admin.getByTestId("role-list").getByRole("link", { name: /Search: EU web only/ })).toBeVisible();
  const newUser = admin.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(EU_WEB_USER.email);
  await newUser.getByLabel("Name").fill(EU_WEB_USER.name);
  await newUser.getByLabel("Password").fill(EU_WEB_USER.password);
  await newUser.getByLabel("Role").selectOption({ label: "Search: EU web only" });
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("user-row").filter({ hasText: EU_WEB_USER.email })).toBeVisible();
  // The administrator does find US web hosts and database hosts, and their checks.
  const adminFinds = await (await admin.request.get("/api/search?q=web-us")).json();
  expect(adminFinds.host.length).toBeGreaterThan(0);
  expect((await (await admin.request.get("/api/search?q=MySQL")).json()).check.length).toBeGreaterThan(0);

  const user = await signedIn(browser, EU_WEB_USER);
  await searchBox(user).fill("web-");
  const hosts = results(user).getByRole("group", { name: "Hosts" }).getByRole("option");
  await expect(hosts.first()).toBeVisible();
  for (const text of await hosts.allTextContents()) expect(text).toMatch(/^web-eu-/);
  await searchBox(user).fill("web-us");
  await expect(user.getByTestId("global-search-status")).toHaveText("No matches you may see");
  await user.screenshot({ path: "test-results/search-no-match-1280.png" });
  // Nor through the API, nor the checks of hosts it may not see.
  expect((await (await user.request.get("/api/search?q=web-us")).json()).host).toEqual([]);
  expect((await (await user.request.get("/api/search?q=MySQL")).json()).check).toEqual([]);
  const tooLong = await user.request.get(`/api/search?q=${"x".repeat(101)}`);
  expect(tooLong.status()).toBe(400);
  expect(await tooLong.json()).toEqual({ error: "q (what to search for) must be at most 100 characters" });
});
