import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_ADMIN } from "./settings";

// GET /metrics (lib/metrics): who may read it (docs/access-rules.md §12) and what Prometheus gets.
test("/metrics answers 401 without credentials, the metrics to a metrics token (refused by the REST API), and anyone while an administrator allows it", async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/metrics");
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toContain("metrics API token");

  await signIn(page, E2E_ADMIN);
  await expect(page.getByTestId("signed-in-user")).toContainText(E2E_ADMIN.email, { timeout: 20_000 });
  await page.goto("/account");
  const name = `prometheus ${randomBytes(4).toString("hex")}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Scope").selectOption("metrics");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Token “${name}” created` })).toBeVisible({ timeout: 20_000 });
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();
  await expect(page.getByTestId("api-token-list").getByRole("row").filter({ hasText: name })).toContainText("metrics");
  const bearer = { authorization: `Bearer ${token}` };

  // The poller has stored states by the time an administrator could sign in; wait for them all the same.
  await expect(async () => {
    const scraped = await anonymous.get("/metrics", { headers: bearer });
    expect(scraped.status()).toBe(200);
    expect(scraped.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    expect(text).toMatch(/^bsm_business_service_state\{service_id="\d+",service="[^"]+",state="OFFLINE"\} [01]$/m);
    expect(text).toMatch(/^bsm_component_state\{component_id="\d+",component="[^"]+",state="FAILED"\} [01]$/m);
    expect(text).toMatch(/^bsm_poller_last_success_timestamp_seconds [1-9]/m);
    expect(text).toMatch(/^bsm_poller_cycle_phase_seconds_count\{phase="read"\} [1-9]/m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  }).toPass({ timeout: 30_000 });

  const elsewhere = await anonymous.get("/api/status/bsmservice", { headers: bearer });
  expect(elsewhere.status()).toBe(403);
  expect(await elsewhere.json()).toEqual({ error: "This API token has the metrics scope: it may only read /metrics" });

  // An API request is timed under its route pattern, never its raw path.
  const admin = await page.request.get("/api/config/bsmservice/2000000000");
  expect(admin.status()).toBe(404);
  const timed = await (await anonymous.get("/metrics", { headers: bearer })).text();
  expect(timed).toContain('bsm_http_request_duration_seconds_count{route="/api/config/bsmservice/[id]",method="GET",status="404"}');
  // Only labels matter: a float value such as 0.12000000000000001 may contain the digits.
  expect(timed).not.toMatch(/\{[^}]*2000000000[^}]*\}/);

  // Anonymous reading: an administrator's switch on Settings, on and off again.
  const toggle = async (on: boolean) => {
    await page.goto("/settings");
    const checkbox = page.getByLabel("Anyone may read /metrics without credentials");
    await checkbox.setChecked(on);
    await page.getByRole("button", { name: "Save metrics access" }).click();
    await expect(page.getByTestId("metrics-access-outcome")).toHaveText("Saved.", { timeout: 20_000 });
  };
  await toggle(true);
  expect((await anonymous.get("/metrics")).status()).toBe(200);
  await toggle(false);
  expect((await anonymous.get("/metrics")).status()).toBe(401);
  await anonymous.dispose();
});
