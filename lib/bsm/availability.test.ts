import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY_MS, computeAvailability, computeAvailabilityOfHistoryByCheck, type AvailabilityOptions } from "./availability";
import { checkKeyOf } from "./rules";
import { checksAt, evaluateReference } from "./testing/reference-model";
import { checkOf } from "./testing/builders";
import {
  CHECK_STATES,
  type BsmConfig,
  type BsmState,
  type CheckHistoryEntry,
  type CheckState,
  type ServiceCheckStatus,
} from "./types";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const at = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function entry(
  time: string,
  host: string,
  name: string,
  state: CheckState,
  options: { acknowledged?: boolean; inDowntime?: boolean } = {},
): CheckHistoryEntry {
  return { at: at(time), host, name, state, acknowledged: options.acknowledged ?? false, inDowntime: options.inDowntime ?? false };
}

const webConfig = (createdAt?: number, serviceCreatedAt?: number): BsmConfig => ({
  components: [{ id: "web", name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2, createdAt }],
  businessServices: [{ id: "shop", name: "Shop", components: ["web"], createdAt: serviceCreatedAt }],
});
const okChecks = ["web1", "web2", "web3"].map((host) => checkOf(host, "HTTP", "OK"));
const withCurrent = (...changed: ServiceCheckStatus[]) =>
  okChecks.map((check) => changed.find((c) => c.host === check.host && c.name === check.name) ?? check);

function availabilityOf(
  checks: ServiceCheckStatus[],
  history: CheckHistoryEntry[],
  config = webConfig(),
  options: Partial<AvailabilityOptions> = {},
) {
  const report = computeAvailability(config, checks, history, { now: NOW, ...options });
  return {
    report,
    web1: report.componentHosts[0],
    web2: report.componentHosts[1],
    component: report.components[0],
    service: report.businessServices[0],
  };
}

