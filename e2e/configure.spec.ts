import { expect, test } from "@playwright/test";
import { E2E_ADMIN } from "./settings";
import { signIn } from "./helpers";

test("a configurer builds a business service from scratch in the UI and watches it compute", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Configure" }).click();
  await expect(page).toHaveURL(/\/configure\/components$/);

  // Component: a template in use, hosts of that template, linked sliders.
  const editor = page.getByRole("region", { name: "Component editor" });
  await editor.getByLabel("Name").fill("E2E web tier");
  await editor.getByLabel("Host template").selectOption({ label: "Web" });
  const hostOptions = editor.locator("#component-hosts option");
  await expect(hostOptions.first()).toBeVisible();
  const hostNames = await hostOptions.allTextContents();
  expect(hostNames.every((name) => name.startsWith("web-"))).toBe(true);
  await editor.locator("#component-hosts").selectOption(hostNames.slice(0, 3).map((label) => ({ label })));
  await expect(page.getByTestId("hosts-count")).toHaveText("3");
  await editor.getByLabel("Required Online").fill("2");
  await expect(page.getByTestId("allowed-to-fail-value")).toHaveText("1");
  await expect(page.getByTestId("zone-percent")).toHaveText("66.67%");
  await editor.getByLabel("Allowed to fail").fill("0");
  await expect(page.getByTestId("required-online-value")).toHaveText("3");
  await expect(page.getByTestId("zone-percent")).toHaveText("100%");
  await page.screenshot({ path: "e2e/artifacts/configure-component.png", fullPage: true });
  await editor.getByRole("button", { name: "Create component" }).click();
  await expect(page).toHaveURL(/\/configure\/components\?id=\d+$/);
  await expect(page.getByTestId("component-list").getByRole("link", { name: "E2E web tier" })).toBeVisible();

  // A bad name is refused next to the field.
  await page.getByRole("link", { name: "New component" }).click();
  await editor.getByLabel("Host template").selectOption({ label: "Web" });
  await editor.getByRole("button", { name: "Create component" }).click();
  await expect(editor.locator("#component-name-error")).toHaveText("Enter a name");

  // Business service: drag one component from the drawer, add another by keyboard, reorder.
  await page.getByRole("navigation", { name: "Configure" }).getByRole("link", { name: "Business services" }).click();
  const serviceEditor = page.getByRole("region", { name: "Business service editor" });
  await serviceEditor.getByLabel("Name").fill("E2E shop");
  const drawer = page.getByTestId("components-drawer");
  await drawer.locator("li", { hasText: "E2E web tier" }).dragTo(page.getByTestId("drop-zone"));
  const selected = page.getByTestId("selected-component");
  await expect(selected).toHaveCount(1);
  await expect(selected.first()).toContainText("E2E web tier");
  await expect(selected.first()).toContainText("100%");
  const another = (await drawer.locator("li").first().locator("span").first().evaluate((node) => node.firstChild?.textContent ?? "")).trim();
  await drawer.getByRole("button", { name: `Add ${another}` }).focus();
  await page.keyboard.press("Enter");
  await expect(selected).toHaveCount(2);
  await serviceEditor.getByRole("button", { name: `Move ${another} up` }).click();
  await expect(selected.first()).toContainText(another);
  await page.screenshot({ path: "e2e/artifacts/configure-service.png", fullPage: true });
  await serviceEditor.getByRole("button", { name: "Create business service" }).click();
  await expect(page).toHaveURL(/\/configure\/services\?id=\d+$/);
  await expect(selected.nth(1)).toContainText("E2E web tier");

  // The engine picks it up within a poll cycle (polled every second here).
  await expect
    .poll(async () => (await (await page.request.get("/api/status/bsmservice?name=E2E%20shop")).json()).list, { timeout: 20_000 })
    .toEqual([expect.objectContaining({ name: "E2E shop", components_total: 2, status: expect.stringMatching(/OPERATIONAL|OFFLINE|DOWNTIME/) })]);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Summary" }).click();
  await expect(page.getByTestId("service-list")).toContainText("E2E shop");
  await page.goto("/configure/services");
  await page.getByTestId("service-list").getByRole("link", { name: "E2E shop" }).click();
  await expect(serviceEditor.getByRole("heading", { name: "Edit E2E shop" })).toBeVisible();
  const stored = await page.request.get("/api/status/bsmcomponent?name=E2E%20web%20tier");
  expect((await stored.json()).list).toEqual([expect.objectContaining({ hosts_total: 3, hosts_required_online: 3, htname: "Web" })]);

  // Notes typed in the editor show as typed (plain text, whitespace kept) in the Service view.
  const notes = "Call the shop team <on call>\n  then page 42";
  await serviceEditor.getByLabel("Notes").fill(notes);
  await serviceEditor.getByRole("button", { name: "Save business service" }).click();
  await expect(page.getByTestId("configure-notice")).toContainText("Saved business service E2E shop");
  const serviceId = new URL(page.url()).searchParams.get("id");
  await page.goto(`/bsm/service/${serviceId}`);
  await expect(page.getByTestId("object-notes").locator("p")).toHaveText(notes);
  expect(await page.getByTestId("object-notes").locator("p").textContent()).toBe(notes);
  await page.goto(`/configure/services?id=${serviceId}`);
  await expect(serviceEditor.getByLabel("Notes")).toHaveValue(notes);

  // Rename, then delete with confirmation.
  await serviceEditor.getByLabel("Name").fill("E2E shop renamed");
  await serviceEditor.getByRole("button", { name: "Save business service" }).click();
  await expect(page.getByTestId("configure-notice")).toContainText("Saved business service E2E shop renamed");
  await expect(page.getByTestId("service-list").getByRole("link", { name: "E2E shop renamed" })).toBeVisible();
  await serviceEditor.getByRole("button", { name: "Delete" }).click();
  await serviceEditor.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/configure\/services$/);
  await expect(page.getByTestId("service-list").getByRole("link", { name: "E2E shop renamed" })).toHaveCount(0);
});
