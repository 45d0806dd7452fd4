import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./settings";
import { setReflectionMode, signIn } from "./helpers";

// Issue 19 parts 2–3 in the browser: acknowledge and schedule downtime through the simulated source
// (polled every second by the e2e server): Pending… until the poll reports it back, then Confirmed.

// Sign-in, pages and the source's round trip wait on a machine that may be busy.
const expect = baseExpect.configure({ timeout: 30_000 });
const SHOTS = "test-results/source-actions";
const NO_ACTIONS_USER = { email: "no-actions@bsm.local", password: "no-actions-password", name: "Viewer without actions" } as const;

test.describe.configure({ mode: "serial" });
mkdirSync(SHOTS, { recursive: true });

interface ComponentRow {
  id: string;
  hosts_failed: number;
  hosts_acknowledged: number;
}

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  return page;
}

/**
 * Opens the Component view of a component that has a failed host (unacknowledged when asked) and
 * returns that host's card. The simulated estate fails and recovers hosts all the time, so it looks again until one is found.
 */
async function failedHostCard(page: Page, { unacknowledged }: { unacknowledged: boolean }): Promise<{ card: Locator; host: string }> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const { list } = (await (await page.request.get("/api/status/bsmcomponent?rows=1000")).json()) as { list: ComponentRow[] };
    const candidates = list.filter((row) => row.hosts_failed > (unacknowledged ? row.hosts_acknowledged : 0));
    for (const component of candidates.slice(0, 3)) {
      await page.goto(`/bsm/component/${component.id}`);
      await expect(page.locator("[data-source-actions]")).not.toHaveAttribute("data-source-actions", "asking");
      let cards = page.locator('[data-testid=component-host][data-state="FAILED"]');
      if (unacknowledged) cards = cards.filter({ hasNot: page.getByTestId("acknowledged-mark") });
      if ((await cards.count()) > 0) {
        const host = (await cards.first().getAttribute("data-host"))!;
        return { card: page.locator(`[data-testid=component-host][data-host="${host}"]`), host };
      }
    }
    await page.waitForTimeout(1_000);
  }
  throw new Error("no failed host found in the simulated estate");
}

/** Records every text the actions' status lines show from now on (Pending… can last less than a poll). */
async function recordStatuses(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
    const note = () => {
      for (const element of document.querySelectorAll("[data-testid=source-action-status]")) {
        const text = element.textContent ?? "";
        if (seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** WCAG 2 A/AA problems on the page as it stands (dialog open or list shown). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`));
}

const statusesSeen = (page: Page) => page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);

test("an administrator acknowledges a failed host's checks from the Component view: Pending, then Confirmed, and the host is marked acknowledged", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  const { card, host } = await failedHostCard(page, { unacknowledged: true });
  // The host's menu offers the same actions after its links.
  await card.getByRole("button", { name: new RegExp(`^Host ${host}:`) }).click();
  const menu = page.getByRole("menu", { name: new RegExp(`^Host ${host}:`) });
  await expect(menu.getByRole("menuitem")).toHaveText(["Investigate", "Open component view", "Acknowledge…", "Schedule downtime…"]);
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  await card.getByRole("group", { name: `Actions for ${host}` }).getByRole("button", { name: /^Acknowledge / }).click();
  const dialog = page.getByRole("dialog", { name: "Acknowledge" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("source-action-targets")).toHaveText(`${host} (its failing checks)`);
  await expect(dialog.getByLabel("Sticky")).toBeChecked();
  await dialog.getByLabel("Comment").fill("Looking into it (e2e)");
  await dialog.getByRole("button", { name: "In 4 h" }).click();
  await expect(dialog.getByLabel("Expires (optional)")).not.toHaveValue("");
  await dialog.screenshot({ path: `${SHOTS}/acknowledge-dialog-light.png` });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(page)).toEqual([]);
  await dialog.screenshot({ path: `${SHOTS}/acknowledge-dialog-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });

  await recordStatuses(page);
  await dialog.getByRole("button", { name: "Acknowledge", exact: true }).click();
  await expect(dialog).toBeHidden();
  const action = page.getByTestId("recent-source-actions").getByTestId("source-action").first();
  await expect(action).toContainText(`Acknowledge: ${host} (its failing checks)`);
  await expect(action.getByTestId("source-action-status")).toHaveText("Confirmed by the source", { timeout: 90_000 });
  const seen = await statusesSeen(page);
  expect(seen[0], `statuses seen: ${seen.join(" → ")}`).toMatch(/^Pending…/);
  expect(seen.at(-1)).toBe("Confirmed by the source");

  // The view follows the poll: the host carries the acknowledged mark, its checks say so.
  await expect(card.getByTestId("acknowledged-mark")).toBeVisible();
  await expect(card.getByRole("list", { name: `Failing checks on ${host}` })).toContainText("acknowledged");
  await page.getByTestId("recent-source-actions").screenshot({ path: `${SHOTS}/recent-actions-light.png` });
  expect(await axeViolations(page)).toEqual([]);
});

