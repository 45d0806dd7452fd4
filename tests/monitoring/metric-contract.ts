/**
 * The metric names /metrics exposes (issue 20), as the shipped Grafana dashboard and alert rules may
 * use them. Histograms are listed by their base name; their _bucket, _sum and _count series follow.
 */
export const BSM_GAUGES_AND_COUNTERS = [
  "bsm_business_service_state",
  "bsm_business_service_acknowledged",
  "bsm_business_service_impacted",
  "bsm_business_service_availability_ratio",
  "bsm_business_service_components_failed",
  "bsm_business_service_components_downtime",
  "bsm_component_state",
  "bsm_component_acknowledged",
  "bsm_component_impacted",
  "bsm_component_availability_ratio",
  "bsm_component_hosts_failed",
  "bsm_component_hosts_downtime",
  "bsm_poller_last_success_timestamp_seconds",
  "bsm_poller_consecutive_failures",
  "bsm_poller_staleness_seconds",
  "bsm_poller_checks_known",
  "bsm_poller_hosts_known",
  "bsm_poller_events_published_total",
  "bsm_event_stream_clients",
  "bsm_sign_in_failures_total",
] as const;

export const BSM_HISTOGRAMS = ["bsm_poller_cycle_phase_seconds", "bsm_http_request_duration_seconds"] as const;

/** prom-client's default metrics that the dashboard reads. */
export const PROCESS_METRICS = [
  "process_resident_memory_bytes",
  "process_cpu_seconds_total",
  "nodejs_heap_size_used_bytes",
  "nodejs_eventloop_lag_seconds",
  "nodejs_eventloop_lag_p99_seconds",
] as const;

/** Series Prometheus makes itself for every target. */
export const PROMETHEUS_SERIES = ["up"] as const;

export const BSM_METRIC_FAMILIES: readonly string[] = [...BSM_GAUGES_AND_COUNTERS, ...BSM_HISTOGRAMS];

export const ALLOWED_SERIES: ReadonlySet<string> = new Set([
  ...BSM_GAUGES_AND_COUNTERS,
  ...BSM_HISTOGRAMS.flatMap((name) => [`${name}_bucket`, `${name}_sum`, `${name}_count`]),
  ...PROCESS_METRICS,
  ...PROMETHEUS_SERIES,
]);

/** The metric family a series name belongs to (a histogram's _bucket/_sum/_count series → the histogram). */
export function familyOf(series: string): string {
  const histogram = BSM_HISTOGRAMS.find((name) => series.startsWith(`${name}_`));
  return histogram ?? series;
}

const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan"]);

/**
 * The metric names a PromQL expression selects. Enough PromQL for our queries: string literals,
 * label matchers ({…}), ranges ([…]), grouping label lists (by/on/… (…)) and function names are
 * not metric names.
 */
export function metricNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, " ")
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " ")
    .replace(/\boffset\s+\S+/g, " ")
    .replace(/(^|[^\w.$])\d+(\.\d+)?(e[+-]?\d+)?/gi, "$1 ");
  const names = new Set<string>();
  for (const match of stripped.matchAll(/(?<![\w$])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = match;
    if (call || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names].sort();
}
