import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./app-server";
import { signIn } from "./helpers";
import { E2E_PORT, E2E_SECRET } from "./settings";

// Its own server: the shared one has a handful of services, too few for a second grid page.
const DATA_DIR = `./data/e2e-grid-${E2E_PORT}`;
const ADMIN = { email: "grid-admin@bsm.local", password: "grid-admin-password" };
const SERVICES = 62;

let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

test("the Summary grid shows 50 rows a page; sorting or filtering starts again on the first page", async ({ page }) => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = await startAppServer("grid", {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: E2E_SECRET,
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SEED_DEMO: "0",
  });
  const base = server.url;
  await signIn(page, ADMIN, base);
  await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.email, { timeout: 20_000 });

  const existing = ((await (await page.request.get(`${base}/api/config/bsmservice`)).json()).list as unknown[]).length;
  for (let index = 1; index <= SERVICES - existing; index++) {
    const created = await page.request.post(`${base}/api/config/bsmservice`, {
      headers: { origin: base },
      data: { name: `Grid service ${String(index).padStart(2, "0")}`, componentIds: [] },
    });
    expect(created.status()).toBe(201);
  }

  await page.goto(`${base}/summary`);
  const rows = page.getByTestId("service-list").locator("tbody tr");
  const pages = page.getByRole("navigation", { name: "Grid pages" });
  await expect(page.getByText(`${SERVICES} of ${SERVICES} business services`)).toBeVisible();
  await expect(rows).toHaveCount(50);
  await expect(pages).toContainText(`Rows 1–50 of ${SERVICES}`);
  await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();

  await page.getByTestId("service-list").getByRole("button", { name: "Business service", exact: true }).click();
  const names = () => rows.evaluateAll((cells) => cells.map((row) => row.getAttribute("data-service") ?? ""));
  const inOrder = (list: string[]) => list.every((name, index) => index === 0 || list[index - 1] <= name);
  await expect.poll(async () => inOrder(await names())).toBe(true);
  const byName = await names();

  await pages.getByRole("button", { name: "Next" }).click();
  await expect(pages).toContainText(`Rows 51–${SERVICES} of ${SERVICES}`);
  await expect(rows).toHaveCount(SERVICES - 50);
  await expect(pages.getByRole("button", { name: "Next" })).toBeDisabled();
  const secondPage = await names();
  expect(inOrder(secondPage)).toBe(true);
  expect(secondPage.every((name) => !byName.includes(name))).toBe(true);
  expect(byName.at(-1)! < secondPage[0]).toBe(true);
  await page.screenshot({ path: "e2e/artifacts/summary-grid-page-2.png", fullPage: true });

  // A new filter starts again on page 1.
  await page.getByLabel("Filter by name").fill("Grid service");
  await expect(pages).toContainText(/Rows 1–50 of \d+/);
  await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();
});
