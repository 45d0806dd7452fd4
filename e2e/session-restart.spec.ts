import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startAppServer } from "./app-server";
import { signIn } from "./helpers";
import { E2E_PORT, E2E_SECRET } from "./settings";

const DATA_DIR = `./data/e2e-restart-${E2E_PORT}`;
const ADMIN = { email: "restart-admin@bsm.local", password: "restart-admin-password" };

test("a session survives a server restart", async ({ page }) => {
  // Two starts of a server of its own (each up to 120 s on a loaded machine) and a sign-in.
  test.setTimeout(300_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  const serverEnv = {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: E2E_SECRET,
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
  };
  const server = await startAppServer("restart", serverEnv);
  try {
    await signIn(page, ADMIN, server.url);
    await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.email);

    await server.restart();

    await page.goto(`${server.url}/settings`);
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.email);
  } finally {
    await server.stop();
  }
});