describe("availability is the percentage of the last 24 hours the object was OPERATIONAL", () => {
  it("the example of docs/status-rules.md §6.8: a 15-minute outage of one host is 98.96%", () => {
    const { web1, component, service, report } = availabilityOf(
      withCurrent(checkOf("web1", "HTTP", "CRITICAL")),
      [entry("2026-11-22T11:45:00Z", "web1", "HTTP", "CRITICAL")],
    );
    expect(report.to - report.from).toBe(DAY_MS);
    expect(web1).toMatchObject({ availability: 98.96, failedMs: 15 * MINUTE, operationalMs: DAY_MS - 15 * MINUTE, downtimeMs: 0 });
    expect(component.availability).toBe(100);
    expect(service.availability).toBe(100);
  });

  it.each([
    { case: "15 minutes", from: "2026-11-22T03:00:00Z", to: "2026-11-22T03:15:00Z", failedMs: 15 * MINUTE, availability: 98.96 },
    { case: "one second", from: "2026-11-22T03:00:00Z", to: "2026-11-22T03:00:01Z", failedMs: 1_000, availability: 100 },
    { case: "7 minutes 13 seconds", from: "2026-11-22T03:00:07Z", to: "2026-11-22T03:07:20Z", failedMs: 433_000, availability: 99.5 },
    { case: "twelve hours", from: "2026-11-22T00:00:00Z", to: "2026-11-22T12:00:00Z", failedMs: 12 * HOUR, availability: 50 },
  ])("is computed from history, not sampled: an outage of $case counts exactly", ({ from, to, failedMs, availability }) => {
    const { web1 } = availabilityOf(okChecks, [entry(from, "web1", "HTTP", "CRITICAL"), entry(to, "web1", "HTTP", "OK")]);
    expect(web1.failedMs).toBe(failedMs);
    expect(web1.availability).toBe(availability);
  });

  it("a check is OK before its first recorded change", () => {
    const { web1 } = availabilityOf(withCurrent(checkOf("web1", "HTTP", "CRITICAL")), [entry("2026-11-22T06:00:00Z", "web1", "HTTP", "CRITICAL")]);
    expect(web1.failedMs).toBe(6 * HOUR);
    expect(web1.availability).toBe(75);
  });

  it.each([
    { case: "CRITICAL", check: checkOf("web1", "HTTP", "CRITICAL"), availability: 0, downtimeMs: 0 },
    { case: "CRITICAL in downtime", check: checkOf("web1", "HTTP", "CRITICAL", { inDowntime: true }), availability: 0, downtimeMs: DAY_MS },
    { case: "WARNING", check: checkOf("web1", "HTTP", "WARNING"), availability: 100, downtimeMs: 0 },
  ])("a check with no recorded change had its current status ($case) all along", ({ check, availability, downtimeMs }) => {
    const { web1 } = availabilityOf(withCurrent(check), []);
    expect(web1.availability).toBe(availability);
    expect(web1.downtimeMs).toBe(downtimeMs);
  });

  it.each([
    { case: "an outage that straddles the window start counts from the window start", history: [["2026-11-21T10:00:00Z", "CRITICAL"], ["2026-11-22T01:00:00Z", "OK"]], failedMs: 13 * HOUR },
    { case: "an outage that ended before the window does not count", history: [["2026-11-20T10:00:00Z", "CRITICAL"], ["2026-11-21T11:59:59Z", "OK"]], failedMs: 0 },
    { case: "a state entered before the window and still holding covers the whole window", history: [["2026-11-20T10:00:00Z", "CRITICAL"]], failedMs: DAY_MS },
    { case: "a change exactly at the window start", history: [["2026-11-21T12:00:00Z", "CRITICAL"], ["2026-11-21T13:00:00Z", "OK"]], failedMs: HOUR },
  ] as const)("$case", ({ history, failedMs }) => {
    const { web1 } = availabilityOf(
      okChecks,
      history.map(([time, state]) => entry(time, "web1", "HTTP", state)),
      webConfig(),
      { includeTimelines: true },
    );
    expect(web1.failedMs).toBe(failedMs);
    expect(web1.timeline?.every((segment) => segment.to > segment.from)).toBe(true);
  });

  it("history need not be sorted, and entries after now or for unknown checks are ignored", () => {
    const { web1, web2 } = availabilityOf(okChecks, [
      entry("2026-11-22T04:00:00Z", "web1", "HTTP", "OK"),
      entry("2026-11-22T13:00:00Z", "web2", "HTTP", "CRITICAL"),
      entry("2026-11-22T03:00:00Z", "web1", "HTTP", "CRITICAL"),
      entry("2026-11-22T03:00:00Z", "web1", "Gone", "CRITICAL"),
    ]);
    expect(web1.failedMs).toBe(HOUR);
    expect(web2.availability).toBe(100);
  });

  it("history grouped per check gives the same figures, a check whose entries all come after now counting with its current status", () => {
    const history = [
      entry("2026-11-22T03:00:00Z", "web1", "HTTP", "CRITICAL"),
      entry("2026-11-22T04:00:00Z", "web1", "HTTP", "OK"),
      entry("2026-11-22T13:00:00Z", "web2", "HTTP", "OK"),
      entry("2026-11-22T13:00:00Z", "web1", "HTTP", "CRITICAL"),
    ];
    const checks = withCurrent(checkOf("web2", "HTTP", "CRITICAL"));
    const byCheck = new Map(["web1", "web2"].map((host) => [host, new Map([["HTTP", history.filter((e) => e.host === host)]])]));
    const options = { now: NOW, includeTimelines: true };
    const grouped = computeAvailabilityOfHistoryByCheck(webConfig(), checks, byCheck, options);
    expect(grouped).toEqual(computeAvailability(webConfig(), checks, history, options));
    expect(grouped.componentHosts[0].failedMs).toBe(HOUR);
    expect(grouped.componentHosts[1].availability).toBe(0);
  });
});

