import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listenerOnPort, startOnFreePort } from "../tests/support/free-port";
import { E2E_PORT } from "./settings";

/** Debian's `prometheus` package (scripts/ensure-system-packages.sh installs it for `npm test`). */
export const PROMETHEUS_BINARY = "/usr/bin/prometheus";
/** The job name the shipped alert rules expect (docs/monitoring/bsm-dashboard.rules.yml, BsmDashboardDown). */
export const SCRAPE_JOB = "bsm-dashboard";

const READY_WITHIN_MS = 60_000;

export interface PrometheusOptions {
  /** Tells the log files of the specs apart. */
  name: string;
  /** host:port of the app whose /metrics is scraped. */
  target: string;
  /** Sent as `Authorization: Bearer …` from a credentials file, as an operator would configure it. */
  bearerToken: string;
  /** Rule files to load, by file name. */
  ruleFiles: Record<string, string>;
}

export interface PrometheusServer {
  url: string;
  logFile: string;
  /** An instant query through the HTTP API; throws when Prometheus answers with an error. */
  query(expr: string): Promise<VectorSample[]>;
  /** A range query over the last `seconds`, one point a second. */
  queryRange(expr: string, seconds: number): Promise<MatrixSeries[]>;
  targets(): Promise<ActiveTarget[]>;
  alerts(): Promise<PrometheusAlert[]>;
  /** Stops Prometheus and removes its configuration and data. */
  stop(): Promise<void>;
}

export interface VectorSample {
  metric: Record<string, string>;
  value: [number, string];
}
export interface MatrixSeries {
  metric: Record<string, string>;
  values: [number, string][];
}
export interface ActiveTarget {
  labels: Record<string, string>;
  scrapeUrl: string;
  health: "up" | "down" | "unknown";
  lastError: string;
}
export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: "pending" | "firing";
}

/**
 * Starts a Prometheus of its own on 127.0.0.1 (a free port, checked to be its own process), with a
 * temporary directory for its configuration, the scrape token and the TSDB, scraping `target`'s
 * /metrics every second and evaluating the given rules every second.
 */
export async function startPrometheus(options: PrometheusOptions): Promise<PrometheusServer> {
  const directory = mkdtempSync(path.join(tmpdir(), "bsm-prometheus-"));
  const tokenFile = path.join(directory, "metrics-token");
  writeFileSync(tokenFile, options.bearerToken, { mode: 0o600 });
  for (const [file, text] of Object.entries(options.ruleFiles)) writeFileSync(path.join(directory, file), text);
  const configFile = path.join(directory, "prometheus.yml");
  writeFileSync(configFile, scrapeConfig(options, tokenFile, directory));
  mkdirSync("test-results", { recursive: true });
  const logFile = `test-results/prometheus-${options.name}-${E2E_PORT}.log`;
  let child: ChildProcess | null = null;

  const launch = async (port: number) => {
    const output = openSync(logFile, "a");
    const spawned = spawn(
      PROMETHEUS_BINARY,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${path.join(directory, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { detached: true, stdio: ["ignore", output, output] },
    );
    closeSync(output);
    child = spawned;
    try {
      await waitUntilReady(spawned, port);
    } catch (error) {
      await stopProcess(spawned);
      throw error;
    }
    return { server: port, pid: spawned.pid ?? -1 };
  };

  let port: number;
  try {
    port = await startOnFreePort(launch, () => stopProcess(child));
  } catch (error) {
    rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  const api = async <T>(pathAndQuery: string): Promise<T> => {
    const response = await fetch(`${url}${pathAndQuery}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== "success") throw new Error(`Prometheus ${pathAndQuery}: ${body.error ?? response.status}`);
    return body.data;
  };

  return {
    url,
    logFile,
    query: async (expr) => (await api<{ result: VectorSample[] }>(`/api/v1/query?query=${encodeURIComponent(expr)}`)).result,
    async queryRange(expr, seconds) {
      const end = Date.now() / 1000;
      const search = new URLSearchParams({ query: expr, start: String(end - seconds), end: String(end), step: "1" });
      return (await api<{ result: MatrixSeries[] }>(`/api/v1/query_range?${search}`)).result;
    },
    targets: async () => (await api<{ activeTargets: ActiveTarget[] }>("/api/v1/targets?state=active")).activeTargets,
    alerts: async () => (await api<{ alerts: PrometheusAlert[] }>("/api/v1/alerts")).alerts,
    async stop() {
      await stopProcess(child);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function scrapeConfig(options: PrometheusOptions, tokenFile: string, directory: string): string {
  // JSON is YAML: no quoting rules to get wrong for paths. Scraped and evaluated every second, so a
  // change the app stores shows in Prometheus within seconds (the app answers /metrics from stored rows, cheaply).
  return JSON.stringify(
    {
      global: { scrape_interval: "1s", scrape_timeout: "1s", evaluation_interval: "1s" },
      rule_files: Object.keys(options.ruleFiles).map((file) => path.join(directory, file)),
      scrape_configs: [
        {
          job_name: SCRAPE_JOB,
          metrics_path: "/metrics",
          authorization: { type: "Bearer", credentials_file: tokenFile },
          static_configs: [{ targets: [options.target] }],
        },
      ],
    },
    null,
    2,
  );
}

async function waitUntilReady(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/-/ready`)).ok && listenerOnPort(port, child.pid ?? -1) === "own") return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`prometheus on port ${port} was not ready in ${READY_WITHIN_MS / 1000} s`);
}

async function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const group = child.pid;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-group, "SIGTERM");
  const forceKill = setTimeout(() => process.kill(-group, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(forceKill);
}

/**
 * The shipped rules with every `for:` shortened to `duration`, so a test sees an alert fire in
 * seconds instead of minutes; the expressions, labels and annotations stay as shipped.
 */
export function withShortenedForDurations(rules: string, duration: string): string {
  return rules.replace(/^(\s*for:\s*)\S+\s*$/gm, `$1${duration}`);
}
