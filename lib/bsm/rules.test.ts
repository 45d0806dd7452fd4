import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBsmEngine } from "./engine";
import {
  compareForSummary,
  computeBusinessServiceStatus,
  computeComponentHostStatus,
  computeComponentStatus,
  effectiveRequiredOnline,
  operationalZonePercent,
  orderByZone,
  roundPercent,
  zoneFigures,
} from "./rules";
import { SEVERITY_ORDER, worstOf } from "./severity";
import { checkOf, componentEngine, hostName, servicesEngine, type ComponentShape } from "./testing/builders";
import type { CheckState, HostState, ServiceCheckStatus, ServiceState } from "./types";

/* One table per rule of docs/status-rules.md (§1–§5), named after the rule. */

type CheckRow = [state: CheckState, acknowledged: boolean, inDowntime: boolean];

function hostStatusOf(rows: readonly CheckRow[]) {
  const checks = rows.map(([state, acknowledged, inDowntime], index) =>
    checkOf("h", `check${index}`, state, { acknowledged, inDowntime }),
  );
  const engine = createBsmEngine(
    { components: [{ id: "c", name: "C", hostTemplate: "Web", hosts: ["h"], requiredOnline: 1 }], businessServices: [] },
    checks,
  );
  const viaEngine = engine.getComponentHost("c", "h");
  const viaRule = computeComponentHostStatus(checks);
  expect(viaEngine).toMatchObject(viaRule);
  return { state: viaRule.state, acknowledged: viaRule.acknowledged };
}

interface HostCase {
  case: string;
  checks: CheckRow[];
  state: HostState;
  acknowledged?: boolean;
}

