import { expect, test } from "@playwright/test";
import { DEMO_VIEWER, E2E_ADMIN, E2E_PORT } from "./settings";
import { signIn } from "./helpers";
import { rawSignIn, type RawSignInOutcome } from "./raw-sign-in";

// Scripts connect from other loopback addresses (127.0.0.2, .3), so the server sees clients other
// than the browser (127.0.0.1), which the other specs use.
const BASE = `http://127.0.0.1:${E2E_PORT}`;

for (const callbackUrl of ["%2F%5Cevil.example%2Fx", "%2F%09%2Fevil.example", "https%3A%2F%2Fevil.example%2F", "%2F%2Fevil.example"]) {
  test(`a sign-in with callbackUrl=${callbackUrl} lands on the app, not elsewhere`, async ({ page }) => {
    const requestedHosts: string[] = [];
    page.on("request", (request) => requestedHosts.push(new URL(request.url()).hostname));
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await expect(page.locator("form[data-hydrated=true]")).toBeVisible();
    await page.getByLabel("E-mail").fill(DEMO_VIEWER.email);
    await page.getByLabel("Password").fill(DEMO_VIEWER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-user")).toContainText(DEMO_VIEWER.email, { timeout: 20_000 });
    expect(new URL(page.url()).host).toBe(`localhost:${E2E_PORT}`);
    expect(requestedHosts.filter((host) => host.includes("evil"))).toEqual([]);
  });
}

test("wrong passwords for the admin from one client do not stop the admin signing in from another", async ({ page }) => {
  test.setTimeout(90_000);
  const attacker = { localAddress: "127.0.0.2" };
  // The attacker keeps guessing, waiting out each back-off, until it has made enough wrong guesses
  // that its back-off (doubling from 1 s after the free ones, lib/auth/rate-limit.ts) is 8 s long:
  // long enough that its next attempt surely comes before the wait is over, however busy this machine.
  const outcomes: RawSignInOutcome[] = [];
  for (let attempt = 0; attempt < 60 && outcomes.filter((outcome) => outcome === "wrong").length < 7; attempt++) {
    const outcome = await rawSignIn(BASE, { email: E2E_ADMIN.email, password: `guess-${attempt}` }, attacker);
    outcomes.push(outcome);
    if (outcome === "throttled") await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The attacker is slowed down, even with the right password…
  expect(outcomes).toContain("throttled");
  expect(outcomes.filter((outcome) => outcome === "wrong")).toHaveLength(7);
  expect(await rawSignIn(BASE, E2E_ADMIN, attacker)).toBe("throttled");
  // …and the administrator, elsewhere, is not locked out.
  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toContainText(E2E_ADMIN.email, { timeout: 20_000 });
});

test("a client cycling X-Forwarded-For values from an untrusted address is still throttled", async () => {
  const outcomes: RawSignInOutcome[] = [];
  for (let attempt = 0; attempt < 40 && !outcomes.includes("throttled"); attempt++) {
    // It also forges the server's own client-address header, which the server replaces.
    const forged = { forwardedFor: `10.9.${attempt}.7`, headers: { "x-bsm-client-address": `10.8.${attempt}.7` } };
    outcomes.push(await rawSignIn(BASE, { email: `nobody-${attempt}@example.invalid`, password: "guess" }, { localAddress: "127.0.0.3", ...forged }));
  }
  expect(outcomes).toContain("throttled");
});
