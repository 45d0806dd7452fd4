import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

// Settings → Import: an Opsview JSON file (the answers of /rest/config/bsmcomponent and bsmservice)
// is previewed, applied, and its business service shows up in Configure.
test("an administrator imports Opsview's BSM configuration from a file, previews it and applies it", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  const hosts = (await (await page.request.get("/api/config/hosts?hostTemplate=Web&rows=3")).json()) as { list: { name: string }[] };
  const hostNames = hosts.list.map((host) => host.name);
  expect(hostNames.length).toBeGreaterThanOrEqual(2);

  const file = {
    bsmcomponent: {
      list: [
        {
          ref: "/rest/config/bsmcomponent/1",
          id: "1",
          name: "Opsview web tier",
          host_template: { name: "Web", ref: "/rest/config/hosttemplate/1" },
          hosts: hostNames.map((name, index) => ({ name, ref: `/rest/config/host/${index + 1}` })),
          quorum_pct: "66.67",
        },
        { ref: "/rest/config/bsmcomponent/2", id: "2", name: "Opsview broken", hosts: [{ name: hostNames[0], ref: "/rest/config/host/1" }], quorum_pct: "150" },
      ],
      summary: { rows: "2", allrows: "2" },
    },
    bsmservice: {
      list: [{ ref: "/rest/config/bsmservice/1", id: "1", name: "Opsview shop", components: [{ ref: "/rest/config/businesscomponent/1", name: "Opsview web tier" }] }],
      summary: { rows: "1", allrows: "1" },
    },
  };

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { name: "Import from Opsview" })).toBeVisible();
  const form = page.getByTestId("opsview-import-form");
  const upload = (content: unknown) => page.getByLabel("Opsview JSON file").setInputFiles({ name: "opsview-bsm.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(content)) });

  // A component that cannot be mapped is a problem at its place in the file, and Apply stays off.
  await upload(file);
  await form.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("opsview-import-problems")).toContainText("bsmcomponent[1].host_template");
  await expect(page.getByTestId("opsview-import-problems")).toContainText("bsmcomponent[1].quorum_pct");
  await expect(form.getByRole("button", { name: "Apply" })).toBeDisabled();

  await upload({ ...file, bsmcomponent: { list: [file.bsmcomponent.list[0]] } });
  await form.getByRole("button", { name: "Preview" }).click();
  const plan = page.getByTestId("opsview-import-plan");
  await expect(plan.locator('[data-plan-name="Opsview web tier"]')).toHaveAttribute("data-plan-action", "create");
  await expect(plan.locator('[data-plan-name="Opsview shop"]')).toHaveAttribute("data-plan-action", "create");
  await expect(page.getByTestId("opsview-import-outcome")).toContainText("Preview: 2 to create");
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("opsview-import-outcome")).toContainText("Applied: 2 created");
  await expect(form.getByRole("button", { name: "Apply" })).toBeDisabled();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Configure" }).click();
  await page.getByRole("navigation", { name: "Configure" }).getByRole("link", { name: "Business services" }).click();
  await page.getByRole("link", { name: "Opsview shop" }).click();
  await expect(page.getByTestId("selected-component").first()).toContainText("Opsview web tier");
});
