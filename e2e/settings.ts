// E2E_PORT lets two test runs share a machine; each gets its own data directory too.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = `./data/e2e-${E2E_PORT}`;
export const E2E_SECRET = "e2e-secret-0123456789abcdef0123456789";
export const E2E_ADMIN = { email: "e2e-admin@bsm.local", password: "e2e-admin-password" } as const;
export const DEMO_VIEWER = { email: "demo@bsm.local", password: "demo-viewer" } as const;

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
