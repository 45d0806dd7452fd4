import { describe, expect, it } from "vitest";
import { parsePrometheusText, samplesOf } from "@/tests/support/prometheus-text";
import { publishWithMetrics } from "./poller-hooks";
import { createMetrics } from "./registry";
import type { StoredMetrics } from "./stored-metrics";

const NOW = Date.parse("2026-12-05T12:00:00Z");

function snapshot(overrides: Partial<StoredMetrics> = {}): StoredMetrics {
  return {
    services: [
      { id: "1", name: "Payment API", state: "OFFLINE", acknowledged: true, impacted: true, availability: 97.5, componentsTotal: 3, componentsFailed: 2, componentsDowntime: 1 },
      { id: "2", name: 'Web "shop"', state: "OPERATIONAL", acknowledged: false, impacted: false, availability: 100, componentsTotal: 1, componentsFailed: 0, componentsDowntime: 0 },
    ],
    components: [{ id: "7", name: "Web servers", state: "DOWNTIME", acknowledged: false, impacted: true, availability: 50, hostsTotal: 4, hostsFailed: 1, hostsDowntime: 3 }],
    poller: { lastSuccessAt: new Date(NOW - 42_000), consecutiveFailures: 2, staleSince: new Date(NOW - 30_000) },
    checksKnown: 120,
    hostsKnown: 12,
    ...overrides,
  };
}

async function scrape(stored: () => StoredMetrics) {
  let loads = 0;
  const metrics = createMetrics({ loadStored: async () => (loads++, stored()), now: () => NOW });
  return { metrics, scrape: async () => parsePrometheusText(await metrics.registry.metrics()), loads: () => loads };
}

