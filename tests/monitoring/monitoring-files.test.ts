import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALLOWED_SERIES, BSM_METRIC_FAMILIES, familyOf, metricNamesIn } from "./metric-contract";

const DOCS = path.resolve(import.meta.dirname, "../../docs/monitoring");
const DATASOURCE = "${DS_PROMETHEUS}";

interface Target {
  refId?: string;
  expr?: string;
  datasource?: { type?: string; uid?: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  gridPos?: { h: number; w: number; x: number; y: number };
}
interface Dashboard {
  __inputs: { name: string; type: string; pluginId: string }[];
  schemaVersion: number;
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; datasource?: { uid?: string }; query: { query: string } | string }[] };
}

const dashboard = JSON.parse(readFileSync(path.join(DOCS, "grafana-dashboard.json"), "utf8")) as Dashboard;
const rulesText = readFileSync(path.join(DOCS, "bsm-dashboard.rules.yml"), "utf8");
const queryPanels = dashboard.panels.filter((panel) => panel.type !== "row");
const dashboardQueries = [
  ...queryPanels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel "${panel.title}" ${target.refId}`, expr: target.expr ?? "" }))),
  ...dashboard.templating.list.map((variable) => ({
    where: `variable ${variable.name}`,
    // label_values(selector, label): the selector names a metric.
    expr: (typeof variable.query === "string" ? variable.query : variable.query.query).replace(/^label_values\((.*),\s*\w+\)$/, "$1"),
  })),
];
/** The `expr:` of each rule; the rules are simple enough that a line-based read needs no YAML parser. */
const ruleExpressions = [...rulesText.matchAll(/^\s*expr:\s*(.+)$/gm)].map((match) => match[1].trim());

describe("metricNamesIn", () => {
  it.each([
    ['up{job="bsm-dashboard"} == 0', ["up"]],
    ['max by (service_id, service) (bsm_business_service_state{state="OFFLINE"}) == 1', ["bsm_business_service_state"]],
    ["histogram_quantile(0.95, sum by (le, phase) (rate(bsm_poller_cycle_phase_seconds_bucket[$__rate_interval])))", ["bsm_poller_cycle_phase_seconds_bucket"]],
    ["time() - max(bsm_poller_last_success_timestamp_seconds{job=~\"$job\"})", ["bsm_poller_last_success_timestamp_seconds"]],
    ["count(a_metric == 1) or vector(0) and on (x) b_metric offset 5m", ["a_metric", "b_metric"]],
  ])("finds the metrics of %s", (expr, names) => {
    expect(metricNamesIn(expr)).toEqual(names);
  });
});

describe("the Grafana dashboard (docs/monitoring/grafana-dashboard.json)", () => {
  it("is importable: a Prometheus datasource input, a current schema, unique panel ids, every panel placed", () => {
    expect(dashboard.__inputs).toContainEqual(expect.objectContaining({ name: "DS_PROMETHEUS", type: "datasource", pluginId: "prometheus" }));
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.schemaVersion).toBeLessThanOrEqual(41);
    expect(dashboard.uid).toBe("bsm-dashboard");
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) expect(panel.gridPos, panel.title).toBeDefined();
  });

  it("queries only the datasource chosen at import", () => {
    for (const panel of queryPanels) {
      expect(panel.datasource?.uid, panel.title).toBe(DATASOURCE);
      for (const target of panel.targets ?? []) expect(target.datasource?.uid, `${panel.title} ${target.refId}`).toBe(DATASOURCE);
    }
    for (const variable of dashboard.templating.list) expect(variable.datasource?.uid, variable.name).toBe(DATASOURCE);
  });

  it("uses only metric names /metrics exposes", () => {
    expect(queryPanels.length).toBeGreaterThan(10);
    for (const { where, expr } of dashboardQueries) {
      const names = metricNamesIn(expr);
      expect(names.length, `${where} selects no metric: ${expr}`).toBeGreaterThan(0);
      for (const name of names) expect(ALLOWED_SERIES.has(name), `${where} uses ${name}, which /metrics does not expose`).toBe(true);
    }
  });

  it("shows every BSM metric somewhere", () => {
    const used = new Set(dashboardQueries.flatMap(({ expr }) => metricNamesIn(expr)).map(familyOf));
    expect(BSM_METRIC_FAMILIES.filter((family) => !used.has(family))).toEqual([]);
  });
});

describe("the alert rules (docs/monitoring/bsm-dashboard.rules.yml)", () => {
  it("use only metric names /metrics exposes", () => {
    expect(ruleExpressions.length).toBeGreaterThanOrEqual(5);
    for (const expr of ruleExpressions) {
      for (const name of metricNamesIn(expr)) expect(ALLOWED_SERIES.has(name), `rule ${expr} uses ${name}`).toBe(true);
    }
  });

  it("alert when a business service is OFFLINE for 5 minutes, naming it", () => {
    const rule = rulesText.slice(rulesText.indexOf("alert: BsmBusinessServiceOffline"));
    expect(rule).toMatch(/^\s*expr: .*bsm_business_service_state\{state="OFFLINE"\}.*== 1$/m);
    expect(rule).toMatch(/^\s*for: 5m$/m);
    expect(rule).toContain("{{ $labels.service }}");
  });

  it("cover the poller and the scrape target, and say the error-budget alert waits for the SLA feature", () => {
    for (const alert of ["BsmPollerStale", "BsmPollerFailing", "BsmDashboardDown"]) expect(rulesText).toContain(`alert: ${alert}`);
    expect(rulesText).toMatch(/error-budget burn alert.*issue 18/s);
  });
});
