/**
 * The REST API's route patterns, as the app/api folders name them (route-pattern.test.ts checks the list
 * against them): the `route` label of bsm_http_request_duration_seconds, so it never holds ids or queries.
 */
export const API_ROUTE_PATTERNS = [
  "/api/actions",
  "/api/actions/acknowledge",
  "/api/actions/capabilities",
  "/api/actions/downtime",
  "/api/actions/remove-acknowledgement",
  "/api/actions/remove-downtime",
  "/api/auth/[...nextauth]",
  "/api/config/bsmcomponent",
  "/api/config/bsmcomponent/[id]",
  "/api/config/bsmservice",
  "/api/config/bsmservice/[id]",
  "/api/config/export",
  "/api/config/hosts",
  "/api/config/hosttemplates",
  "/api/config/import",
  "/api/config/import/business-process",
  "/api/config/import/opsview",
  "/api/config/membership",
  "/api/config/membership/apply",
  "/api/config/membership/dismiss",
  "/api/connectivity/connections",
  "/api/connectivity/interfaces",
  "/api/events",
  "/api/health",
  "/api/openapi.json",
  "/api/ready",
  "/api/search",
  "/api/sla/business-services/[id]",
  "/api/sla/components/[id]",
  "/api/sla/excluded-periods",
  "/api/sla/excluded-periods/[id]",
  "/api/sla/report",
  "/api/status/bsmcomponent",
  "/api/status/bsmhost",
  "/api/status/bsmservice",
  "/api/tokens",
  "/api/tokens/[id]",
  "/api/views/availability",
  "/api/views/components/[id]",
  "/api/views/investigate/[...target]",
  "/api/views/services/[id]",
  "/api/views/summary",
  "/api/views/topology",
  "/api/whatif/evaluate",
  "/api/whatif/scenarios",
  "/api/whatif/scenarios/[id]",
] as const;

const SPLIT = API_ROUTE_PATTERNS.map((pattern) => ({ pattern, segments: pattern.split("/").slice(1) }));

/** The pattern a request path belongs to (/api/config/bsmservice/12 → /api/config/bsmservice/[id]), or "other". */
export function routePatternOf(pathname: string): string {
  const segments = pathname.replace(/\/+$/, "").split("/").slice(1);
  // Fixed segments win over [id] ones, as in Next's own routing.
  let best: { pattern: string; fixed: number } | null = null;
  for (const { pattern, segments: expected } of SPLIT) {
    const fixed = matchFixedSegments(expected, segments);
    if (fixed !== null && (best === null || fixed > best.fixed)) best = { pattern, fixed };
  }
  return best?.pattern ?? "other";
}

function matchFixedSegments(expected: readonly string[], actual: readonly string[]): number | null {
  let fixed = 0;
  for (let index = 0; index < expected.length; index++) {
    const part = expected[index]!;
    if (part.startsWith("[...")) return actual.length > index ? fixed : null;
    if (index >= actual.length) return null;
    if (part.startsWith("[")) continue;
    if (part !== actual[index]) return null;
    fixed += 1;
  }
  return actual.length === expected.length ? fixed : null;
}
