import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./settings";
import { signIn } from "./helpers";

// Issue 15 points 5 (dark mode) and 6 (one way to show time), signed in as the administrator.

// Page loads, sign-in and saves wait on a machine that may be busy; what is checked does not depend on time.
const expect = baseExpect.configure({ timeout: 20_000 });

const ISO_8601 = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SCREENSHOT_SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 3840, height: 2160 },
];

async function signInAsAdmin(page: Page) {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

/** The main pages, with a Service and a Component view of the demo estate. */
async function mainPages(page: Page): Promise<string[]> {
  await page.goto("/summary");
  const serviceId = await page.getByTestId("service-tile").first().getAttribute("data-service-id");
  await page.goto(`/bsm/service/${serviceId}`);
  const componentId = await page.getByTestId("component-layer").first().getAttribute("data-component-id");
  return ["/", "/summary", `/bsm/service/${serviceId}`, `/bsm/component/${componentId}`, "/overview", "/hosts", "/configure", "/account", "/settings"];
}

/** Opens a page and waits until its content (and any chart) is drawn; the event stream keeps the network busy, so no networkidle. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main h1, main h2").first()).toBeVisible();
  await page.waitForLoadState("load");
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`));
}

async function setPreferences(page: Page, { theme, timeZone }: { theme: "System" | "Light" | "Dark"; timeZone: string }) {
  await open(page, "/account");
  await page.getByRole("radio", { name: new RegExp(`^${theme}`) }).check();
  await page.getByLabel("Time zone").selectOption(timeZone);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preferences saved." })).toBeVisible();
}

test("main pages meet WCAG 2 A/AA in light and dark, and show no raw ISO timestamps", async ({ page }) => {
  test.setTimeout(300_000);
  await signInAsAdmin(page);
  const pages = await mainPages(page);
  const found: string[] = [];
  for (const path of pages) {
    await open(page, path);
    const text = await page.evaluate(() => document.body.innerText);
    if (ISO_8601.test(text)) found.push(`${path} shows an ISO timestamp: ${text.match(ISO_8601)![0]}`);
    // The user's choice is System (the default), so the page follows the emulated device setting, without a reload.
    const backgrounds = new Set<string>();
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(colorScheme === "dark");
      backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      found.push(...(await axeViolations(page)).map((violation) => `${colorScheme} ${path} ${violation}`));
    }
    expect(backgrounds.size, `${path} looks the same in light and dark`).toBe(2);
    await page.screenshot({ path: `test-results/themes/dark-page${path === "/" ? "-home" : path.replaceAll("/", "-")}.png` });
  }
  expect(found).toEqual([]);
});

test("dark screenshots of the Summary and a Service view at desktop, phone and wall-screen sizes", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const pages = await mainPages(page);
  await page.emulateMedia({ colorScheme: "dark" });
  for (const path of pages.slice(1, 3)) {
    for (const size of SCREENSHOT_SIZES) {
      await page.setViewportSize(size);
      await open(page, path);
      const name = path === "/summary" ? "summary" : "service";
      await page.screenshot({ path: `test-results/themes/dark-${name}-${size.width}x${size.height}.png`, fullPage: size.width < 3000 });
    }
  }
});

test("the theme chosen in the header is saved on the user: it survives a reload and comes with the first HTML", async ({ page }) => {
  await signInAsAdmin(page);
  await page.emulateMedia({ colorScheme: "light" });
  await open(page, "/summary");
  const html = page.locator("html");
  const toggle = page.getByTestId("theme-toggle");
  await expect(html).toHaveAttribute("data-theme", "system");
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.click(); // System → Light
  await expect(toggle).toHaveAttribute("data-theme-choice", "light");
  await toggle.click(); // Light → Dark
  await expect(toggle).toHaveAttribute("data-theme-choice", "dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  // Dark although the device says light: the user's choice wins.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(lightBackground);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(toggle).toHaveAttribute("data-theme-choice", "dark");
  const served = await (await page.request.get("/summary")).text();
  expect(served).toMatch(/<html[^>]*data-theme="dark"/);
  await page.screenshot({ path: "test-results/themes/dark-chosen-summary-1280x800.png" });

  await setPreferences(page, { theme: "System", timeZone: "" });
  await expect(html).toHaveAttribute("data-theme", "system");
  await page.reload();
  await expect(toggle).toHaveAttribute("data-theme-choice", "system");
});

test("the time zone chosen on Account changes the times shown; Browser default goes back to the browser's zone", async ({ page }) => {
  await signInAsAdmin(page);
  const firstTime = async () => {
    await open(page, "/settings");
    const time = page.locator("main time").first();
    await expect(time).toBeVisible();
    return { text: await time.innerText(), title: await time.getAttribute("title") };
  };

  await setPreferences(page, { theme: "System", timeZone: "Asia/Tokyo" });
  const tokyo = await firstTime();
  expect(tokyo.title).toContain("GMT+9");
  await setPreferences(page, { theme: "System", timeZone: "America/New_York" });
  const newYork = await firstTime();
  expect(newYork.title).toMatch(/EST|EDT|GMT-[45]/);
  expect(newYork.text).not.toBe(tokyo.text);

  await setPreferences(page, { theme: "System", timeZone: "" });
  const browser = await firstTime();
  expect(browser.title).toContain(await page.evaluate(() => new Intl.DateTimeFormat("en-GB", { timeZoneName: "short" }).formatToParts(Date.now()).find((part) => part.type === "timeZoneName")!.value));
});
