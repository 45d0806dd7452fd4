import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN, E2E_DATA_DIR, E2E_PORT, E2E_SECRET, chromiumLaunchOptions } from "./e2e/settings";

// Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser here.
export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/e2e-${E2E_PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  // Several specs take 40–60 s on a 2-core machine at load 15 (CI shares it with other work).
  timeout: 150_000,
  // The 5 s default is too tight for a page answering on a busy 2-core machine.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node scripts/start.mjs`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: `pglite:${E2E_DATA_DIR}`,
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXTAUTH_URL: `http://localhost:${E2E_PORT}`,
      BSM_ADMIN_EMAIL: E2E_ADMIN.email,
      BSM_ADMIN_PASSWORD: E2E_ADMIN.password,
      BSM_SEED_DEMO: "1",
      // A busy simulated estate polled every second, so live changes show within seconds.
      BSM_SOURCE: "simulated",
      BSM_SOURCE_SETTINGS: JSON.stringify({ seed: 11, eventsPerHour: 3000 }),
      BSM_POLL_INTERVAL_SECONDS: "1",
    },
  },
});