describe("time before the object existed counts as OPERATIONAL (availability starts at 100%)", () => {
  it.each([
    { case: "created inside the window, failing since creation", createdAt: "2026-11-22T06:00:00Z", failedMs: 6 * HOUR, availability: 75 },
    { case: "created after now", createdAt: "2026-11-22T12:30:00Z", failedMs: 0, availability: 100 },
    { case: "created exactly now", createdAt: "2026-11-22T12:00:00Z", failedMs: 0, availability: 100 },
    { case: "created before the window", createdAt: "2026-11-01T00:00:00Z", failedMs: DAY_MS, availability: 0 },
  ])("a component host exists from its component's creation: $case", ({ createdAt, failedMs, availability }) => {
    const failing = ["web1", "web2"].map((host) => checkOf(host, "HTTP", "CRITICAL"));
    const { web1, component, service } = availabilityOf(withCurrent(...failing), [], webConfig(at(createdAt)));
    expect(web1).toMatchObject({ failedMs, availability });
    expect(component).toMatchObject({ failedMs, availability });
    expect(service).toMatchObject({ failedMs, availability });
  });

  it("an outage that straddles the creation time counts only after creation", () => {
    const { web1 } = availabilityOf(
      okChecks,
      [entry("2026-11-22T04:00:00Z", "web1", "HTTP", "CRITICAL"), entry("2026-11-22T08:00:00Z", "web1", "HTTP", "OK")],
      webConfig(at("2026-11-22T06:00:00Z")),
      { includeTimelines: true },
    );
    expect(web1.failedMs).toBe(2 * HOUR);
    expect(web1.availability).toBe(91.67);
    expect(web1.timeline).toEqual([
      { from: NOW - DAY_MS, to: at("2026-11-22T06:00:00Z"), state: "OPERATIONAL" },
      { from: at("2026-11-22T06:00:00Z"), to: at("2026-11-22T08:00:00Z"), state: "FAILED" },
      { from: at("2026-11-22T08:00:00Z"), to: NOW, state: "OPERATIONAL" },
    ]);
  });

  it("a business service created after its components counts as OPERATIONAL before its own creation", () => {
    const failing = ["web1", "web2"].map((host) => checkOf(host, "HTTP", "CRITICAL"));
    const { component, service } = availabilityOf(withCurrent(...failing), [], webConfig(undefined, at("2026-11-22T09:00:00Z")));
    expect(component.availability).toBe(0);
    expect(service).toMatchObject({ failedMs: 3 * HOUR, availability: 87.5 });
  });
});

describe("components and business services follow their hosts over time", () => {
  it("a component fails only while quorum is lost, and its service is OFFLINE for exactly that time", () => {
    const { web1, web2, component, service } = availabilityOf(okChecks, [
      entry("2026-11-22T02:00:00Z", "web1", "HTTP", "CRITICAL"),
      entry("2026-11-22T03:00:00Z", "web1", "HTTP", "OK"),
      entry("2026-11-22T02:30:00Z", "web2", "HTTP", "CRITICAL"),
      entry("2026-11-22T04:00:00Z", "web2", "HTTP", "OK"),
    ], webConfig(), { includeTimelines: true });
    expect(web1.failedMs).toBe(HOUR);
    expect(web2.failedMs).toBe(90 * MINUTE);
    expect(component).toMatchObject({ failedMs: 30 * MINUTE, availability: 97.92 });
    expect(service.timeline).toEqual([
      { from: NOW - DAY_MS, to: at("2026-11-22T02:30:00Z"), state: "OPERATIONAL" },
      { from: at("2026-11-22T02:30:00Z"), to: at("2026-11-22T03:00:00Z"), state: "OFFLINE" },
      { from: at("2026-11-22T03:00:00Z"), to: NOW, state: "OPERATIONAL" },
    ]);
  });

  it("a hand-over at one instant (one host recovers as another fails) leaves no gap or blip", () => {
    const { component } = availabilityOf(okChecks, [
      entry("2026-11-22T02:00:00Z", "web1", "HTTP", "CRITICAL"),
      entry("2026-11-22T03:00:00Z", "web1", "HTTP", "OK"),
      entry("2026-11-22T03:00:00Z", "web2", "HTTP", "CRITICAL"),
      entry("2026-11-22T05:00:00Z", "web3", "HTTP", "CRITICAL"),
    ], webConfig(), { includeTimelines: true });
    expect(component.timeline).toEqual([
      { from: NOW - DAY_MS, to: at("2026-11-22T05:00:00Z"), state: "OPERATIONAL" },
      { from: at("2026-11-22T05:00:00Z"), to: NOW, state: "FAILED" },
    ]);
  });

  it("planned downtime that breaks quorum is DOWNTIME for the component and the service", () => {
    const { component, service } = availabilityOf(okChecks, [
      entry("2026-11-22T02:00:00Z", "web1", "HTTP", "CRITICAL", { inDowntime: true }),
      entry("2026-11-22T02:00:00Z", "web2", "HTTP", "CRITICAL", { inDowntime: true }),
      entry("2026-11-22T04:00:00Z", "web1", "HTTP", "OK"),
      entry("2026-11-22T04:00:00Z", "web2", "HTTP", "OK"),
    ]);
    expect(component).toMatchObject({ downtimeMs: 2 * HOUR, failedMs: 0, availability: 91.67 });
    expect(service).toMatchObject({ downtimeMs: 2 * HOUR, availability: 91.67 });
  });
});