describe("component host state", () => {
  const table = (rule: string, rows: HostCase[]) =>
    describe(rule, () => {
      it.each(rows)("$case", (row) => {
        const status = hostStatusOf(row.checks);
        expect(status.state).toBe(row.state);
        if (row.acknowledged !== undefined) expect(status.acknowledged).toBe(row.acknowledged);
      });
    });

  table("component host is OPERATIONAL when it has no CRITICAL check, even in downtime", [
    { case: "no checks", checks: [], state: "OPERATIONAL", acknowledged: false },
    { case: "all OK", checks: [["OK", false, false], ["OK", false, false]], state: "OPERATIONAL" },
    { case: "downtime without failures", checks: [["OK", false, true]], state: "OPERATIONAL", acknowledged: false },
    { case: "WARNING in downtime", checks: [["WARNING", false, true]], state: "OPERATIONAL" },
    { case: "acknowledged OK check", checks: [["OK", true, false]], state: "OPERATIONAL", acknowledged: false },
  ]);

  table("component host is DOWNTIME when every CRITICAL check is in downtime", [
    { case: "one CRITICAL in downtime", checks: [["CRITICAL", false, true]], state: "DOWNTIME" },
    { case: "two CRITICAL, both in downtime", checks: [["CRITICAL", false, true], ["CRITICAL", true, true]], state: "DOWNTIME" },
    { case: "CRITICAL in downtime beside OK", checks: [["CRITICAL", false, true], ["OK", false, false]], state: "DOWNTIME" },
    { case: "CRITICAL in downtime beside UNKNOWN", checks: [["CRITICAL", false, true], ["UNKNOWN", false, false]], state: "DOWNTIME" },
  ]);

  table("component host is FAILED when a CRITICAL check is not in downtime", [
    { case: "one CRITICAL", checks: [["CRITICAL", false, false]], state: "FAILED" },
    { case: "CRITICAL beside CRITICAL in downtime", checks: [["CRITICAL", false, false], ["CRITICAL", false, true]], state: "FAILED" },
    { case: "acknowledged CRITICAL", checks: [["CRITICAL", true, false]], state: "FAILED" },
  ]);

  table("component host is acknowledged when FAILED and every CRITICAL check not in downtime is acknowledged", [
    { case: "the one CRITICAL acknowledged", checks: [["CRITICAL", true, false]], state: "FAILED", acknowledged: true },
    { case: "two CRITICAL both acknowledged", checks: [["CRITICAL", true, false], ["CRITICAL", true, false]], state: "FAILED", acknowledged: true },
    { case: "one of two CRITICAL acknowledged", checks: [["CRITICAL", true, false], ["CRITICAL", false, false]], state: "FAILED", acknowledged: false },
    {
      case: "acknowledged with an unacknowledged CRITICAL in downtime (ignored)",
      checks: [["CRITICAL", true, false], ["CRITICAL", false, true]],
      state: "FAILED",
      acknowledged: true,
    },
    { case: "DOWNTIME host with acknowledged check is not acknowledged", checks: [["CRITICAL", true, true]], state: "DOWNTIME", acknowledged: false },
    { case: "acknowledged WARNING does not count", checks: [["WARNING", true, false], ["CRITICAL", false, false]], state: "FAILED", acknowledged: false },
  ]);

  table("UNKNOWN and WARNING never fail a host", [
    { case: "UNKNOWN", checks: [["UNKNOWN", false, false]], state: "OPERATIONAL" },
    { case: "WARNING", checks: [["WARNING", false, false]], state: "OPERATIONAL" },
    { case: "many UNKNOWN and WARNING", checks: [["UNKNOWN", false, false], ["WARNING", false, false], ["UNKNOWN", true, false]], state: "OPERATIONAL" },
  ]);

  describe("a component host sees only the checks its component's host template contributes", () => {
    const config = {
      components: [
        { id: "web", name: "Web", hostTemplate: "Web", hosts: ["h1"], requiredOnline: 1 },
        { id: "db", name: "DB", hostTemplate: "Database", hosts: ["h1"], requiredOnline: 1 },
      ],
      businessServices: [],
    };
    it.each<{ case: string; checks: ServiceCheckStatus[]; web: HostState; db: HostState }>([
      { case: "CRITICAL from another template is ignored", checks: [checkOf("h1", "MySQL", "CRITICAL", { hostTemplates: ["Database"] })], web: "OPERATIONAL", db: "FAILED" },
      { case: "CRITICAL from a template no component uses", checks: [checkOf("h1", "Disk", "CRITICAL", { hostTemplates: ["Base"] })], web: "OPERATIONAL", db: "OPERATIONAL" },
      { case: "a check two templates contribute counts for both", checks: [checkOf("h1", "Ping", "CRITICAL", { hostTemplates: ["Web", "Database"] })], web: "FAILED", db: "FAILED" },
      { case: "a CRITICAL check on another host is ignored", checks: [checkOf("h2", "HTTP", "CRITICAL")], web: "OPERATIONAL", db: "OPERATIONAL" },
      { case: "a check with no templates counts for nobody", checks: [checkOf("h1", "HTTP", "CRITICAL", { hostTemplates: [] })], web: "OPERATIONAL", db: "OPERATIONAL" },
    ])("$case", ({ checks, web, db }) => {
      const engine = createBsmEngine(config, checks);
      expect(engine.getComponentHost("web", "h1")?.state).toBe(web);
      expect(engine.getComponentHost("db", "h1")?.state).toBe(db);
    });
  });
});

interface ComponentCase {
  case: string;
  hosts: string;
  requiredOnline: number;
  state?: HostState;
  impacted?: boolean;
  acknowledged?: boolean;
}

