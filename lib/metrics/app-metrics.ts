import { createMetrics, type AppMetrics } from "./registry";
import { loadStoredMetrics } from "./stored-metrics";

// One registry per process: route handlers and the poller are bundled apart, so it lives on globalThis.
const globalForMetrics = globalThis as typeof globalThis & { bsmMetrics?: AppMetrics };

/** This process's metrics, read by GET /metrics. */
export function appMetrics(): AppMetrics {
  globalForMetrics.bsmMetrics ??= createMetrics({
    // Imported when a scrape needs it: lib/db is the web server's (server-only), and `npm run poller` loads this module too.
    loadStored: async () => loadStoredMetrics((await import("../db")).getPrisma()),
    processMetrics: true,
  });
  return globalForMetrics.bsmMetrics;
}