describe("excluding DOWNTIME from the denominator is an option, off by default", () => {
  const history = [
    entry("2026-11-22T01:00:00Z", "web1", "HTTP", "CRITICAL", { inDowntime: true }),
    entry("2026-11-22T03:00:00Z", "web1", "HTTP", "CRITICAL"),
    entry("2026-11-22T04:00:00Z", "web1", "HTTP", "OK"),
  ];
  it.each([
    { excludeDowntime: undefined, availability: 87.5 },
    { excludeDowntime: false, availability: 87.5 },
    { excludeDowntime: true, availability: 95.45 },
  ])("excludeDowntime: $excludeDowntime", ({ excludeDowntime, availability }) => {
    const { web1 } = availabilityOf(okChecks, history, webConfig(), { excludeDowntime });
    expect(web1).toMatchObject({ downtimeMs: 2 * HOUR, failedMs: HOUR, availability });
  });

  it("an object in downtime for the whole window is 100% available when downtime is excluded", () => {
    const { web1 } = availabilityOf(withCurrent(checkOf("web1", "HTTP", "CRITICAL", { inDowntime: true })), [], webConfig(), { excludeDowntime: true });
    expect(web1.availability).toBe(100);
  });

  it("the window length is a parameter", () => {
    const { web1 } = availabilityOf(okChecks, [entry("2026-11-22T11:00:00Z", "web1", "HTTP", "CRITICAL"), entry("2026-11-22T11:30:00Z", "web1", "HTTP", "OK")], webConfig(), {
      windowMs: 2 * HOUR,
    });
    expect(web1.availability).toBe(75);
  });
});

// fast-check runs 1,500 random estates and histories; 1.5-3.8 s here (load 2-4).
const PROPERTY_BUDGET_MS = 60_000;

