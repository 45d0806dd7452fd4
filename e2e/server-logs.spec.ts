import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startAppServer, type AppServer } from "./app-server";
import { signIn } from "./helpers";
import { E2E_PORT } from "./settings";

// Its own server, so its log holds only what this test made the app do with these secrets.
const DATA_DIR = `./data/e2e-logs-${E2E_PORT}`;
const ADMIN = { email: "logs-admin@bsm.local", password: `admin-Pw-${randomBytes(6).toString("hex")}` };
const WRONG_PASSWORD = `wrong-Pw-${randomBytes(6).toString("hex")}`;
const DATABASE_PASSWORD = `db-Pw-${randomBytes(6).toString("hex")}`;
const AUTH_SECRET = randomBytes(32).toString("base64url");
const SECRET_KEY = randomBytes(32).toString("base64url");

let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

interface LogRecord {
  level: string;
  time: string;
  component: string;
  msg: string;
  [field: string]: unknown;
}

test("no password, token or key reaches the server's log, even when sign-in, the API and the source fail", async ({ page }) => {
  test.setTimeout(180_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = await startAppServer("logs", {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: AUTH_SECRET,
    BSM_SECRET_KEY: SECRET_KEY,
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SEED_DEMO: "0",
    BSM_SOURCE: "simulated",
    BSM_POLL_INTERVAL_SECONDS: "1",
    // Debug shows refused API requests too; the format is left to its production default (JSON: the output is a file).
    BSM_LOG_LEVEL: "debug",
  });
  const base = server.url;

  // A failed and a good sign-in.
  await signIn(page, { email: ADMIN.email, password: WRONG_PASSWORD }, base);
  await expect(page.getByRole("alert")).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.email, { timeout: 20_000 });

  // An API token, used, and a forged one refused.
  await page.goto(`${base}/account`);
  await page.getByLabel("Token name").fill("log check");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();
  expect(token).toMatch(/^bsm_/);
  expect((await page.request.get(`${base}/api/status/bsmservice`, { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);
  const forged = `${token.slice(0, -4)}zzzz`;
  const refused = await page.request.get(`${base}/api/status/bsmservice`, { headers: { authorization: `Bearer ${forged}`, "x-request-id": "e2e-logs-forged-1" } });
  expect([refused.status(), refused.headers()["x-request-id"]]).toEqual([401, "e2e-logs-forged-1"]);

  // An Opsview database that is not there: Test connection fails, and so does every poll once saved.
  await page.goto(`${base}/settings/database`);
  await page.getByLabel("Source kind").selectOption({ label: "Opsview database" });
  const main = page.getByRole("group", { name: "Main database" });
  await main.getByLabel("Host").fill("127.0.0.1");
  await main.getByLabel("Port").fill("1");
  await main.getByLabel("User").fill("opsview_reader");
  await main.getByLabel("Password").fill(DATABASE_PASSWORD);
  await main.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("test-result-main")).toContainText("Failed:", { timeout: 30_000 });
  await page.getByRole("button", { name: "Save source settings" }).click();
  await expect(page.getByTestId("save-result")).toContainText("Saved.");
  await expect(page.getByTestId("reading-from")).toHaveText("main database 127.0.0.1:1", { timeout: 30_000 });
  await expect(page.getByTestId("last-poll-result")).not.toHaveText("ok", { timeout: 30_000 });

  const logFile = server.logFile;
  await server.stop();
  server = undefined;
  const log = readFileSync(logFile, "utf8");
  // The log did record this run: the poller's switch to the unreachable database and its failure.
  expect(log).toContain("Poller started: main database 127.0.0.1:1");
  expect(log).toContain("Poll failed (1 in a row");
  // Every log line is JSON with level, time, component and message (other lines: Next's and npm start's own).
  const records = log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogRecord);
  expect(records.length).toBeGreaterThan(0);
  for (const record of records) {
    expect(record, JSON.stringify(record)).toEqual(
      expect.objectContaining({ level: expect.any(String), time: expect.any(String), component: expect.any(String), msg: expect.any(String) }),
    );
  }
  expect(records).toContainEqual(expect.objectContaining({ component: "poller", msg: expect.stringMatching(/^Poller started: main database 127\.0\.0\.1:1,/) }));
  // The refused request's line carries its request id.
  expect(records).toContainEqual(
    expect.objectContaining({ component: "web", requestId: "e2e-logs-forged-1", status: 401, path: "/api/status/bsmservice", msg: "API request refused" }),
  );
  // No demo account was made, so no demo login is announced.
  expect(log).not.toContain("Demo login");
  for (const [what, secret] of Object.entries({
    "the admin password": ADMIN.password,
    "a wrong password": WRONG_PASSWORD,
    "the database password": DATABASE_PASSWORD,
    "the API token": token,
    "a forged API token": forged,
    "NEXTAUTH_SECRET": AUTH_SECRET,
    "BSM_SECRET_KEY": SECRET_KEY,
  })) {
    expect(log.includes(secret), `${what} is in ${logFile}`).toBe(false);
  }
});
