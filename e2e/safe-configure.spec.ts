import { expect, test } from "@playwright/test";
import { E2E_ADMIN, E2E_PORT } from "./settings";
import { signIn } from "./helpers";

const BASE = `http://localhost:${E2E_PORT}`;
const SCHEMA_TEXT = /Too small|Too big|expected|Invalid input|received|hostIds|requiredOnline|hostTemplateId/;

test("configuration says what it did, in plain words, and deleting a component in use lists its services and asks first", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
  await page.goto("/configure/components");
  const editor = page.getByRole("region", { name: "Component editor" });
  const notice = page.getByTestId("configure-notice");
  await expect(notice).toHaveAttribute("role", "status");

  // Plain-language errors, next to the fields, in the UI.
  await editor.getByRole("button", { name: "Create component" }).click();
  await expect(editor.locator("#component-name-error")).toHaveText("Enter a name");
  await expect(editor.locator("#component-template-error")).toHaveText("Choose a host template");
  await expect(editor.locator("#component-hosts-error")).toHaveText("Choose at least one host");
  await expect(editor).not.toContainText(SCHEMA_TEXT);

  // Required Online follows the hosts chosen (all of them) until it is set by hand.
  await editor.getByLabel("Name").fill("Safe web tier");
  await editor.getByLabel("Host template").selectOption({ label: "Web" });
  const hostNames = await editor.locator("#component-hosts option").allTextContents();
  await editor.locator("#component-hosts").selectOption(hostNames.slice(0, 3).map((label) => ({ label })));
  await expect(page.getByTestId("required-online-value")).toHaveText("3");
  await editor.locator("#component-hosts").selectOption(hostNames.slice(0, 2).map((label) => ({ label })));
  await expect(page.getByTestId("required-online-value")).toHaveText("2");
  await editor.locator("#component-hosts").selectOption(hostNames.slice(0, 3).map((label) => ({ label })));
  await expect(page.getByTestId("required-online-value")).toHaveText("3");
  await editor.getByLabel("Required Online").fill("2");
  await editor.locator("#component-hosts").selectOption(hostNames.slice(0, 4).map((label) => ({ label })));
  await expect(page.getByTestId("required-online-value")).toHaveText("2");
  await editor.locator("#component-hosts").selectOption(hostNames.slice(0, 3).map((label) => ({ label })));

  // The save says what it saved, and the message stays through the move to the new component's page.
  await editor.getByRole("button", { name: "Create component" }).click();
  await expect(page).toHaveURL(/\/configure\/components\?id=\d+$/);
  await expect(notice).toContainText("Saved component Safe web tier");
  const componentId = Number(new URL(page.url()).searchParams.get("id"));

  // Plain-language errors in the REST API's 400 answers too.
  const saved = await (await page.request.get(`/api/config/bsmcomponent/${componentId}`)).json();
  expect(saved).toMatchObject({ name: "Safe web tier", hostsCount: 3, requiredOnline: 2 });
  const tooMany = await page.request.put(`/api/config/bsmcomponent/${componentId}`, {
    headers: { origin: BASE },
    data: { name: " ", hostTemplateId: saved.hostTemplate.id, hostIds: [saved.hosts[0].id], requiredOnline: 5 },
  });
  expect(tooMany.status()).toBe(400);
  const body = await tooMany.json();
  expect(body.fieldErrors).toEqual({ name: "Enter a name", requiredOnline: "Required online must be between 0 and the number of hosts (1)" });
  const noHosts = await page.request.put(`/api/config/bsmcomponent/${componentId}`, {
    headers: { origin: BASE },
    data: { name: "Safe web tier", hostTemplateId: saved.hostTemplate.id, hostIds: [], requiredOnline: "all" },
  });
  expect(await noHosts.json()).toEqual({ error: "invalid input", fieldErrors: { hostIds: "Choose at least one host", requiredOnline: "Required online must be a number" } });

  // A business service uses it.
  await page.getByRole("navigation", { name: "Configure" }).getByRole("link", { name: "Business services" }).click();
  const serviceEditor = page.getByRole("region", { name: "Business service editor" });
  await serviceEditor.getByLabel("Name").fill("Safe shop");
  await page.getByTestId("components-drawer").getByRole("button", { name: "Add Safe web tier" }).click();
  await serviceEditor.getByRole("button", { name: "Create business service" }).click();
  await expect(page).toHaveURL(/\/configure\/services\?id=\d+$/);
  await expect(notice).toContainText("Saved business service Safe shop");

  // Deleting the component names the service that loses it and asks before it acts.
  await page.goto(`/configure/components?id=${componentId}`);
  await expect(editor.getByTestId("used-by")).toHaveText("Used by business service Safe shop.");
  await editor.getByRole("button", { name: "Delete" }).click();
  const confirm = editor.getByRole("group", { name: "Confirm delete" });
  await expect(confirm.getByTestId("delete-consequence")).toContainText("Delete component Safe web tier? It is used by 1 business service, which will lose it:");
  await expect(confirm.getByRole("listitem")).toHaveText(["Safe shop"]);
  await page.screenshot({ path: "test-results/safe-configure-delete-in-use.png", fullPage: true });
  await confirm.getByRole("button", { name: "Yes, delete and remove it from 1 business service" }).click();
  await expect(page).toHaveURL(/\/configure\/components$/);
  await expect(notice).toHaveText("Deleted component Safe web tier; removed it from Safe shop.");
  await expect(page.getByTestId("component-list").getByRole("link", { name: "Safe web tier" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/safe-configure-deleted.png", fullPage: true });

  // The REST API refuses the same delete with the list, unless told the services lose it.
  const created = await page.request.post("/api/config/bsmcomponent", {
    headers: { origin: BASE },
    data: { name: "Safe api tier", hostTemplateId: saved.hostTemplate.id, hostIds: [saved.hosts[0].id], requiredOnline: 1 },
  });
  expect(created.status()).toBe(201);
  const apiComponentId = (await created.json()).id;
  const shop = (await (await page.request.get("/api/config/bsmservice")).json()).list.find((service: { name: string }) => service.name === "Safe shop");
  const used = await page.request.put(`/api/config/bsmservice/${shop.id}`, { headers: { origin: BASE }, data: { name: "Safe shop", componentIds: [apiComponentId] } });
  expect(used.status()).toBe(204);
  const refused = await page.request.delete(`/api/config/bsmcomponent/${apiComponentId}`, { headers: { origin: BASE } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toContain("Safe api tier is used by business service: Safe shop.");
  const forced = await page.request.delete(`/api/config/bsmcomponent/${apiComponentId}?removeFromServices=true`, { headers: { origin: BASE } });
  expect(forced.status()).toBe(204);

  // Deleting the service says so too.
  await page.goto(`/configure/services?id=${shop.id}`);
  await serviceEditor.getByRole("button", { name: "Delete" }).click();
  await serviceEditor.getByRole("button", { name: "Yes, delete" }).click();
  await expect(page).toHaveURL(/\/configure\/services$/);
  await expect(notice).toHaveText("Deleted business service Safe shop.");
});
