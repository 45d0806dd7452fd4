import { serveMetrics } from "@/lib/metrics/serve-metrics";

export const dynamic = "force-dynamic";

/** Prometheus metrics (lib/metrics); who may read them: lib/metrics/access.ts. */
export function GET(request: Request) {
  return serveMetrics(request);
}
