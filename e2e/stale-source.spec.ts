import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./app-server";
import { signIn } from "./helpers";
import { DEMO_VIEWER, E2E_PORT } from "./settings";

// Its own server, reading an Opsview database on a port where nothing listens: every poll fails.
const CLOSED_PORT = 1;
const DATA_DIR = `./data/e2e-stale-${E2E_PORT}`;
const ADMIN = { email: "stale-admin@bsm.local", password: `admin-Pw-${randomBytes(6).toString("hex")}` };
const INTERNAL_ADDRESS = `127.0.0.1:${CLOSED_PORT}`;

let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

test("when the source fails, a viewer sees 'monitoring data is stale since …' without the error text, an administrator sees the error", async ({ browser }) => {
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = await startAppServer("stale", {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    BSM_SECRET_KEY: randomBytes(32).toString("base64url"),
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SEED_DEMO: "1",
    BSM_SOURCE: "opsview-db",
    BSM_SOURCE_SETTINGS: JSON.stringify({ main: { host: "127.0.0.1", port: CLOSED_PORT, user: "opsview_reader", password: "not-used" } }),
    BSM_POLL_INTERVAL_SECONDS: "1",
  });
  const base = server.url;

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, ADMIN, base);
  await expect(admin.getByTestId("signed-in-user")).toContainText(ADMIN.email, { timeout: 30_000 });
  await expect(async () => {
    await admin.goto(`${base}/`);
    await expect(admin.getByTestId("stale-banner")).toContainText("Monitoring data is stale since", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(admin.getByTestId("stale-banner")).toContainText("The monitoring source is not answering:");
  await expect(admin.getByTestId("stale-banner")).toContainText(INTERNAL_ADDRESS);
  await admin.goto(`${base}/settings`);
  await expect(admin.getByTestId("poller-status")).toContainText(INTERNAL_ADDRESS);

  const viewer = await (await browser.newContext()).newPage();
  await signIn(viewer, DEMO_VIEWER, base);
  await expect(viewer.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email, { timeout: 30_000 });
  await expect(viewer.getByTestId("stale-banner")).toContainText("Monitoring data is stale since", { timeout: 30_000 });
  await expect(viewer.getByTestId("stale-banner")).toContainText("The last known states are shown.");
  // Live poll events arrive every second; give them time to reach the banner, then look at everything the page holds.
  await viewer.waitForTimeout(3_000);
  await expect(viewer.getByTestId("stale-banner")).not.toContainText("not answering");
  expect(await viewer.content()).not.toContain(INTERNAL_ADDRESS);
  await viewer.goto(`${base}/settings`);
  await expect(viewer.getByTestId("poller-status")).toContainText("monitoring data is stale since");
  await expect(viewer.getByTestId("poller-status")).toContainText("Opsview database");
  expect(await viewer.content()).not.toContain(INTERNAL_ADDRESS);

  // The status API says how old the data is.
  const services = await viewer.request.get(`${base}/api/status/bsmservice`);
  expect(services.status()).toBe(200);
  expect((await services.json()).stale_since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
});