describe("component state", () => {
  const table = (rule: string, rows: ComponentCase[]) =>
    describe(rule, () => {
      it.each(rows)("$case (hosts $hosts, R=$requiredOnline)", (row) => {
        const status = componentEngine(row.hosts, row.requiredOnline).getComponent("c");
        if (row.state !== undefined) expect(status?.state).toBe(row.state);
        if (row.impacted !== undefined) expect(status?.impacted).toBe(row.impacted);
        if (row.acknowledged !== undefined) expect(status?.acknowledged).toBe(row.acknowledged);
      });
    });

  describe("allowedToFail is N - R and operationalZonePercent is R / N * 100 with two decimals, 100 when N = 0", () => {
    it.each([
      { hosts: "OOO", requiredOnline: 2, allowedToFail: 1, percent: 66.67 },
      { hosts: "OOO", requiredOnline: 1, allowedToFail: 2, percent: 33.33 },
      { hosts: "OOO", requiredOnline: 3, allowedToFail: 0, percent: 100 },
      { hosts: "OOO", requiredOnline: 0, allowedToFail: 3, percent: 0 },
      { hosts: "OOOOOOO", requiredOnline: 1, allowedToFail: 6, percent: 14.29 },
      { hosts: "OOOOOOOO", requiredOnline: 1, allowedToFail: 7, percent: 12.5 },
      { hosts: "", requiredOnline: 0, allowedToFail: 0, percent: 100 },
    ])("N=$hosts.length, R=$requiredOnline", ({ hosts, requiredOnline, allowedToFail, percent }) => {
      const status = componentEngine(hosts, requiredOnline).getComponent("c");
      expect(status?.requiredOnline).toBe(requiredOnline);
      expect(status?.allowedToFail).toBe(allowedToFail);
      expect(status?.operationalZonePercent).toBe(percent);
      expect(operationalZonePercent(requiredOnline, hosts.length)).toBe(percent);
    });

    it("rounds half up exactly", () => {
      expect(roundPercent(1, 8)).toBe(12.5);
      expect(roundPercent(1, 32)).toBe(3.13);
      expect(roundPercent(1, 3)).toBe(33.33);
      expect(roundPercent(2, 3)).toBe(66.67);
      expect(roundPercent(85_500, 86_400)).toBe(98.96);
    });
  });

  describe("hosts are ordered OPERATIONAL, FAILED, DOWNTIME, keeping the configured order within a group", () => {
    it.each([
      { hosts: "OFD", zone: [1, 2, 3] },
      { hosts: "DFO", zone: [3, 2, 1] },
      { hosts: "FODAO", zone: [2, 5, 1, 4, 3] },
      { hosts: "DDOO", zone: [3, 4, 1, 2] },
      { hosts: "", zone: [] },
    ])("$hosts", ({ hosts, zone }) => {
      const engine = componentEngine(hosts, 0);
      expect(engine.zoneOrder("c")).toEqual(zone.map((position) => hostName("c", position - 1)));
    });
  });

  describe("Component view lists hosts FAILED, DOWNTIME, OPERATIONAL, keeping the configured order within a group", () => {
    it.each([
      { hosts: "OFD", order: [2, 3, 1] },
      { hosts: "DFO", order: [2, 1, 3] },
      { hosts: "FODAO", order: [1, 4, 3, 2, 5] },
      { hosts: "OO", order: [1, 2] },
    ])("$hosts", ({ hosts, order }) => {
      const engine = componentEngine(hosts, 0);
      expect(engine.componentViewOrder("c")).toEqual(order.map((position) => hostName("c", position - 1)));
    });
  });

  table("component is OPERATIONAL when at least R hosts are operational", [
    { case: "all operational, R = N", hosts: "OOO", requiredOnline: 3, state: "OPERATIONAL" },
    { case: "one failed, 2 of 3 required", hosts: "OFO", requiredOnline: 2, state: "OPERATIONAL" },
    { case: "R = 0 with every host failed", hosts: "FFF", requiredOnline: 0, state: "OPERATIONAL" },
    { case: "R = 0 with every host in downtime", hosts: "DD", requiredOnline: 0, state: "OPERATIONAL" },
    { case: "one operational is enough for R = 1", hosts: "DFO", requiredOnline: 1, state: "OPERATIONAL" },
  ]);

  table("component is FAILED when quorum is lost to a failed host", [
    { case: "R = N with one failed host", hosts: "OOF", requiredOnline: 3, state: "FAILED" },
    { case: "two failed, 2 of 3 required", hosts: "FOF", requiredOnline: 2, state: "FAILED" },
    { case: "failed host during downtime is pushed into the zone", hosts: "ODF", requiredOnline: 2, state: "FAILED" },
    { case: "acknowledged failures still fail", hosts: "AAO", requiredOnline: 2, state: "FAILED" },
    { case: "one failed among downtime, R = N", hosts: "DFD", requiredOnline: 3, state: "FAILED" },
  ]);

  table("component is DOWNTIME when quorum is lost only through hosts in downtime", [
    { case: "all hosts in downtime", hosts: "DDD", requiredOnline: 1, state: "DOWNTIME" },
    { case: "2 of 2 required, one host in planned downtime", hosts: "OD", requiredOnline: 2, state: "DOWNTIME" },
    { case: "2 of 3 required, two in downtime", hosts: "DOD", requiredOnline: 2, state: "DOWNTIME" },
    { case: "downtime that keeps quorum is operational", hosts: "ODO", requiredOnline: 2, state: "OPERATIONAL" },
  ]);

  table("component is impacted when it is OPERATIONAL and at least one host failed", [
    { case: "operational with a failed host", hosts: "OFO", requiredOnline: 2, state: "OPERATIONAL", impacted: true },
    { case: "R = 0, all failed", hosts: "FF", requiredOnline: 0, state: "OPERATIONAL", impacted: true },
    { case: "FAILED component is not impacted", hosts: "FF", requiredOnline: 1, state: "FAILED", impacted: false },
    { case: "operational with downtime only", hosts: "OD", requiredOnline: 1, state: "OPERATIONAL", impacted: false },
    { case: "DOWNTIME component is not impacted", hosts: "DD", requiredOnline: 1, state: "DOWNTIME", impacted: false },
  ]);

  table("component is acknowledged when at least one host failed and every failed host is acknowledged", [
    { case: "OPERATIONAL component acknowledged", hosts: "OA", requiredOnline: 1, state: "OPERATIONAL", impacted: true, acknowledged: true },
    { case: "FAILED, all failed hosts acknowledged", hosts: "AA", requiredOnline: 2, state: "FAILED", acknowledged: true },
    { case: "one failed host not acknowledged", hosts: "AF", requiredOnline: 2, state: "FAILED", acknowledged: false },
    { case: "no failed host, downtime", hosts: "DD", requiredOnline: 2, state: "DOWNTIME", acknowledged: false },
    { case: "no failed host, operational", hosts: "OO", requiredOnline: 2, state: "OPERATIONAL", acknowledged: false },
    { case: "acknowledged failed host beside downtime", hosts: "DA", requiredOnline: 2, state: "FAILED", acknowledged: true },
  ]);

  table("a component with no hosts (N = 0) is OPERATIONAL, not impacted, not acknowledged", [
    { case: "N = 0", hosts: "", requiredOnline: 0, state: "OPERATIONAL", impacted: false, acknowledged: false },
  ]);

  describe("the effective requiredOnline is the stored R capped by the host count", () => {
    it.each([
      { requiredOnline: 2, hostsTotal: 3, effective: 2 },
      { requiredOnline: 3, hostsTotal: 3, effective: 3 },
      { requiredOnline: 5, hostsTotal: 3, effective: 3 },
      { requiredOnline: 1, hostsTotal: 0, effective: 0 },
      { requiredOnline: 0, hostsTotal: 4, effective: 0 },
    ])("R=$requiredOnline, N=$hostsTotal", ({ requiredOnline, hostsTotal, effective }) => {
      expect(effectiveRequiredOnline(requiredOnline, hostsTotal)).toBe(effective);
      expect(zoneFigures(requiredOnline, hostsTotal)).toEqual({
        requiredOnline: effective,
        allowedToFail: hostsTotal - effective,
        operationalZonePercent: operationalZonePercent(effective, hostsTotal),
      });
    });

    it("a component whose stored R exceeds its hosts is evaluated with R = N", () => {
      const hosts = [
        { state: "OPERATIONAL" as const, acknowledged: false, impacted: false },
        { state: "OPERATIONAL" as const, acknowledged: false, impacted: false },
      ];
      expect(computeComponentStatus(hosts, 3)).toMatchObject({ state: "OPERATIONAL", requiredOnline: 2, allowedToFail: 0, operationalZonePercent: 100 });
    });
  });

  describe("component counts hostsTotal, hostsFailed, hostsDowntime and hostsAcknowledged", () => {
    it.each([
      { hosts: "OFADA", counts: { hostsTotal: 5, hostsOperational: 1, hostsFailed: 3, hostsDowntime: 1, hostsAcknowledged: 2 } },
      { hosts: "", counts: { hostsTotal: 0, hostsOperational: 0, hostsFailed: 0, hostsDowntime: 0, hostsAcknowledged: 0 } },
      { hosts: "DD", counts: { hostsTotal: 2, hostsOperational: 0, hostsFailed: 0, hostsDowntime: 2, hostsAcknowledged: 0 } },
    ])("$hosts", ({ hosts, counts }) => {
      expect(componentEngine(hosts, 0).getComponent("c")).toMatchObject(counts);
    });
  });

  // fast-check runs 500 host mixes; about 0.05 s here (load 2-4).
  const PROPERTY_BUDGET_MS = 30_000;

  describe("component state is the worst state in its operational zone (the first R hosts of the zone order)", { timeout: PROPERTY_BUDGET_MS }, () => {
    const hostStates = fc.array(fc.constantFrom<HostState>("OPERATIONAL", "FAILED", "DOWNTIME"), { maxLength: 8 });
    it("equals the counting rule for every host mix and R", () => {
      fc.assert(
        fc.property(hostStates, fc.nat(), (states, seed) => {
          const requiredOnline = states.length === 0 ? 0 : seed % (states.length + 1);
          const hosts = states.map((state) => ({ state, acknowledged: false, impacted: false }));
          const zone = orderByZone(hosts, (host) => host.state).slice(0, requiredOnline);
          const worstInZone = worstOf(
            zone.map((host) => host.state),
            "OPERATIONAL",
          );
          expect(computeComponentStatus(hosts, requiredOnline).state).toBe(worstInZone);
        }),
        { numRuns: 500 },
      );
    });
  });
});

