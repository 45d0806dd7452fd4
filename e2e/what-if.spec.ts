import AxeBuilder from "@axe-core/playwright";
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { DEMO_VIEWER, E2E_ADMIN, E2E_PORT } from "./settings";

// What-if (docs/what-if.md): from a Service view, some hosts fail; the service goes OFFLINE in the
// preview; the scenario is saved, opened by its link by a viewer who sees its hosts, refused to one
// who does not, and re-opened by its owner. The estate changes every second, so "before" is whatever
// it is at that moment: the checks are on "after", re-evaluated until the service was not already down.

const expect = baseExpect.configure({ timeout: 20_000 });
const BASE = `http://localhost:${E2E_PORT}`;
const NO_HOSTS_USER = { email: "whatif-no-hosts@bsm.local", password: "whatif-no-hosts-password", name: "No hosts" } as const;
const SCENARIO = `Payments outage ${Date.now()}`;

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, credentials: { email: string; password: string }, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, credentials);
  // Attached, not visible: on a phone it sits in the folded menu.
  await expect(page.getByTestId("signed-in-user")).toBeAttached();
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} ${node.failureSummary ?? ""}`));
}

/** The preview lists `service` going OFFLINE; while the live estate has it down already, evaluate again. */
async function expectServiceGoesOffline(page: Page, service: string, again: () => Promise<unknown>) {
  const row = page.getByTestId("whatif-service").and(page.locator(`[data-name="${service}"]`));
  await baseExpect(async () => {
    if ((await row.count()) === 0) await again();
    await baseExpect(row).toHaveAttribute("data-after", "OFFLINE", { timeout: 3_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  await expect(row).not.toHaveAttribute("data-before", "OFFLINE");
}

let scenarioPath = "";
let serviceName = "";
let componentName = "";

test("from a Service view, failing all hosts of a component takes the service OFFLINE; the scenario is saved", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await signedIn(browser, E2E_ADMIN);
  await expect
    .poll(async () => ((await (await admin.request.get("/api/config/bsmservice")).json()).list as unknown[]).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  const components = (await (await admin.request.get("/api/config/bsmcomponent")).json()).list as { id: number; name: string; requiredOnline: number; hostsCount: number }[];
  const services = (await (await admin.request.get("/api/config/bsmservice")).json()).list as { id: number; name: string; components: { id: number }[] }[];
  const candidates = components.filter((component) => component.requiredOnline >= 1 && component.hostsCount >= 2 && component.hostsCount <= 6);
  const service = services.find((entry) => entry.components.some((member) => candidates.some((component) => component.id === member.id)))!;
  const component = candidates.find((entry) => service.components.some((member) => member.id === entry.id))!;
  serviceName = service.name;
  componentName = component.name;

  await admin.goto(`/bsm/service/${service.id}`);
  await expect(admin.getByTestId("whatif-link")).toHaveAttribute("href", `/bsm/what-if?service=${service.id}`);
  const selection = admin.getByTestId("service-host-selection");
  await selection.locator("summary").click();
  const group = selection.getByRole("group", { name: component.name });
  const boxes = group.getByRole("checkbox");
  await expect(boxes).toHaveCount(component.hostsCount);
  for (const box of await boxes.all()) await box.check();
  await admin.screenshot({ path: "test-results/whatif/service-selection-light-1280.png" });
  await selection.getByRole("button", { name: `What if these ${component.hostsCount} hosts fail…` }).click();
  await admin.waitForURL(/\/bsm\/what-if\?hosts=/);

  await expect(admin.getByTestId("whatif-changes").locator("li")).toHaveCount(component.hostsCount);
  await expectServiceGoesOffline(admin, service.name, () => admin.getByRole("button", { name: "See what happens" }).click());
  const componentRow = admin.getByTestId("whatif-component").and(admin.locator(`[data-name="${component.name}"]`));
  await expect(componentRow).toHaveAttribute("data-after", "FAILED");
  await expect(admin.getByTestId("whatif-headline")).toContainText("go");
  await admin.screenshot({ path: "test-results/whatif/preview-light-1280.png", fullPage: true });

  await admin.getByLabel("Scenario name").fill("");
  await admin.getByRole("button", { name: "Save scenario" }).click();
  await expect(admin.locator('[data-field-error]').filter({ hasText: "is required" })).toBeVisible();
  await admin.getByLabel("Scenario name").fill(SCENARIO);
  await admin.getByRole("button", { name: "Save scenario" }).click();
  await admin.waitForURL(/\/bsm\/what-if\/\d+$/);
  scenarioPath = new URL(admin.url()).pathname;
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(SCENARIO);
  await expect(admin.getByTestId("whatif-share-link")).toHaveValue(`${BASE}${scenarioPath}`);
  await expect(admin.getByRole("button", { name: "Save changes" })).toBeVisible();

  // "Schedule this": the scenario's hosts in the downtime dialog (cancelled here: the estate is shared).
  await admin.getByRole("button", { name: /^Schedule this as downtime / }).click();
  const dialog = admin.getByRole("dialog", { name: "Schedule downtime" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("and all its checks");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
});

test("the demo viewer, who sees every host, opens the shared link and sees it evaluated now", async ({ browser }) => {
  const viewer = await signedIn(browser, DEMO_VIEWER);
  await viewer.goto(scenarioPath);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText(SCENARIO);
  await expect(viewer.getByText(/saved by/).first()).toBeVisible();
  await expectServiceGoesOffline(viewer, serviceName, () => viewer.reload());
  // Not theirs: no Save changes or Delete, a copy of their own instead.
  await expect(viewer.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Save as a new scenario" })).toBeVisible();
  // The demo viewer has no ACTIONBSM: no way to schedule it.
  await expect(viewer.getByRole("button", { name: /^Schedule this/ })).toHaveCount(0);
  const id = scenarioPath.split("/").at(-1);
  const rename = await viewer.request.patch(`/api/whatif/scenarios/${id}`, { headers: { origin: BASE }, data: { name: "Taken over" } });
  expect(rename.status()).toBe(403);
});

test("a user who may not see the scenario's hosts is refused, as if it did not exist", async ({ browser }) => {
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/admin");
  const roleEditor = admin.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill("What-if without hosts");
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  await expect(admin.getByTestId("role-list").getByRole("link", { name: /What-if without hosts/ })).toBeVisible();
  const newUser = admin.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(NO_HOSTS_USER.email);
  await newUser.getByLabel("Name").fill(NO_HOSTS_USER.name);
  await newUser.getByLabel("Password").fill(NO_HOSTS_USER.password);
  await newUser.getByLabel("Role").selectOption({ label: "What-if without hosts" });
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("user-row").filter({ hasText: NO_HOSTS_USER.email })).toBeVisible();

  const user = await signedIn(browser, NO_HOSTS_USER);
  const response = await user.goto(scenarioPath);
  expect(response?.status()).toBe(404);
  const id = scenarioPath.split("/").at(-1);
  const api = await user.request.get(`/api/whatif/scenarios/${id}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: `What-if scenario ${id} not found, or it changes hosts you cannot see` });
  // Its hosts cannot be named in an evaluation either: refused like unknown ones.
  const scenario = (await (await admin.request.get(`/api/whatif/scenarios/${id}`)).json()) as { scenario: { changes: { host: string }[] } };
  const host = scenario.scenario.changes[0]!.host;
  const evaluation = await user.request.post("/api/whatif/evaluate", { headers: { origin: BASE }, data: { changes: [{ host, to: "failed" }] } });
  expect(evaluation.status()).toBe(400);
  expect(await evaluation.json()).toMatchObject({ fieldErrors: { "changes.0.host": `Unknown host: ${host} (it is in no component)` } });
});

