import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN, E2E_PORT } from "./settings";

// The backend of issue 19's actions against the running app and its simulated estate: the role
// editor's ACTIONBSM box, and a downtime through the REST API that the poller sends, the next poll
// shows, and the action list reports as confirmed. The pages' buttons are in their own spec.

const ORIGIN = `http://localhost:${E2E_PORT}`;

test("ACTIONBSM in the role editor; a downtime through the REST API is confirmed by the simulated source, then removed", async ({ page }) => {
  await signIn(page, E2E_ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  const roleEditor = page.getByRole("region", { name: "Role editor" });
  await roleEditor.getByLabel("Name").fill("Night operators");
  const actionBox = roleEditor.getByRole("checkbox", { name: /^ACTIONBSM — acknowledge and schedule downtime through the source/ });
  await expect(actionBox).not.toBeChecked();
  await actionBox.check();
  await roleEditor.getByLabel("Keywords").fill("night");
  await roleEditor.getByRole("button", { name: "Create role" }).click();
  const link = page.getByTestId("role-list").getByRole("link", { name: /Night operators/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("region", { name: "Role editor" }).getByRole("checkbox", { name: /^ACTIONBSM/ })).toBeChecked();
  await page.screenshot({ path: "e2e/artifacts/role-actionbsm.png", fullPage: true });

  const capabilities = await page.request.get("/api/actions/capabilities");
  expect(await capabilities.json()).toEqual({ canAct: true, sourceAccepts: true, userMayAct: true, reason: null });

  const hosts = (await (await page.request.get("/api/config/hosts?rows=1")).json()) as { list: { name: string }[] };
  const host = hosts.list[0]!.name;
  const now = Date.now();
  const created = await page.request.post("/api/actions/downtime", {
    headers: { origin: ORIGIN },
    data: { targets: [{ host }], comment: "e2e maintenance", startAt: now, endAt: now + 3_600_000 },
  });
  expect(created.status()).toBe(202);
  const { id, status } = (await created.json()) as { id: number; status: string };
  expect(status).toBe("pending");

  const statusOf = async (actionId: number) => ((await (await page.request.get(`/api/actions?ids=${actionId}`)).json()) as { list: { status: string; message: string }[] }).list[0];
  await expect.poll(async () => (await statusOf(id))?.status, { timeout: 30_000 }).toBe("confirmed");

  const removal = await page.request.post("/api/actions/remove-downtime", { headers: { origin: ORIGIN }, data: { targets: [{ host }] } });
  expect(removal.status()).toBe(202);
  const removalId = ((await removal.json()) as { id: number }).id;
  await expect.poll(async () => (await statusOf(removalId))?.status, { timeout: 30_000 }).toBe("confirmed");
});
