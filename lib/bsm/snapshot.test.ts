import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateSnapshot, parseSnapshot, runBsmEval } from "./snapshot";

const example: Record<string, unknown> = JSON.parse(readFileSync(new URL("./fixtures/design-example.json", import.meta.url), "utf8"));
const expected = JSON.parse(readFileSync(new URL("./fixtures/design-example.expected.json", import.meta.url), "utf8"));

function evaluate(input: unknown) {
  const parsed = parseSnapshot(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return evaluateSnapshot(parsed.snapshot);
}

const component = { id: "web", name: "Web", hostTemplate: "Web", hosts: ["web1", "web2", "web3"], requiredOnline: 2 };
const check = { host: "web1", name: "HTTP", hostTemplates: ["Web"], state: "OK", acknowledged: false, inDowntime: false };
const valid = { now: "2026-11-22T12:00:00Z", components: [component], businessServices: [], serviceChecks: [check] };

describe("the bsm:eval snapshot", () => {
  it("evaluates the example of docs/status-rules.md §8 to the output given there", () => {
    const output = evaluate(example);
    expect(output.hosts[0]).toEqual(expected.hosts[0]);
    expect(output.hosts.slice(1)).toEqual([
      { component: "web", host: "web2", state: "OPERATIONAL", acknowledged: false, availability: 100 },
      { component: "web", host: "web3", state: "OPERATIONAL", acknowledged: false, availability: 100 },
    ]);
    expect(output.components).toEqual(expected.components);
    expect(output.businessServices).toEqual(expected.businessServices);
    expect(output.summaryOrder).toEqual(expected.summaryOrder);
  });

  it("ignores stateType: the latest state is always used", () => {
    const output = evaluate({ ...valid, serviceChecks: [{ ...check, state: "CRITICAL", stateType: "SOFT" }] });
    expect(output.hosts[0].state).toBe("FAILED");
  });

  it("takes history, createdAt, acknowledged and inDowntime as optional", () => {
    const output = evaluate({ ...valid, serviceChecks: [{ host: "web1", name: "HTTP", hostTemplates: ["Web"], state: "CRITICAL" }] });
    expect(output.hosts[0]).toEqual({ component: "web", host: "web1", state: "FAILED", acknowledged: false, availability: 0 });
  });

  it("accepts time zone offsets", () => {
    const parsed = parseSnapshot({ ...valid, now: "2026-11-22T13:00:00+01:00" });
    expect(parsed.ok && parsed.snapshot.now).toBe(Date.parse("2026-11-22T12:00:00Z"));
  });
});

describe("bsm:eval over a window", () => {
  const seconds = (iso: string) => Date.parse(iso) / 1000;
  const outage = [
    { at: "2026-11-21T10:00:00Z", host: "web1", name: "HTTP", state: "CRITICAL" },
    { at: "2026-11-21T11:00:00Z", host: "web1", name: "HTTP", state: "OK" },
  ];
  const windowed = (window: unknown, patch: Record<string, unknown> = {}) => ({ ...valid, components: [{ ...component, createdAt: "2026-11-20T00:00:00Z" }], history: outage, window, ...patch });

  it("gives availability over the window, time before the object existed counting as OPERATIONAL", () => {
    const output = evaluate(windowed({ from: seconds("2026-11-19T00:00:00Z"), to: seconds("2026-11-22T00:00:00Z") }));
    expect(output.hosts[0]!.availability).toBe(Math.round((71 / 72) * 10_000) / 100);
    expect(output.hosts[0]!.state).toBe("OPERATIONAL");
  });

  it("gives 100 for a window wholly before the object existed, and is exact to the second", () => {
    expect(evaluate(windowed({ from: seconds("2026-11-18T00:00:00Z"), to: seconds("2026-11-19T00:00:00Z") })).hosts[0]!.availability).toBe(100);
    const output = evaluate(windowed({ from: seconds("2026-11-21T10:59:59Z"), to: seconds("2026-11-21T11:00:01Z") }));
    expect(output.hosts[0]!.availability).toBe(50);
  });

  it("leaves DOWNTIME out when excludeDowntime is true", () => {
    const history = [{ at: "2026-11-21T10:00:00Z", host: "web1", name: "HTTP", state: "CRITICAL", inDowntime: true }, outage[1]];
    const window = { from: seconds("2026-11-21T09:00:00Z"), to: seconds("2026-11-21T11:00:00Z") };
    expect(evaluate(windowed(window, { history })).hosts[0]!.availability).toBe(50);
    expect(evaluate(windowed(window, { history, excludeDowntime: true })).hosts[0]!.availability).toBe(100);
  });

  it("counts a check first seen after the window as OK in it, whatever its status now", () => {
    const history = [{ at: "2026-11-22T11:00:00Z", host: "web1", name: "HTTP", state: "CRITICAL" }];
    const input = windowed({ from: seconds("2026-11-21T00:00:00Z"), to: seconds("2026-11-22T00:00:00Z") }, { history, serviceChecks: [{ ...check, state: "CRITICAL" }] });
    expect(evaluate(input).hosts[0]!.availability).toBe(100);
  });

  it.each<{ case: string; window: unknown; patch?: Record<string, unknown>; error: string }>([
    { case: "from not a number", window: { from: "yesterday", to: 1 }, error: "window.from: must be a number (epoch seconds)" },
    { case: "to missing", window: { from: 1 }, error: "window.to: is required" },
    { case: "from not before to", window: { from: 1_700_000_100, to: 1_700_000_100 }, error: "window.to: must be after from" },
    { case: "not an object", window: 5, error: "window: must be an object with from and to (epoch seconds)" },
    { case: "ending after now", window: { from: 1_700_000_000, to: seconds("2026-11-23T00:00:00Z") }, error: "window.to: must not be after now" },
    { case: "excludeDowntime not a boolean", window: { from: 1, to: 2 }, patch: { excludeDowntime: "yes" }, error: "excludeDowntime: must be true or false" },
  ])("rejects a bad window: $case", ({ window, patch, error }) => {
    expect(parseSnapshot(JSON.parse(JSON.stringify(windowed(window, patch))))).toEqual({ ok: false, error });
  });
});

describe("invalid input names the first bad field", () => {
  const withComponent = (patch: Record<string, unknown>) => ({ ...valid, components: [{ ...component, ...patch }] });
  const withCheck = (patch: Record<string, unknown>) => ({ ...valid, serviceChecks: [check, { ...check, name: "Other", ...patch }] });

  it.each<{ case: string; input: unknown; error: string }>([
    { case: "not an object", input: [], error: "input: must be a JSON object" },
    { case: "now missing", input: { ...valid, now: undefined }, error: "now: is required" },
    { case: "now not a date-time", input: { ...valid, now: "yesterday" }, error: "now: must be an ISO 8601 date-time such as 2026-11-22T12:00:00Z" },
    { case: "requiredOnline above N", input: withComponent({ requiredOnline: 4 }), error: "components[0].requiredOnline: must be an integer between 0 and 3" },
    { case: "requiredOnline negative", input: withComponent({ requiredOnline: -1 }), error: "components[0].requiredOnline: must be an integer between 0 and 3" },
    { case: "requiredOnline fractional", input: withComponent({ requiredOnline: 1.5 }), error: "components[0].requiredOnline: must be an integer between 0 and 3" },
    { case: "requiredOnline a string", input: withComponent({ requiredOnline: "2" }), error: "components[0].requiredOnline: must be an integer between 0 and 3" },
    { case: "requiredOnline missing", input: withComponent({ requiredOnline: undefined }), error: "components[0].requiredOnline: must be an integer between 0 and 3" },
    {
      case: "a bad requiredOnline is reported before a bad createdAt written after it",
      input: withComponent({ requiredOnline: 9, createdAt: "soon" }),
      error: "components[0].requiredOnline: must be an integer between 0 and 3",
    },
    { case: "createdAt not a date-time", input: withComponent({ createdAt: 5 }), error: "components[0].createdAt: must be an ISO 8601 date-time such as 2026-11-22T12:00:00Z" },
    { case: "hosts not an array", input: withComponent({ hosts: "web1" }), error: "components[0].hosts: must be an array" },
    { case: "a duplicate host", input: withComponent({ hosts: ["web1", "web2", "web1"] }), error: 'components[0].hosts[2]: duplicate host "web1"' },
    { case: "an empty id", input: withComponent({ id: "" }), error: "components[0].id: must not be empty" },
    { case: "a duplicate component id", input: { ...valid, components: [component, component] }, error: 'components[1].id: duplicate component id "web"' },
    {
      case: "a component listed twice in a business service",
      input: { ...valid, businessServices: [{ id: "s", name: "S", components: ["web", "web"] }] },
      error: 'businessServices[0].components[1]: duplicate component "web"',
    },
    { case: "an unknown check state", input: withCheck({ state: "DOWN" }), error: "serviceChecks[1].state: must be one of OK, WARNING, CRITICAL, UNKNOWN" },
    { case: "acknowledged not a boolean", input: withCheck({ acknowledged: "yes" }), error: "serviceChecks[1].acknowledged: must be true or false" },
    { case: "an unknown state type", input: withCheck({ stateType: "FIRM" }), error: "serviceChecks[1].stateType: must be SOFT or HARD" },
    { case: "a duplicate service check", input: withCheck({ name: "HTTP" }), error: 'serviceChecks[1].name: duplicate service check "HTTP" on host "web1"' },
    {
      case: "a bad history time",
      input: { ...valid, history: [{ at: "noon", host: "web1", name: "HTTP", state: "OK" }] },
      error: "history[0].at: must be an ISO 8601 date-time such as 2026-11-22T12:00:00Z",
    },
    {
      case: "the earlier of two bad fields in document order",
      input: { now: valid.now, serviceChecks: [{ ...check, state: 1 }], components: [{ ...component, name: 2 }], businessServices: [] },
      error: "serviceChecks[0].state: must be one of OK, WARNING, CRITICAL, UNKNOWN",
    },
    {
      case: "a present bad field before a missing one",
      input: { now: valid.now, components: [{ ...component, hostTemplate: 7 }], serviceChecks: [] },
      error: "components[0].hostTemplate: must be a string",
    },
  ])("$case", ({ input, error }) => {
    expect(parseSnapshot(JSON.parse(JSON.stringify(input)))).toEqual({ ok: false, error });
  });

  it("runBsmEval exits 2 with one line on stderr for invalid JSON or an invalid snapshot", () => {
    for (const text of ["{", JSON.stringify(withComponent({ requiredOnline: 4 }))]) {
      const run = runBsmEval(text);
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/^[^\n]+\n$/);
    }
  });
});
