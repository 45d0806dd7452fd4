import { getPrisma } from "../db";
import { createMetrics, type AppMetrics } from "./registry";
import { loadStoredMetrics } from "./stored-metrics";

// One registry per process: route handlers and the poller are bundled apart, so it lives on globalThis.
const globalForMetrics = globalThis as typeof globalThis & { bsmMetrics?: AppMetrics };

/** This process's metrics, read by GET /metrics. */
export function appMetrics(): AppMetrics {
  globalForMetrics.bsmMetrics ??= createMetrics({ loadStored: () => loadStoredMetrics(getPrisma()), processMetrics: true });
  return globalForMetrics.bsmMetrics;
}