test("an administrator schedules downtime for a failed host from the Service view's selection: Confirmed, and the host shows DOWNTIME", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  const { host } = await failedHostCard(page, { unacknowledged: false });
  // A business service using the component, by its menu.
  const serviceMenu = page.getByRole("button", { name: /^Business service / }).first();
  await serviceMenu.click();
  await page.getByRole("menuitem", { name: "Open service view" }).click();
  await expect(page.getByTestId("service-view")).toBeVisible();

  const selection = page.getByTestId("service-host-selection");
  await selection.locator("summary").click();
  // A host in two of the service's components is listed under each; either box selects it.
  await selection.getByRole("checkbox", { name: new RegExp(`^${host} `) }).first().check();
  await expect(selection.locator("summary")).toContainText("1 selected");
  await selection.screenshot({ path: `${SHOTS}/service-host-selection-light.png` });
  await selection.getByRole("button", { name: /^Schedule downtime for 1 / }).click();

  const dialog = page.getByRole("dialog", { name: "Schedule downtime" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "2 h" }).click();
  await expect(dialog).toContainText("lasts 2 h 0 min");
  await dialog.getByLabel("Comment").fill("Replacing a disk (e2e)");
  await dialog.screenshot({ path: `${SHOTS}/downtime-dialog-light.png` });
  await dialog.getByRole("button", { name: "Schedule downtime", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(selection.getByRole("checkbox", { checked: true })).toHaveCount(0);

  const action = page.getByTestId("recent-source-actions").getByTestId("source-action").first();
  await expect(action).toContainText(`Schedule downtime: ${host} and all its checks`);
  await expect(action.getByTestId("source-action-status")).toHaveText("Confirmed by the source", { timeout: 90_000 });
  await expect(page.locator(`[data-testid=host-box][data-host="${host}"]`).first()).toHaveAttribute("data-state", "DOWNTIME");

  // The same list in dark and at phone width, with the dialog open over it.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.getByTestId("recent-source-actions").screenshot({ path: `${SHOTS}/recent-actions-dark.png` });
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId("recent-source-actions").screenshot({ path: `${SHOTS}/recent-actions-phone-dark.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: `${SHOTS}/service-view-phone.png` });
});

test("the downtime dialog of the Investigate view shows a field error when the end is before the start, and keeps what was typed", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  const { card, host } = await failedHostCard(page, { unacknowledged: false });
  // From the host's Investigate view, by its menu.
  await card.getByRole("button", { name: new RegExp(`^Host ${host}:`) }).click();
  await page.getByRole("menuitem", { name: "Investigate" }).click();
  await expect(page.getByTestId("investigate-view")).toBeVisible();
  await page.getByRole("group", { name: `Actions for ${host}` }).getByRole("button", { name: /^Schedule downtime / }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule downtime" });
  await dialog.getByLabel("Start").fill("2030-01-01T10:00");
  await dialog.getByLabel("End").fill("2030-01-01T09:00");
  await dialog.getByLabel("Comment").fill("Backwards (e2e)");
  await dialog.getByRole("button", { name: "Schedule downtime", exact: true }).click();
  const error = dialog.locator("[data-field-error=endAt]");
  await expect(error).toBeVisible();
  await expect(dialog.getByLabel("End")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Comment")).toHaveValue("Backwards (e2e)");
  await dialog.screenshot({ path: `${SHOTS}/downtime-field-error-light.png` });
  await page.emulateMedia({ colorScheme: "dark" });
  await dialog.screenshot({ path: `${SHOTS}/downtime-field-error-dark.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/downtime-dialog-phone-dark.png` });

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("on a host element's page a check's downtime is confirmed and the page shows the check in downtime", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
  // A host element of its own (Manual mode: export on, Reflect), removed again at the end as it came.
  await setReflectionMode(page, "Manual");
  await page.goto("/overview?q=lb-&sort=host&dir=asc");
  const hosts = await page.locator("[data-testid=overview-table] tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-host")!));
  const reflect = async (name: string, on: boolean) => {
    await page.goto("/overview?q=lb-&sort=host&dir=asc");
    const hostRow = page.locator(`[data-testid=overview-table] tr[data-host="${name}"]`);
    const toggle = hostRow.getByRole("switch", { name: `Export ${name}` });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", on ? "true" : "false");
    await hostRow.getByRole("button", { name: `Reflect ${name}` }).click();
    await expect(hostRow.getByRole("link", { name: "Element" })).toHaveCount(on ? 1 : 0);
  };
  // The simulation puts hosts into downtime of its own at random: take a host that is not wholly in one.
  let host: string | undefined;
  for (const candidate of hosts.reverse().slice(0, 4)) {
    await reflect(candidate, true);
    await page.goto(`/hosts/${encodeURIComponent(candidate)}`);
    // The page is ready to act on once each check has its button (Downtime, or End downtime while in one);
    // from then on whether the host's own is offered is known. A fixed wait mistook a slow page for a host in downtime.
    await expect(page.getByTestId("host-checks").getByRole("button", { name: /^(Downtime|End downtime) / }).first()).toBeVisible();
    const offered = page.getByRole("group", { name: `Actions for ${candidate}` }).getByRole("button", { name: /^Schedule downtime / });
    if ((await offered.count()) > 0) {
      host = candidate;
      break;
    }
    await reflect(candidate, false);
  }
  expect(host, "a load balancer not wholly in downtime").toBeDefined();
  if (host === undefined) return;
  const checkRow = page.getByTestId("host-checks").locator("tbody tr").filter({ hasNot: page.getByText("in downtime") }).first();
  const check = (await checkRow.locator("td").first().textContent())!;
  await checkRow.getByRole("button", { name: `Downtime ${check} on ${host}` }).click();
  const dialog = page.getByRole("dialog", { name: "Schedule downtime" });
  await expect(dialog.getByTestId("source-action-targets")).toHaveText(`${check} on ${host}`);
  await dialog.getByRole("button", { name: "1 h" }).click();
  await dialog.getByLabel("Comment").fill("Replacing the load balancer (e2e)");
  await dialog.getByRole("button", { name: "Schedule downtime", exact: true }).click();
  const action = page.getByTestId("recent-source-actions").getByTestId("source-action").first();
  await expect(action.getByTestId("source-action-status")).toHaveText("Confirmed by the source", { timeout: 90_000 });
  // The page is drawn on the server: it is drawn again once the source has confirmed.
  await expect(page.getByTestId("host-checks").locator("tbody tr").filter({ hasText: check }).first()).toContainText("in downtime");
  await page.screenshot({ path: `${SHOTS}/host-page.png`, fullPage: true });

  await reflect(host, false);
});

test("a user whose role lacks ACTIONBSM sees no action buttons or menu entries", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const roleEditor = page.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill(NO_ACTIONS_USER.name);
  await roleEditor.getByRole("checkbox", { name: /^VIEWALL / }).check();
  await roleEditor.getByRole("checkbox", { name: /^View All business services / }).check();
  await expect(roleEditor.getByRole("checkbox", { name: /^ACTIONBSM / })).not.toBeChecked();
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByTestId("role-list").getByRole("link", { name: new RegExp(NO_ACTIONS_USER.name) })).toBeVisible();
  const newUser = page.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(NO_ACTIONS_USER.email);
  await newUser.getByLabel("Name").fill(NO_ACTIONS_USER.name);
  await newUser.getByLabel("Password").fill(NO_ACTIONS_USER.password);
  await newUser.getByLabel("Role").selectOption({ label: NO_ACTIONS_USER.name });
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("user-row").filter({ hasText: NO_ACTIONS_USER.email })).toBeVisible();

  const viewer = await signedIn(browser, NO_ACTIONS_USER);
  const { card, host } = await failedHostCard(viewer, { unacknowledged: false });
  await expect(viewer.locator("[data-source-actions]")).toHaveAttribute("data-source-actions", "cannot-act");
  await expect(viewer.getByTestId("source-action-button")).toHaveCount(0);
  await expect(viewer.getByTestId("source-actions-unavailable")).toHaveCount(0);
  await card.getByRole("button", { name: new RegExp(`^Host ${host}:`) }).click();
  await expect(viewer.getByRole("menuitem", { name: "Investigate" })).toBeVisible();
  await expect(viewer.getByRole("menuitem", { name: /Acknowledge|downtime/ })).toHaveCount(0);

  await viewer.getByRole("menuitem", { name: "Investigate" }).click();
  await expect(viewer.getByTestId("investigate-view")).toBeVisible();
  await expect(viewer.locator("[data-source-actions]")).toHaveAttribute("data-source-actions", "cannot-act");
  await expect(viewer.getByTestId("source-action-button")).toHaveCount(0);
  // Refused on the server too, whatever the page shows.
  const refused = await viewer.request.post("/api/actions/acknowledge", { data: { targets: [{ host }], comment: "not allowed" }, headers: { origin: new URL(viewer.url()).origin } });
  expect(refused.status()).toBe(403);
});
