import { appMetrics } from "./app-metrics";
import { routePatternOf } from "./route-pattern";

/** Runs an API request and observes its duration by route pattern, method and status (bsm_http_request_duration_seconds). */
export async function timeApiRequest(request: Request, answer: () => Promise<Response>): Promise<Response> {
  const startedAt = performance.now();
  const response = await answer();
  appMetrics().httpRequestDuration.observe(
    { route: routePatternOf(new URL(request.url).pathname), method: request.method.toUpperCase(), status: String(response.status) },
    (performance.now() - startedAt) / 1000,
  );
  return response;
}