test("the owner re-opens it from the list, evaluated again; light, dark and phone screenshots; no accessibility violations", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/bsm/what-if");
  await admin.getByTestId("whatif-saved").getByRole("link", { name: SCENARIO }).click();
  await admin.waitForURL(`**${scenarioPath}`);
  await expectServiceGoesOffline(admin, serviceName, () => admin.reload());
  await expect(admin.getByTestId("whatif-component").and(admin.locator(`[data-name="${componentName}"]`))).toHaveAttribute("data-after", "FAILED");

  // The owner renames it; the page shows the new name.
  await admin.getByLabel("Scenario name").fill(`${SCENARIO} (renamed)`);
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(`${SCENARIO} (renamed)`);

  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await admin.emulateMedia({ colorScheme });
    found.push(...(await axeViolations(admin)).map((violation) => `${colorScheme} ${violation}`));
    await admin.screenshot({ path: `test-results/whatif/scenario-${colorScheme}-1280.png`, fullPage: true });
  }
  expect(found).toEqual([]);

  const phone = await signedIn(browser, E2E_ADMIN, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  for (const colorScheme of ["light", "dark"] as const) {
    await phone.emulateMedia({ colorScheme });
    await phone.goto(scenarioPath);
    await expect(phone.getByTestId("whatif-results")).toBeVisible();
    const overflow = await phone.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
    expect(overflow).toBe(0);
    expect(await phone.evaluate(() => /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(document.body.innerText.replace(/https?:\S+/g, "")))).toBe(false);
    await phone.screenshot({ path: `test-results/whatif/scenario-${colorScheme}-390.png`, fullPage: true });
  }
  await phone.goto("/bsm/what-if");
  await phone.screenshot({ path: "test-results/whatif/new-light-390.png", fullPage: true });
});
