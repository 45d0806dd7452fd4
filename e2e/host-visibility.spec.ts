import { expect, test, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./settings";
import { signIn } from "./helpers";

// Two roles made in the admin screen: one sees one business service top down only (no host group,
// no keyword) and may configure components; the other has no BSM access at all.
const TOP_DOWN_USER = { email: "top-down@bsm.local", password: "top-down-password", name: "Top down" } as const;
const NO_BSM_USER = { email: "no-bsm@bsm.local", password: "no-bsm-password", name: "No BSM" } as const;
const BASE = `http://localhost:${E2E_PORT}`;

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, credentials: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, credentials);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  return page;
}

async function createRoleAndUser(
  admin: Page,
  roleName: string,
  user: { email: string; password: string; name: string },
  setUp: (roleEditor: ReturnType<Page["getByRole"]>) => Promise<void>,
) {
  await admin.goto("/admin");
  const roleEditor = admin.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill(roleName);
  await setUp(roleEditor);
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  await expect(admin.getByTestId("role-list").getByRole("link", { name: new RegExp(roleName) })).toBeVisible();
  const newUser = admin.getByRole("region", { name: "New user" });
  await newUser.getByLabel("E-mail").fill(user.email);
  await newUser.getByLabel("Name").fill(user.name);
  await newUser.getByLabel("Password").fill(user.password);
  await newUser.getByLabel("Role").selectOption({ label: roleName });
  await newUser.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByTestId("user-row").filter({ hasText: user.email })).toBeVisible();
}

let serviceName = "";

test("an administrator makes a top-down role with one service and a role without BSM access", async ({ browser }) => {
  const admin = await signedIn(browser, E2E_ADMIN);
  // The simulated estate's services exist once the server has set it up.
  await expect
    .poll(async () => ((await (await admin.request.get("/api/status/bsmservice?rows=1000")).json()).list as { name: string }[]).length, { timeout: 60_000 })
    .toBeGreaterThan(0);
  // A service whose components all have hosts (a component without hosts has none to hide).
  const services = (await (await admin.request.get("/api/config/bsmservice")).json()).list as { name: string; components: { hostsCount: number | null }[] }[];
  serviceName = services.find((service) => service.components.length > 0 && service.components.every((component) => (component.hostsCount ?? 0) > 0))!.name;
  await createRoleAndUser(admin, "Top down one service", TOP_DOWN_USER, async (roleEditor) => {
    await roleEditor.getByRole("checkbox", { name: /^CONFIGUREBSMCOMPONENTS / }).check();
    await roleEditor.getByLabel(`Authorised for ${serviceName}`).check();
  });
  await createRoleAndUser(admin, "No BSM access", NO_BSM_USER, async (roleEditor) => {
    await roleEditor.getByRole("checkbox", { name: /^BSM access / }).uncheck();
    await roleEditor.getByRole("checkbox", { name: /^VIEWALL / }).check();
  });
});

test("a user who sees a component only top down gets no host names or states from the API, and cannot change it", async ({ browser }) => {
  const user = await signedIn(browser, TOP_DOWN_USER);
  const components = (await (await user.request.get("/api/status/bsmcomponent?rows=1000")).json()).list as { id: string; name: string; hosts_total: number }[];
  expect(components.length).toBeGreaterThan(0);
  const component = components.find((entry) => entry.hosts_total > 0)!;

  const hosts = await user.request.get(`/api/status/bsmhost?cid=${component.id}`);
  expect(hosts.status()).toBe(403);
  expect(await hosts.json()).toEqual({ error: "You do not have access to the hosts of this component" });

  const configured = (await (await user.request.get("/api/config/bsmcomponent")).json()).list as { id: number; hostsVisible: boolean; hosts: unknown[]; hostsCount: number }[];
  expect(configured.length).toBe(components.length);
  // A component without hosts (another spec makes one) has none to hide: it is seen bottom up by everyone.
  const withHosts = configured.filter((entry) => entry.hostsCount > 0);
  expect(withHosts.map((entry) => entry.id)).toContain(Number(component.id));
  for (const entry of withHosts) expect(entry, JSON.stringify(entry)).toMatchObject({ hostsVisible: false, hosts: [] });
  const single = await user.request.get(`/api/config/bsmcomponent/${component.id}`);
  expect(await single.json()).toMatchObject({ hostsVisible: false, hosts: [], editRefusal: "you do not have access to all of its hosts" });

  const rename = await user.request.put(`/api/config/bsmcomponent/${component.id}`, {
    headers: { origin: BASE },
    data: { name: "Taken over", hostTemplateId: 1, hostIds: [], requiredOnline: 0 },
  });
  expect(rename.status()).toBe(403);
  expect(await rename.json()).toEqual({ error: `You cannot change ${component.name}: you do not have access to all of its hosts` });
  const removal = await user.request.delete(`/api/config/bsmcomponent/${component.id}`, { headers: { origin: BASE } });
  expect(removal.status()).toBe(403);
  expect(await removal.json()).toEqual({ error: `You cannot delete ${component.name}: you do not have access to all of its hosts` });

  await user.goto(`/configure/components?id=${component.id}`);
  const editor = user.getByRole("region", { name: "Component editor" });
  await expect(editor.getByTestId("edit-refusal")).toHaveText("You cannot change or delete this component: you do not have access to all of its hosts.");
  await expect(editor.getByRole("button", { name: /Save component|Delete/ })).toHaveCount(0);
  await user.screenshot({ path: "e2e/artifacts/configure-top-down.png", fullPage: true });

  // The estate has hosts; this user may see none of them, and the tables say exactly that.
  await user.goto("/overview");
  await expect(user.getByText("There are no hosts you may see.")).toBeVisible();
  await user.goto("/hosts");
  await expect(user.getByText("There are no host elements you may see.")).toBeVisible();
});

test("a user without BSM access sees no BSM navigation and no estate counts", async ({ browser }) => {
  const user = await signedIn(browser, NO_BSM_USER);
  const nav = user.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(nav.getByRole("link")).toHaveText(["Account", "Settings"]);
  await user.goto("/");
  await expect(user.getByText("Your role has no BSM access")).toBeVisible();
  await expect(user.getByRole("region", { name: "Configured objects" })).toHaveCount(0);
  await expect(user.getByTestId("source-banner")).toContainText("Simulated data.");
  await expect(user.getByTestId("source-banner")).not.toContainText(/\d+ hosts/);
  await user.goto("/settings");
  await expect(user.getByTestId("poller-status")).not.toContainText(/\d+ hosts/);
  // What the last poll cycle cost is shown wherever the poller's status is.
  await expect(user.getByTestId("poller-cycle-cost")).toHaveText(/^read \d+ ms, evaluate \d+ ms, store \d+ ms$/);
  await expect(nav.getByRole("link")).toHaveText(["Account", "Settings"]);
});
