import { expect, test } from "@playwright/test";

// What a load balancer or a Kubernetes probe sees: no cookie, no token, JSON, never cached.
test.use({ storageState: { cookies: [], origins: [] } });

test("liveness answers 200 JSON without a session", async ({ request }) => {
  const response = await request.get("/api/health", { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  expect(await response.json()).toMatchObject({ ok: true, uptimeSeconds: expect.any(Number) });
});

test("readiness answers 200 JSON without a session once the poller has polled", async ({ request }) => {
  // The server is up before its first poll cycle ends; by then it must turn ready within seconds.
  await expect.poll(async () => (await request.get("/api/ready", { maxRedirects: 0 })).status(), { timeout: 60_000 }).toBe(200);
  const response = await request.get("/api/ready", { maxRedirects: 0 });
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  expect(await response.json()).toMatchObject({
    ready: true,
    checks: {
      database: { ok: true },
      migrations: { ok: true, pending: [] },
      poller: { ok: true, leader: { via: "this-process" }, thresholdSeconds: 60, ageSeconds: expect.any(Number) },
    },
  });
});
