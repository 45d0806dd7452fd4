import { expect, test } from "@playwright/test";
import { setReflectionMode, signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

// A component whose hosts follow a rule: widening the rule makes the next poll (every second here,
// Manual mode) offer the gained host for review; Apply adds it. Narrowing it below R offers a
// removal that cannot be applied, with the reason, and Dismiss hides it.
test("a configurer makes a rule component, and reviews the hosts its rule gains and loses", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toBeVisible({ timeout: 20_000 });
  // Manual: the poll offers every gain and loss for review (an earlier spec may have left another mode).
  await setReflectionMode(page, "Manual");
  const hosts = (await (await page.request.get("/api/config/hosts?hostTemplate=Web&rows=50")).json()) as { list: { name: string }[] };
  const [first, second] = hosts.list.map((host) => host.name).sort();
  expect(first).toBeDefined();
  expect(second).toBeDefined();

  await page.goto("/configure/components");
  const editor = page.getByRole("region", { name: "Component editor" });
  await editor.getByLabel("Name", { exact: true }).fill("E2E rule tier");
  await editor.getByLabel("Host template").selectOption({ label: "Web" });
  await editor.getByLabel("Chosen by a rule").check();
  await editor.getByLabel("Name pattern").fill(first!);
  await expect(editor.getByTestId("rule-matches")).toHaveText(`Matches now (1): ${first}`);
  await expect(page.getByTestId("hosts-count")).toHaveText("1");
  await expect(page.getByTestId("required-online-value")).toHaveText("1");
  await editor.getByRole("button", { name: "Create component" }).click();
  await expect(page).toHaveURL(/\/configure\/components\?id=\d+$/);
  await expect(editor.getByTestId("rule-members")).toHaveText(`Hosts now (1): ${first}`);

  // Widen the rule (one character free, so the second host too): saving keeps the hosts; the next poll finds the others.
  await editor.getByLabel("Name pattern").fill(`${first!.slice(0, -1)}?`);
  await editor.getByRole("button", { name: "Save component" }).click();
  await expect(editor.getByRole("button", { name: "Save component" })).toBeEnabled();
  await openReviewOnceFound();
  const row = page.getByTestId("membership-change").filter({ hasText: "E2E rule tier" }).filter({ hasText: second! });
  await expect(row).toContainText("Detected");
  await page.screenshot({ path: "e2e/artifacts/membership-review.png", fullPage: true });
  await row.getByRole("button", { name: `Apply: add ${second} to E2E rule tier` }).click();
  await expect(page.getByText(`Applied: added ${second} to E2E rule tier.`)).toBeVisible();
  await expect(row).toHaveCount(0);

  // Narrow it back with both hosts required: the removal would break R, so it waits with the reason.
  await page.getByRole("navigation", { name: "Configure" }).getByRole("link", { name: "Components" }).click();
  await page.getByTestId("component-list").getByRole("link", { name: "E2E rule tier" }).click();
  await expect(editor.getByTestId("rule-members")).toContainText("Hosts now (");
  const membersNow = Number((await editor.getByTestId("rule-members").textContent())!.match(/\((\d+)\)/)![1]);
  await editor.getByLabel("Allowed to fail").fill("0");
  await expect(page.getByTestId("required-online-value")).toHaveText(String(membersNow));
  await editor.getByLabel("Name pattern").fill(first!);
  await editor.getByRole("button", { name: "Save component" }).click();
  await expect(editor.getByRole("button", { name: "Save component" })).toBeEnabled();
  await openReviewOnceFound();
  const removal = page.getByTestId("membership-change").filter({ hasText: "E2E rule tier" }).filter({ hasText: second! });
  await expect(removal).toContainText("Removed");
  await expect(removal).toContainText("fewer than the");
  await expect(removal.getByRole("button", { name: /^Apply/ })).toBeDisabled();
  await page.screenshot({ path: "e2e/artifacts/membership-review-error.png", fullPage: true });
  await removal.getByRole("button", { name: `Dismiss: ${second} in E2E rule tier` }).click();
  await expect(page.getByText(/Dismissed \d+ membership change/)).toBeVisible();
  await expect(removal).toHaveCount(0);

  // The same review in the REST API: the dismissed change is not listed; a change that does not exist is nothing to apply.
  const listed = (await (await page.request.get("/api/config/membership")).json()) as { list: { component: { name: string } }[] };
  expect(listed.list.filter((change) => change.component.name === "E2E rule tier")).toEqual([]);
  const applied = await page.request.post("/api/config/membership/apply", { data: { changeId: 2_000_000_000 }, headers: { Origin: new URL(page.url()).origin } });
  expect(applied.status()).toBe(200);
  expect(await applied.json()).toEqual({ added: [], removed: [], refused: [] });

  /** The poll runs every second: reload the editor until it links to changes waiting for review, then follow the link. */
  async function openReviewOnceFound() {
    const link = editor.getByRole("link", { name: /membership changes? waits? for review/ });
    await expect(async () => {
      await page.reload();
      await expect(link).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await link.click();
    await expect(page).toHaveURL(/\/configure\/membership$/);
  }
});
