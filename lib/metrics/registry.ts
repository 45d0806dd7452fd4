// The Prometheus metrics of the app (README "Operating it"). Estate and poller gauges are read at
// scrape time from the stored rows (lib/metrics/stored-metrics.ts), so every instance reports the
// same whichever process polls; histograms and counters are observed in this process.

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { HOST_STATES, SERVICE_STATES } from "../bsm";
import type { CyclePhases } from "../poller/cycle-cost";
import type { StoredMetrics } from "./stored-metrics";

export const POLLER_PHASES = ["read", "evaluate", "store"] as const;
export type PollerPhase = (typeof POLLER_PHASES)[number];

export interface MetricsOptions {
  loadStored: () => Promise<StoredMetrics>;
  now?: () => number;
  /** prom-client's process metrics (memory, CPU, event-loop lag); off in tests that compare whole outputs. */
  processMetrics?: boolean;
}

export interface AppMetrics {
  registry: Registry;
  pollerPhaseSeconds: Histogram<"phase">;
  pollerEventsPublished: Counter;
  eventStreamClients: Gauge;
  httpRequestDuration: Histogram<"route" | "method" | "status">;
  signInFailures: Counter;
  /** A successful cycle's phases (ms), as the poller measured them. */
  observeCyclePhases(phases: CyclePhases): void;
}

const SERVICE_LABELS = ["service_id", "service"] as const;
const COMPONENT_LABELS = ["component_id", "component"] as const;
type ServiceLabel = (typeof SERVICE_LABELS)[number];
type ComponentLabel = (typeof COMPONENT_LABELS)[number];

/** Shares one load among the collect callbacks of one scrape (prom-client collects every metric at once). */
function sharedLoad<T>(load: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    inFlight ??= load().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };
}