interface ServiceCase {
  case: string;
  components: ComponentShape[];
  state?: ServiceState;
  impacted?: boolean;
  acknowledged?: boolean;
}

describe("business service state", () => {
  const table = (rule: string, rows: ServiceCase[]) =>
    describe(rule, () => {
      it.each(rows)("$case", (row) => {
        const status = servicesEngine([{ components: row.components }]).getBusinessService("s0");
        if (row.state !== undefined) expect(status?.state).toBe(row.state);
        if (row.impacted !== undefined) expect(status?.impacted).toBe(row.impacted);
        if (row.acknowledged !== undefined) expect(status?.acknowledged).toBe(row.acknowledged);
      });
    });

  table("business service is OFFLINE when any component is FAILED", [
    { case: "one of three failed", components: ["OPERATIONAL", "FAILED", "OPERATIONAL"], state: "OFFLINE" },
    { case: "failed beats downtime", components: ["DOWNTIME", "FAILED"], state: "OFFLINE" },
    { case: "acknowledged failure is still offline", components: ["FAILED_ACKNOWLEDGED"], state: "OFFLINE" },
  ]);

  table("business service is DOWNTIME when a component is in DOWNTIME and none is FAILED", [
    { case: "one in downtime", components: ["OPERATIONAL", "DOWNTIME"], state: "DOWNTIME" },
    { case: "downtime with an impacted component", components: ["IMPACTED", "DOWNTIME"], state: "DOWNTIME" },
  ]);

  table("business service is OPERATIONAL otherwise", [
    { case: "all operational", components: ["OPERATIONAL", "OPERATIONAL"], state: "OPERATIONAL" },
    { case: "impacted components are operational", components: ["IMPACTED", "OPERATIONAL"], state: "OPERATIONAL" },
    { case: "no components", components: [], state: "OPERATIONAL", impacted: false, acknowledged: false },
  ]);

  table("business service is impacted when any component is impacted, even when OFFLINE", [
    { case: "operational and impacted", components: ["IMPACTED"], state: "OPERATIONAL", impacted: true },
    { case: "OFFLINE service impacted", components: ["FAILED", "IMPACTED"], state: "OFFLINE", impacted: true },
    { case: "DOWNTIME service impacted", components: ["DOWNTIME", "IMPACTED"], state: "DOWNTIME", impacted: true },
    { case: "failed component alone is not impact", components: ["FAILED"], impacted: false },
  ]);

  table("business service is acknowledged when at least one component is FAILED or impacted and all of those are acknowledged", [
    { case: "failed acknowledged", components: ["FAILED_ACKNOWLEDGED", "OPERATIONAL"], acknowledged: true },
    { case: "impacted acknowledged", components: ["IMPACTED_ACKNOWLEDGED"], state: "OPERATIONAL", acknowledged: true },
    { case: "failed acknowledged, impacted not", components: ["FAILED_ACKNOWLEDGED", "IMPACTED"], acknowledged: false },
    { case: "both acknowledged", components: ["FAILED_ACKNOWLEDGED", "IMPACTED_ACKNOWLEDGED"], acknowledged: true },
    { case: "nothing to acknowledge", components: ["OPERATIONAL", "DOWNTIME"], acknowledged: false },
    { case: "failed not acknowledged", components: ["FAILED"], acknowledged: false },
  ]);

  describe("business service counts componentsTotal, componentsFailed, componentsImpacted, componentsDowntime, componentsAcknowledged", () => {
    it.each<{ components: ComponentShape[]; counts: Record<string, number> }>([
      {
        components: ["FAILED", "FAILED_ACKNOWLEDGED", "IMPACTED", "IMPACTED_ACKNOWLEDGED", "DOWNTIME", "OPERATIONAL"],
        counts: { componentsTotal: 6, componentsFailed: 2, componentsImpacted: 2, componentsDowntime: 1, componentsAcknowledged: 2 },
      },
      { components: [], counts: { componentsTotal: 0, componentsFailed: 0, componentsImpacted: 0, componentsDowntime: 0, componentsAcknowledged: 0 } },
    ])("$components", ({ components, counts }) => {
      expect(servicesEngine([{ components }]).getBusinessService("s0")).toMatchObject(counts);
    });
  });

  describe("the same rules hold for callers holding component statuses", () => {
    it.each<{ components: { state: HostState; impacted: boolean; acknowledged: boolean }[]; state: ServiceState; acknowledged: boolean }>([
      { components: [{ state: "FAILED", impacted: false, acknowledged: true }], state: "OFFLINE", acknowledged: true },
      { components: [{ state: "OPERATIONAL", impacted: true, acknowledged: false }, { state: "DOWNTIME", impacted: false, acknowledged: false }], state: "DOWNTIME", acknowledged: false },
    ])("$state", ({ components, state, acknowledged }) => {
      expect(computeBusinessServiceStatus(components)).toMatchObject({ state, acknowledged });
    });
  });

  describe("Summary order is OFFLINE, DOWNTIME, OPERATIONAL and impacted, OPERATIONAL; ties by name", () => {
    it.each<{ case: string; services: { name: string; components: ComponentShape[] }[]; order: string[] }>([
      {
        case: "one of each",
        services: [
          { name: "a", components: ["OPERATIONAL"] },
          { name: "b", components: ["IMPACTED"] },
          { name: "c", components: ["DOWNTIME"] },
          { name: "d", components: ["FAILED"] },
        ],
        order: ["d", "c", "b", "a"],
      },
      {
        case: "ties by name",
        services: [
          { name: "zeta", components: ["FAILED"] },
          { name: "Alpha", components: ["OPERATIONAL"] },
          { name: "beta", components: ["FAILED", "IMPACTED"] },
          { name: "alpha", components: ["OPERATIONAL"] },
        ],
        order: ["beta", "zeta", "Alpha", "alpha"],
      },
      {
        case: "impact does not reorder OFFLINE services",
        services: [
          { name: "b", components: ["FAILED", "IMPACTED"] },
          { name: "a", components: ["FAILED"] },
        ],
        order: ["a", "b"],
      },
    ])("$case", ({ services, order }) => {
      const engine = servicesEngine(services);
      const nameOf = new Map(engine.listBusinessServices().map((service) => [service.id, service.name]));
      expect(engine.summaryOrder().map((id) => nameOf.get(id))).toEqual(order);
    });

    it("ties on name fall back to id, so the order is total", () => {
      const base = { acknowledged: false, impacted: false, state: "OPERATIONAL" } as const;
      expect(compareForSummary({ ...base, name: "x", id: "2" }, { ...base, name: "x", id: "1" })).toBeGreaterThan(0);
    });
  });
});

describe("status severity is declared once", () => {
  it("orders OPERATIONAL, DOWNTIME, FAILED/OFFLINE", () => {
    expect(SEVERITY_ORDER).toEqual(["OPERATIONAL", "DOWNTIME", "FAILED", "OFFLINE"]);
    expect(worstOf<HostState>(["OPERATIONAL", "DOWNTIME", "OPERATIONAL"], "OPERATIONAL")).toBe("DOWNTIME");
    expect(worstOf<HostState>(["DOWNTIME", "FAILED"], "OPERATIONAL")).toBe("FAILED");
    expect(worstOf<ServiceState>([], "OPERATIONAL")).toBe("OPERATIONAL");
  });
});
