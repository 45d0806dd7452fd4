import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

// Settings → Import: an Icinga Business Process file is previewed (with what is not imported and
// why), applied, and its business service shows up in Configure.
test("an administrator imports an Icinga Business Process file, sees what is not imported and why, and applies the rest", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  const hosts = (await (await page.request.get("/api/config/hosts?hostTemplate=Web&rows=2")).json()) as { list: { name: string }[] };
  const [first, second] = hosts.list.map((host) => host.name);
  expect(second).toBeDefined();

  const processFile = [
    "### Business Process Config File ###",
    "# Title : BP shop",
    `bp_web = 1 of: ${first};Hoststatus + ${second};Hoststatus`,
    "bp_shop = bp_web",
    `bp_either = ${first};Hoststatus | ${second};Hoststatus`,
    `bp_http = ${first};HTTP`,
    "display 1;bp_shop;BP shop",
    "display 0;bp_web;BP web tier",
    "",
  ].join("\n");

  await page.goto("/settings/import");
  await expect(page.getByRole("heading", { name: "Import from Icinga Business Process" })).toBeVisible();
  const form = page.getByTestId("bp-import-form");

  // A file the module itself would refuse: the line is named next to the text, nothing to apply.
  await form.getByLabel("Process file text").fill("a = x & y | z");
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(form.getByText(/line 1: a mixes the operators/)).toBeVisible();
  await expect(form.getByRole("button", { name: "Apply" })).toBeDisabled();

  await form.getByLabel("Business Process file").setInputFiles({ name: "shop.conf", mimeType: "text/plain", buffer: Buffer.from(processFile) });
  await expect(form.getByLabel("Process file text")).toHaveValue(processFile);
  await form.getByRole("button", { name: "Preview" }).click();
  const plan = page.getByTestId("bp-import-plan");
  await expect(plan.locator('[data-plan-name="BP web tier"]')).toHaveAttribute("data-plan-action", "create");
  await expect(plan.locator('[data-plan-name="BP shop"]')).toHaveAttribute("data-plan-action", "create");
  const notImported = page.getByTestId("bp-import-not-imported");
  await expect(notImported.locator('[data-not-imported="bp_either"]')).toContainText("| (OR, the best child's state) has no counterpart");
  await expect(notImported.locator('[data-not-imported="bp_http"]')).toContainText(`${first};HTTP is a service`);
  await expect(page.getByTestId("bp-import-outcome")).toContainText("Preview: 2 to create");
  await expect(page.getByTestId("bp-import-outcome")).toContainText("2 not imported");

  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("bp-import-outcome")).toContainText("Applied: 2 created");
  await expect(form.getByRole("button", { name: "Apply" })).toBeDisabled();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Configure" }).click();
  await page.getByRole("navigation", { name: "Configure" }).getByRole("link", { name: "Business services" }).click();
  await page.getByRole("link", { name: "BP shop" }).click();
  await expect(page.getByTestId("selected-component").first()).toContainText("BP web tier");
});
