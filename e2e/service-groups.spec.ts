import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./settings";
import { signIn } from "./helpers";

// A role with host groups but only some service groups: a component is visible only when every
// check of every one of its hosts is in a granted service group (the host group/service group intersection).
const ROLE = "Some service groups only";
const USER = { email: "some-groups@bsm.local", password: "some-groups-password", name: "Some groups viewer" } as const;

test.describe.configure({ mode: "serial" });

interface ConfigComponent {
  id: number;
  name: string;
  hostTemplate: { name: string };
  hosts: { name: string }[];
}
interface ConfigService {
  id: number;
  name: string;
  components: { id: number; name: string }[];
}
interface HostFacts {
  hostGroups: string[];
  checkServiceGroups: string[][];
}

/** Chosen by reading the estate through the app in the first test; used by the others. */
let chosen: { service: ConfigService; visible: ConfigComponent; hidden: ConfigComponent; hostGroups: string[]; serviceGroups: string[] };

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page;
}

/** Makes the host's element (export on, Reflect) so its page exists, then reads its host groups and its checks' service groups there. */
async function readHost(page: Page, host: string): Promise<HostFacts> {
  await page.goto(`/overview?q=${encodeURIComponent(host)}&sort=host&dir=asc`);
  const row = page.locator(`[data-testid=overview-table] tr[data-host="${host}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  const element = row.getByRole("link", { name: "Element" });
  if ((await element.count()) === 0) {
    const toggle = row.getByRole("switch", { name: `Export ${host}` });
    const reflect = row.getByRole("button", { name: `Reflect ${host}` });
    if ((await toggle.getAttribute("aria-checked")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "true");
    // The export change is a server action; under the busy poller it can take a while to land.
    await expect(reflect).toBeEnabled({ timeout: 30_000 });
    await reflect.click();
    await expect(element).toBeVisible({ timeout: 30_000 });
  }
  await page.goto(`/hosts/${encodeURIComponent(host)}`);
  const summary = page.getByTestId("host-element-summary");
  await expect(summary).toBeVisible();
  const hostGroups = (await summary.locator("dt", { hasText: "Host groups" }).locator("xpath=following-sibling::dd[1]").textContent())!
    .split(",")
    .map((group) => group.trim())
    .filter(Boolean);
  const cells = await page.getByTestId("check-service-groups").allTextContents();
  expect(cells.length, `checks of ${host}`).toBeGreaterThan(0);
  return { hostGroups, checkServiceGroups: cells.map((cell) => (cell.trim() === "—" ? [] : cell.split(",").map((group) => group.trim()))) };
}

test("an administrator gives a role a host group but only the service groups of one component's checks", async ({ browser }) => {
  // Reading hosts through their pages means reflecting each one first.
  test.setTimeout(240_000);
  const admin = await signedIn(browser, E2E_ADMIN);
  const components = (await (await admin.request.get("/api/config/bsmcomponent")).json()).list as ConfigComponent[];
  const services = (await (await admin.request.get("/api/config/bsmservice")).json()).list as ConfigService[];
  const byId = new Map(components.map((component) => [component.id, component]));

  // Host pages exist for host elements, which only host types with an export state can have: turn those ON.
  await admin.goto("/settings/export");
  const exportable: string[] = [];
  for (const row of await admin.locator("[data-testid=export-settings-table] tr[data-host-type]").all()) {
    // NA types (message queues) stay as they are.
    if ((await row.getByRole("button", { name: "NA" }).getAttribute("aria-pressed")) === "true") continue;
    const on = row.getByRole("button", { name: "ON" });
    if ((await on.getAttribute("aria-pressed")) !== "true") await on.click();
    await expect(on).toHaveAttribute("aria-pressed", "true");
    exportable.push((await row.getAttribute("data-host-type"))!);
  }
  const readable = (id: number) => exportable.includes(byId.get(id)!.hostTemplate.name);

  // The smallest component that shares a business service with a component of another host template.
  const pairs = services.flatMap((service) =>
    service.components.filter(({ id }) => readable(id)).flatMap(({ id }) =>
      service.components
        .filter((other) => readable(other.id) && byId.get(other.id)!.hostTemplate.name !== byId.get(id)!.hostTemplate.name)
        .map((other) => ({ service, visible: byId.get(id)!, hidden: byId.get(other.id)! })),
    ),
  );
  pairs.sort((a, b) => a.visible.hosts.length - b.visible.hosts.length || a.hidden.hosts.length - b.hidden.hosts.length);

  // The first pair where the other component has a check outside the groups of the first one's checks.
  const facts = new Map<string, HostFacts>();
  const read = async (host: string) => facts.get(host) ?? facts.set(host, await readHost(admin, host)).get(host)!;
  for (const { service, visible, hidden } of pairs) {
    const visibleHosts: HostFacts[] = [];
    for (const host of visible.hosts) visibleHosts.push(await read(host.name));
    const hiddenHost = await read(hidden.hosts[0].name);
    const serviceGroups = [...new Set(visibleHosts.flatMap((host) => host.checkServiceGroups.flat()))].sort();
    if (!hiddenHost.checkServiceGroups.some((groups) => !groups.some((group) => serviceGroups.includes(group)))) continue;
    expect(visibleHosts.every((host) => host.checkServiceGroups.every((groups) => groups.length > 0))).toBe(true);
    const hostGroups = [...new Set([...visibleHosts.flatMap((host) => host.hostGroups), ...hiddenHost.hostGroups])].sort();
    chosen = { service, visible, hidden, hostGroups, serviceGroups };
    break;
  }
  expect(chosen, "a component with a check in a service group the other's checks are not in").toBeDefined();
  const { hostGroups, serviceGroups } = chosen;

  await admin.goto("/admin");
  const roleEditor = admin.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill(ROLE);
  await roleEditor.getByLabel("Grant permissions to Business Services").check();
  await roleEditor.getByLabel("Host groups").fill(hostGroups.join("\n"));
  const allServiceGroups = roleEditor.getByRole("checkbox", { name: /^All service groups/ });
  await expect(allServiceGroups).toBeChecked();
  await allServiceGroups.uncheck();
  const choices = roleEditor.getByRole("group", { name: "Chosen service groups" });
  // Nothing chosen is refused with a message at the field.
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  await expect(roleEditor.locator("#role-service-groups-error")).toHaveText("choose at least one service group, or tick All service groups");
  for (const group of serviceGroups) await choices.getByRole("checkbox", { name: group, exact: true }).check();
  await admin.screenshot({ path: "e2e/artifacts/service-groups-role.png", fullPage: true });
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  const listed = admin.getByTestId("role-list").getByRole("link", { name: new RegExp(ROLE) });
  await expect(listed).toContainText(`Service groups: ${serviceGroups.join(", ")}`);

  const newUser = admin.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(USER.email);
  await newUser.getByLabel("Name").fill(USER.name);
  await newUser.getByLabel("Password").fill(USER.password);
  await newUser.getByLabel("Role").selectOption({ label: ROLE });
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("user-row").filter({ hasText: USER.email })).toBeVisible();
});

test("the user sees the component whose checks are all in granted groups, not the one with a check outside them", async ({ browser }) => {
  const { service, visible, hidden } = chosen;
  const user = await signedIn(browser, USER);

  const components = (await (await user.request.get("/api/status/bsmcomponent?rows=1000")).json()).list as { id: string; name: string }[];
  const names = components.map((component) => component.name);
  expect(names).toContain(visible.name);
  expect(names).not.toContain(hidden.name);
  expect((await user.request.get(`/api/status/bsmhost?cid=${hidden.id}`)).status()).toBe(404);

  // Summary: the service shows through the component ("Grant permissions to Business Services").
  await user.goto("/summary");
  await expect(user.getByTestId("summary")).toContainText(service.name, { timeout: 30_000 });

  // Service view: the visible component's layer, the other one hidden.
  await user.goto(`/bsm/service/${service.id}`);
  const view = user.getByTestId("service-view");
  await expect(view.getByRole("region", { name: `Component ${visible.name}`, exact: true })).toBeVisible();
  await expect(view.getByRole("region", { name: `Component ${hidden.name}`, exact: true })).toHaveCount(0);
  await expect(view.getByTestId("component-layer-hidden").first()).toBeVisible();
  await user.screenshot({ path: "e2e/artifacts/service-groups-service-view.png", fullPage: true });

  expect((await user.goto(`/bsm/component/${hidden.id}`))?.status()).toBe(404);
});

test("ticking All service groups again shows the other component too: only service groups hid it", async ({ browser }) => {
  const admin = await signedIn(browser, E2E_ADMIN);
  await admin.goto("/admin");
  await admin.getByTestId("role-list").getByRole("link", { name: new RegExp(ROLE) }).click();
  const roleEditor = admin.getByRole("region", { name: "Role editor" });
  await expect(roleEditor.getByRole("heading", { name: `Edit role ${ROLE}` })).toBeVisible();
  await roleEditor.getByRole("checkbox", { name: /^All service groups/ }).check();
  await roleEditor.getByRole("button", { name: "Save role" }).click();
  await expect(roleEditor.getByRole("status")).toHaveText("Role saved.");
  await expect(admin.getByTestId("role-list").getByRole("link", { name: new RegExp(ROLE) })).toContainText("Service groups: all");

  const user = await signedIn(browser, USER);
  const names = ((await (await user.request.get("/api/status/bsmcomponent?rows=1000")).json()).list as { name: string }[]).map((component) => component.name);
  expect(names).toContain(chosen.visible.name);
  expect(names).toContain(chosen.hidden.name);
});
