import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { BSM_GAUGES_AND_COUNTERS, BSM_HISTOGRAMS, PROCESS_METRICS } from "../tests/monitoring/metric-contract";
import { startAppServer, type AppServer } from "./app-server";
import { signIn } from "./helpers";
import { SCRAPE_JOB, startPrometheus, withShortenedForDurations, type PrometheusServer } from "./prometheus";
import { E2E_PORT } from "./settings";

// Its own app server: the shared one's busy estate may keep every business service OFFLINE for
// minutes, so it need not show a change. Here the estate is small and its timeline known.
const DATA_DIR = `./data/e2e-prometheus-${E2E_PORT}`;
const ADMIN = { email: "prometheus-admin@bsm.local", password: `admin-Pw-${randomBytes(6).toString("hex")}` };
// The simulated timeline depends only on the seed and the time since the source started
// (lib/sources/simulated/README.md), so it is the same on every run. Measured by replaying the
// source through the status engine second by second: with seed 3, 40 hosts, 5 business services and
// 300 incidents an hour, all five services are OPERATIONAL at start, "Online shop" goes OFFLINE 53 s
// after the poller starts and stays so for about 4 minutes, and three more follow at 116–120 s
// (a second chance if this machine is slow to start Prometheus). The default rate (2 an hour for
// 40 hosts) would take many minutes; much higher rates take services offline before the first scrape.
const SIMULATED = { seed: 3, hosts: 40, businessServices: 5, eventsPerHour: 300 };
const RULES_FILE = "docs/monitoring/bsm-dashboard.rules.yml";
const DASHBOARD_FILE = "docs/monitoring/grafana-dashboard.json";
const JOB = `job="${SCRAPE_JOB}"`;

let app: AppServer | undefined;
let prometheus: PrometheusServer | undefined;

test.afterAll(async () => {
  await prometheus?.stop();
  await app?.stop();
  rmSync(DATA_DIR, { recursive: true, force: true });
});

/** Whether a series held 0 at some point and 1 later: the change from OPERATIONAL (or DOWNTIME) to OFFLINE. */
function wentFromZeroToOne(values: readonly [number, string][]): boolean {
  const firstZero = values.findIndex(([, value]) => value === "0");
  return firstZero >= 0 && values.slice(firstZero + 1).some(([, value]) => value === "1");
}

test("a real Prometheus scrapes /metrics with a metrics token, sees a business service go OFFLINE and fires the shipped alert", async ({ page }) => {
  test.setTimeout(300_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  app = await startAppServer("prometheus", {
    DATABASE_URL: `pglite:${DATA_DIR}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    BSM_SECRET_KEY: randomBytes(32).toString("base64url"),
    BSM_ADMIN_EMAIL: ADMIN.email,
    BSM_ADMIN_PASSWORD: ADMIN.password,
    BSM_SEED_DEMO: "0",
    BSM_SOURCE: "simulated",
    BSM_SOURCE_SETTINGS: JSON.stringify(SIMULATED),
    BSM_POLL_INTERVAL_SECONDS: "1",
  });

  // The scrape's credentials: a metrics-scope token the admin makes through the token API.
  await signIn(page, ADMIN, app.url);
  await expect(page.getByTestId("signed-in-user")).toContainText(ADMIN.email, { timeout: 30_000 });
  const created = await page.request.post(`${app.url}/api/tokens`, {
    data: { name: "prometheus scrape", scope: "metrics" },
    headers: { origin: app.url }, // a session's API change must come from the site itself
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  expect([401, 403], "an anonymous scrape is refused").toContain((await fetch(`${app.url}/metrics`)).status);

  prometheus = await startPrometheus({
    name: "metrics",
    target: `127.0.0.1:${app.port}`,
    bearerToken: token,
    // The shipped rules, with only the `for:` durations shortened (5 minutes would outlast the test).
    ruleFiles: { "bsm-dashboard.rules.yml": withShortenedForDurations(readFileSync(RULES_FILE, "utf8"), "5s") },
  });
  const server = prometheus;

  // The app is scraped with the token.
  await expect.poll(async () => (await server.query(`up{${JOB}}`)).map((sample) => sample.value[1]), { timeout: 60_000 }).toEqual(["1"]);
  const [target] = await server.targets();
  expect(target).toMatchObject({ health: "up", scrapeUrl: `http://127.0.0.1:${app.port}/metrics`, lastError: "" });

  // A business service's OFFLINE series goes from 0 to 1 when the simulated estate takes it offline.
  let wentOffline: string[] = [];
  await expect
    .poll(
      async () => {
        const series = await server.queryRange(`bsm_business_service_state{${JOB}, state="OFFLINE"}`, 300);
        wentOffline = series.filter((one) => wentFromZeroToOne(one.values)).map((one) => one.metric.service);
        return wentOffline.length;
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .toBeGreaterThan(0);
  const service = wentOffline[0];
  test.info().annotations.push({ type: "went OFFLINE", description: wentOffline.join(", ") });
  // Its other states moved with it: one state at a time.
  const [states] = await server.query(`sum(bsm_business_service_state{${JOB}, service="${service}"})`);
  expect(states.value[1]).toBe("1");

  // The shipped "business service offline" alert fires for it, naming it.
  await expect
    .poll(
      async () =>
        (await server.alerts())
          .filter((alert) => alert.labels.alertname === "BsmBusinessServiceOffline" && alert.state === "firing")
          .map((alert) => alert.labels.service),
      { timeout: 60_000, intervals: [1_000] },
    )
    .toContain(service);
  const firing = (await server.alerts()).find((alert) => alert.labels.alertname === "BsmBusinessServiceOffline" && alert.labels.service === service);
  expect(firing?.annotations.summary).toBe(`Business service ${service} is OFFLINE`);
  expect(await server.query(`ALERTS{alertname="BsmBusinessServiceOffline", alertstate="firing", service="${service}"}`)).toHaveLength(1);
  // The target and the poller are healthy, so their alerts stay quiet.
  const quiet = (await server.alerts()).filter((alert) => ["BsmDashboardDown", "BsmPollerStale", "BsmPollerFailing"].includes(alert.labels.alertname));
  expect(quiet).toEqual([]);

  // Every metric of the contract reaches Prometheus under its name.
  const scraped = new Set((await server.query(`count by (__name__) ({${JOB}})`)).map((sample) => sample.metric.__name__));
  const expected = [...BSM_GAUGES_AND_COUNTERS, ...BSM_HISTOGRAMS.map((name) => `${name}_count`), ...PROCESS_METRICS];
  expect(expected.filter((name) => !scraped.has(name))).toEqual([]);

  // Every query of the shipped Grafana dashboard is valid PromQL to this Prometheus.
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, "utf8")) as { panels: { title: string; targets?: { expr: string }[] }[] };
  for (const panel of dashboard.panels) {
    for (const { expr } of panel.targets ?? []) {
      const query = expr.replaceAll("$__rate_interval", "1m").replaceAll("$job", SCRAPE_JOB).replaceAll("$service", ".*");
      await expect(server.query(query), `${panel.title}: ${query}`).resolves.toBeDefined();
    }
  }
});