export function createMetrics(options: MetricsOptions): AppMetrics {
  const registry = new Registry();
  const registers = [registry];
  const now = options.now ?? Date.now;
  const stored = sharedLoad(options.loadStored);

  // A gauge filled from the stored rows at each scrape; reset first, so objects that no longer exist disappear.
  function storedGauge<L extends string>(name: string, help: string, labelNames: readonly L[], fill: (snapshot: StoredMetrics, set: (labels: Record<L, string>, value: number) => void) => void) {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const snapshot = await stored();
        this.reset();
        fill(snapshot, (labels, value) => this.set(labels as Partial<Record<L, string>>, value));
      },
    });
  }
  const serviceGauge = (name: string, help: string, value: (service: StoredMetrics["services"][number]) => number) =>
    storedGauge<ServiceLabel>(name, help, SERVICE_LABELS, (snapshot, set) => {
      for (const service of snapshot.services) set({ service_id: service.id, service: service.name }, value(service));
    });
  const componentGauge = (name: string, help: string, value: (component: StoredMetrics["components"][number]) => number) =>
    storedGauge<ComponentLabel>(name, help, COMPONENT_LABELS, (snapshot, set) => {
      for (const component of snapshot.components) set({ component_id: component.id, component: component.name }, value(component));
    });
  const flag = (on: boolean) => (on ? 1 : 0);

  storedGauge<ServiceLabel | "state">(
    "bsm_business_service_state",
    "1 for the business service's current state (OPERATIONAL, OFFLINE, DOWNTIME), 0 for the others",
    [...SERVICE_LABELS, "state"],
    (snapshot, set) => {
      for (const service of snapshot.services) {
        for (const state of SERVICE_STATES) set({ service_id: service.id, service: service.name, state }, flag(service.state === state));
      }
    },
  );
  serviceGauge("bsm_business_service_acknowledged", "1 when the business service's problem is acknowledged", (service) => flag(service.acknowledged));
  serviceGauge("bsm_business_service_impacted", "1 when a component of the business service is failed or in downtime", (service) => flag(service.impacted));
  serviceGauge("bsm_business_service_availability_ratio", "The business service's availability over the last 24 hours (0 to 1)", (service) => service.availability / 100);
  serviceGauge("bsm_business_service_components_total", "Components of the business service", (service) => service.componentsTotal);
  serviceGauge("bsm_business_service_components_failed", "Failed components of the business service", (service) => service.componentsFailed);
  serviceGauge("bsm_business_service_components_downtime", "Components of the business service in downtime", (service) => service.componentsDowntime);

  storedGauge<ComponentLabel | "state">(
    "bsm_component_state",
    "1 for the component's current state (OPERATIONAL, FAILED, DOWNTIME), 0 for the others",
    [...COMPONENT_LABELS, "state"],
    (snapshot, set) => {
      for (const component of snapshot.components) {
        for (const state of HOST_STATES) set({ component_id: component.id, component: component.name, state }, flag(component.state === state));
      }
    },
  );
  componentGauge("bsm_component_acknowledged", "1 when the component's problem is acknowledged", (component) => flag(component.acknowledged));
  componentGauge("bsm_component_impacted", "1 when a host of the component is failed or in downtime", (component) => flag(component.impacted));
  componentGauge("bsm_component_availability_ratio", "The component's availability over the last 24 hours (0 to 1)", (component) => component.availability / 100);
  componentGauge("bsm_component_hosts_total", "Hosts of the component", (component) => component.hostsTotal);
  componentGauge("bsm_component_hosts_failed", "Failed hosts of the component", (component) => component.hostsFailed);
  componentGauge("bsm_component_hosts_downtime", "Hosts of the component in downtime", (component) => component.hostsDowntime);

  const lastSuccessSeconds = (snapshot: StoredMetrics) => (snapshot.poller?.lastSuccessAt?.getTime() ?? 0) / 1000;
  storedGauge("bsm_poller_last_success_timestamp_seconds", "When the last successful poll cycle ran (Unix time; 0 before the first)", [], (snapshot, set) =>
    set({}, lastSuccessSeconds(snapshot)),
  );
  storedGauge("bsm_poller_consecutive_failures", "Poll cycles failed in a row", [], (snapshot, set) => set({}, snapshot.poller?.consecutiveFailures ?? 0));
  storedGauge(
    "bsm_poller_staleness_seconds",
    "Seconds since the last successful poll cycle (seconds since 1970 when none has succeeded)",
    [],
    (snapshot, set) => set({}, Math.max(0, now() / 1000 - lastSuccessSeconds(snapshot))),
  );
  storedGauge("bsm_poller_checks_known", "Service checks the poller has stored", [], (snapshot, set) => set({}, snapshot.checksKnown));
  storedGauge("bsm_poller_hosts_known", "Monitored hosts the poller has stored", [], (snapshot, set) => set({}, snapshot.hostsKnown));

  const pollerPhaseSeconds = new Histogram({
    name: "bsm_poller_cycle_phase_seconds",
    help: "Where successful poll cycles of this process spent their time: reading the source, evaluating, storing",
    labelNames: ["phase"] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers,
  });
  const pollerEventsPublished = new Counter({
    name: "bsm_poller_events_published_total",
    help: "Live events (status changes, poll results) this process's poller published",
    registers,
  });
  const eventStreamClients = new Gauge({ name: "bsm_event_stream_clients", help: "Open live event streams (/api/events) of this process", registers });
  const httpRequestDuration = new Histogram({
    name: "bsm_http_request_duration_seconds",
    help: "REST API requests of this process by route pattern, method and status, until the answer starts",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const signInFailures = new Counter({ name: "bsm_sign_in_failures_total", help: "Refused sign-ins (wrong password, unknown account, throttled)", registers });

  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  return {
    registry,
    pollerPhaseSeconds,
    pollerEventsPublished,
    eventStreamClients,
    httpRequestDuration,
    signInFailures,
    observeCyclePhases(phases) {
      pollerPhaseSeconds.observe({ phase: "read" }, phases.readMs / 1000);
      pollerPhaseSeconds.observe({ phase: "evaluate" }, phases.evaluateMs / 1000);
      pollerPhaseSeconds.observe({ phase: "store" }, phases.storeMs / 1000);
    },
  };
}