describe("the sweep equals evaluating the rules of docs/status-rules.md §3–§5 between every pair of change points", { timeout: PROPERTY_BUDGET_MS }, () => {
  const WINDOW = HOUR;
  const HOSTS = ["h0", "h1", "h2", "h3"];
  const TEMPLATES = ["A", "B"];
  const second = fc.oneof(
    fc.integer({ min: -600, max: 3_600 + 60 }).map((s) => NOW - WINDOW + s * 1_000),
    fc.constantFrom(NOW - WINDOW, NOW, NOW - WINDOW / 2),
  );
  const status = { state: fc.constantFrom<CheckState>(...CHECK_STATES, "CRITICAL"), acknowledged: fc.boolean(), inDowntime: fc.boolean() };
  const check = fc.record({ host: fc.constantFrom(...HOSTS), name: fc.constantFrom("n0", "n1"), hostTemplates: fc.subarray(TEMPLATES), ...status });
  const history = fc.array(fc.record({ at: second, host: fc.constantFrom(...HOSTS), name: fc.constantFrom("n0", "n1"), ...status }), { maxLength: 25 });
  const config: fc.Arbitrary<BsmConfig> = fc
    .tuple(
      fc.array(fc.record({ hostTemplate: fc.constantFrom(...TEMPLATES), hosts: fc.shuffledSubarray(HOSTS), seed: fc.nat(), createdAt: fc.option(second, { nil: undefined }) }), { maxLength: 3 }),
      fc.array(fc.record({ members: fc.subarray(["c0", "c1", "c2"]), createdAt: fc.option(second, { nil: undefined }) }), { maxLength: 3 }),
    )
    .map(([components, services]) => ({
      components: components.map((c, index) => ({
        id: `c${index}`,
        name: `c${index}`,
        hostTemplate: c.hostTemplate,
        hosts: c.hosts,
        requiredOnline: c.seed % (c.hosts.length + 1),
        createdAt: c.createdAt,
      })),
      businessServices: services.map((s, index) => ({ id: `s${index}`, name: `s${index}`, components: s.members, createdAt: s.createdAt })),
    }));

  function referenceDurations(estate: BsmConfig, checks: ServiceCheckStatus[], entries: CheckHistoryEntry[]) {
    const from = NOW - WINDOW;
    const relevant = entries.filter((e) => e.at <= NOW);
    const points = [...new Set([from, ...relevant.map((e) => e.at), ...[...estate.components, ...estate.businessServices].map((o) => o.createdAt ?? from)])]
      .filter((t) => t >= from && t < NOW)
      .sort((a, b) => a - b);
    const totals = new Map<string, Record<string, number>>();
    const add = (key: string, state: BsmState, ms: number) => {
      const record = totals.get(key) ?? {};
      record[state] = (record[state] ?? 0) + ms;
      totals.set(key, record);
    };
    points.forEach((t, index) => {
      const ms = (points[index + 1] ?? NOW) - t;
      const existing: BsmConfig = {
        components: estate.components.map((c) => ((c.createdAt ?? -Infinity) > t ? { ...c, hostTemplate: "not yet created" } : c)),
        businessServices: estate.businessServices,
      };
      const evaluation = evaluateReference(existing, checksAt(checks, relevant, t));
      evaluation.componentHosts.forEach((h) => add(`${h.componentId}/${h.host}`, h.state, ms));
      evaluation.components.forEach((c) => add(c.id, c.state, ms));
      evaluation.businessServices.forEach((s, i) => {
        const created = (estate.businessServices[i].createdAt ?? -Infinity) <= t;
        add(s.id, created ? s.state : "OPERATIONAL", ms);
      });
    });
    return totals;
  }

  it("on random estates and histories (exact to the millisecond)", () => {
    fc.assert(
      fc.property(config, fc.array(check, { maxLength: 10 }), history, fc.boolean(), (estate, rawChecks, entries, excludeDowntime) => {
        const checks = [...new Map(rawChecks.map((c) => [checkKeyOf(c), c])).values()];
        const report = computeAvailability(estate, checks, entries, { now: NOW, windowMs: WINDOW, excludeDowntime, includeTimelines: true });
        const expected = referenceDurations(estate, checks, entries);
        const actual = [
          ...report.componentHosts.map((h) => [`${h.componentId}/${h.host}`, h] as const),
          ...report.components.map((c) => [c.id, c] as const),
          ...report.businessServices.map((s) => [s.id, s] as const),
        ];
        for (const [key, figures] of actual) {
          const segments = figures.timeline ?? [];
          expect(segments[0].from).toBe(NOW - WINDOW);
          expect(segments.at(-1)?.to).toBe(NOW);
          segments.forEach((segment, index) => {
            expect(segment.to).toBeGreaterThan(segment.from);
            if (index > 0) expect([segment.from, segment.state]).not.toEqual([segments[index - 1].to, segments[index - 1].state]);
            if (index > 0) expect(segment.from).toBe(segments[index - 1].to);
          });
          const totals = expected.get(key) ?? {};
          const operationalMs = totals.OPERATIONAL ?? 0;
          const downtimeMs = totals.DOWNTIME ?? 0;
          expect({ key, operationalMs: figures.operationalMs, downtimeMs: figures.downtimeMs, failedMs: figures.failedMs }).toEqual({
            key,
            operationalMs,
            downtimeMs,
            failedMs: WINDOW - operationalMs - downtimeMs,
          });
          const denominator = excludeDowntime ? WINDOW - downtimeMs : WINDOW;
          expect(figures.availability).toBe(denominator === 0 ? 100 : Math.round((operationalMs * 10_000) / denominator) / 100);
        }
      }),
      { numRuns: 1_500 },
    );
  });
});