describe("the metric registry", () => {
  it("reports each business service's state as one 0/1 series per state, its flags, availability ratio and component counts", async () => {
    const { scrape: read } = await scrape(() => snapshot());
    const samples = await read();
    expect(samplesOf(samples, "bsm_business_service_state", { service_id: "1" }).map(({ labels, value }) => [labels.service, labels.state, value])).toEqual([
      ["Payment API", "OPERATIONAL", 0],
      ["Payment API", "OFFLINE", 1],
      ["Payment API", "DOWNTIME", 0],
    ]);
    expect(samplesOf(samples, "bsm_business_service_state", { service_id: "2", state: "OPERATIONAL" })[0]).toMatchObject({ labels: { service: 'Web "shop"' }, value: 1 });
    const of = (name: string) => samplesOf(samples, name, { service_id: "1", service: "Payment API" }).map((sample) => sample.value);
    expect(of("bsm_business_service_acknowledged")).toEqual([1]);
    expect(of("bsm_business_service_impacted")).toEqual([1]);
    expect(of("bsm_business_service_availability_ratio")).toEqual([0.975]);
    expect(of("bsm_business_service_components_total")).toEqual([3]);
    expect(of("bsm_business_service_components_failed")).toEqual([2]);
    expect(of("bsm_business_service_components_downtime")).toEqual([1]);
  });

  it("reports each component's state, flags, availability ratio and host counts", async () => {
    const { scrape: read } = await scrape(() => snapshot());
    const samples = await read();
    expect(samplesOf(samples, "bsm_component_state", { component_id: "7", component: "Web servers" }).map(({ labels, value }) => [labels.state, value])).toEqual([
      ["OPERATIONAL", 0],
      ["FAILED", 0],
      ["DOWNTIME", 1],
    ]);
    const of = (name: string) => samplesOf(samples, name, { component_id: "7" }).map((sample) => sample.value);
    expect(of("bsm_component_acknowledged")).toEqual([0]);
    expect(of("bsm_component_impacted")).toEqual([1]);
    expect(of("bsm_component_availability_ratio")).toEqual([0.5]);
    expect(of("bsm_component_hosts_total")).toEqual([4]);
    expect(of("bsm_component_hosts_failed")).toEqual([1]);
    expect(of("bsm_component_hosts_downtime")).toEqual([3]);
  });

  it("reports the poller's stored state: last success, failures in a row, staleness, checks and hosts known", async () => {
    const { scrape: read } = await scrape(() => snapshot());
    const samples = await read();
    const value = (name: string) => samplesOf(samples, name).map((sample) => sample.value);
    expect(value("bsm_poller_last_success_timestamp_seconds")).toEqual([(NOW - 42_000) / 1000]);
    expect(value("bsm_poller_consecutive_failures")).toEqual([2]);
    expect(value("bsm_poller_staleness_seconds")).toEqual([42]);
    expect(value("bsm_poller_checks_known")).toEqual([120]);
    expect(value("bsm_poller_hosts_known")).toEqual([12]);
  });

  it("makes staleness large when the poller never succeeded", async () => {
    const { scrape: read } = await scrape(() => snapshot({ poller: null }));
    const samples = await read();
    expect(samplesOf(samples, "bsm_poller_last_success_timestamp_seconds")[0]?.value).toBe(0);
    expect(samplesOf(samples, "bsm_poller_staleness_seconds")[0]?.value).toBe(NOW / 1000);
  });

  it("drops the series of objects that no longer exist, and loads the stored rows once per scrape", async () => {
    let current = snapshot();
    const { scrape: read, loads } = await scrape(() => current);
    expect(samplesOf(await read(), "bsm_business_service_state", { service_id: "2" })).toHaveLength(3);
    expect(loads()).toBe(1);
    current = snapshot({ services: current.services.slice(0, 1), components: [] });
    const samples = await read();
    expect(loads()).toBe(2);
    expect(samplesOf(samples, "bsm_business_service_state", { service_id: "2" })).toEqual([]);
    expect(samplesOf(samples, "bsm_business_service_availability_ratio", { service_id: "2" })).toEqual([]);
    expect(samplesOf(samples, "bsm_component_state")).toEqual([]);
  });

  it("observes published events and each successful cycle's phases through the poller's publish function", async () => {
    const { metrics, scrape: read } = await scrape(() => snapshot());
    const published: string[] = [];
    const publish = publishWithMetrics(async (event) => void published.push(event.type), metrics);
    await publish({ type: "bsm", at: NOW, changes: [] });
    await publish({ type: "poll", at: NOW, ok: true, staleSince: null, message: null, phases: { readMs: 12, evaluateMs: 1, storeMs: 800 } });
    await publish({ type: "poll", at: NOW, ok: false, staleSince: NOW, message: "down" });
    const samples = await read();
    expect(published).toEqual(["bsm", "poll", "poll"]);
    expect(samplesOf(samples, "bsm_poller_events_published_total")[0]?.value).toBe(3);
    expect(samplesOf(samples, "bsm_poller_cycle_phase_seconds_count").map(({ labels, value }) => [labels.phase, value])).toEqual([
      ["read", 1],
      ["evaluate", 1],
      ["store", 1],
    ]);
    expect(samplesOf(samples, "bsm_poller_cycle_phase_seconds_sum", { phase: "store" })[0]?.value).toBe(0.8);
    expect(samplesOf(samples, "bsm_poller_cycle_phase_seconds_bucket", { phase: "store", le: "1" })[0]?.value).toBe(1);
  });

  it("has the web metrics under their names, and prom-client's process metrics when asked", async () => {
    const metrics = createMetrics({ loadStored: async () => snapshot(), processMetrics: true });
    metrics.httpRequestDuration.observe({ route: "/api/config/bsmservice/[id]", method: "GET", status: "200" }, 0.02);
    metrics.eventStreamClients.inc();
    metrics.signInFailures.inc();
    const samples = parsePrometheusText(await metrics.registry.metrics());
    expect(samplesOf(samples, "bsm_http_request_duration_seconds_count", { route: "/api/config/bsmservice/[id]", method: "GET", status: "200" })[0]?.value).toBe(1);
    expect(samplesOf(samples, "bsm_event_stream_clients")[0]?.value).toBe(1);
    expect(samplesOf(samples, "bsm_sign_in_failures_total")[0]?.value).toBe(1);
    expect(samplesOf(samples, "process_resident_memory_bytes")[0]?.value).toBeGreaterThan(0);
    expect(samplesOf(samples, "nodejs_eventloop_lag_seconds")).toHaveLength(1);
    expect(metrics.registry.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
