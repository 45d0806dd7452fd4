import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CHECK_STATES, createBsmEngine, type BsmConfig, type ServiceCheckStatus } from "../bsm";
import { WHAT_IF_TARGETS, type WhatIfChange, type WhatIfTarget } from "./changes";
import { WHOLE_HOST_CHECK, evaluateWhatIf } from "./evaluate";

// Random small estates where hosts are shared by components and components by services, and random
// scenarios over them: the what-if "after" must be exactly the engine's evaluation of the changed checks.

const HOSTS = ["h0", "h1", "h2", "h3", "h4"];
const TEMPLATES = ["A", "B", "C"];

const configArbitrary: fc.Arbitrary<BsmConfig> = fc
  .tuple(
    fc.array(fc.record({ hostTemplate: fc.constantFrom(...TEMPLATES), hosts: fc.shuffledSubarray(HOSTS, { minLength: 1 }), requiredSeed: fc.nat() }), { minLength: 1, maxLength: 5 }),
    fc.array(fc.array(fc.nat({ max: 5 }), { maxLength: 4 }), { maxLength: 4 }),
  )
  .map(([components, services]) => ({
    components: components.map(({ hostTemplate, hosts, requiredSeed }, index) => ({
      id: `c${index}`,
      name: `component ${index}`,
      hostTemplate,
      hosts,
      requiredOnline: requiredSeed % (hosts.length + 1),
    })),
    businessServices: services.map((members, index) => ({ id: `s${index}`, name: `service ${index}`, components: [...new Set(members.map((member) => `c${member}`))] })),
  }));

const checksArbitrary: fc.Arbitrary<ServiceCheckStatus[]> = fc
  .uniqueArray(
    fc.record({
      host: fc.constantFrom(...HOSTS),
      name: fc.constantFrom("n0", "n1", "n2"),
      hostTemplates: fc.subarray(TEMPLATES),
      state: fc.constantFrom(...CHECK_STATES, "CRITICAL"),
      acknowledged: fc.boolean(),
      inDowntime: fc.boolean(),
    }),
    { selector: (check) => `${check.host}/${check.name}`, maxLength: 12 },
  );

const estateArbitrary = fc.tuple(configArbitrary, checksArbitrary).chain(([config, checks]) => {
  const known = [...new Set(config.components.flatMap((component) => component.hosts))];
  const hostChange = fc.record({ host: fc.constantFrom(...known), to: fc.constantFrom(...WHAT_IF_TARGETS) }).map((change): WhatIfChange => change);
  const inEstate = checks.filter((check) => known.includes(check.host));
  const checkChange =
    inEstate.length === 0
      ? hostChange
      : fc.record({ check: fc.constantFrom(...inEstate), to: fc.constantFrom(...WHAT_IF_TARGETS) }).map(({ check, to }): WhatIfChange => ({ host: check.host, check: check.name, to }));
  return fc.tuple(fc.constant(config), fc.constant(checks), fc.array(fc.oneof(hostChange, checkChange), { minLength: 1, maxLength: 8 }));
});

/** The changed checks, built the slow way: for each check, the last change that names it (or its host). */
function changedChecksReference(config: BsmConfig, checks: ServiceCheckStatus[], changes: WhatIfChange[]): ServiceCheckStatus[] {
  const stateFor = (to: WhatIfTarget) =>
    to === "recovered"
      ? { state: "OK" as const, acknowledged: false, inDowntime: false }
      : { state: "CRITICAL" as const, acknowledged: false, inDowntime: to === "downtime" };
  const result = checks.map((check) => {
    const last = changes.filter((change) => change.host === check.host && (change.check === undefined || change.check === check.name)).at(-1);
    return last === undefined ? check : { ...check, ...stateFor(last.to) };
  });
  for (const host of new Set(changes.filter((change) => change.check === undefined).map((change) => change.host))) {
    const last = changes.filter((change) => change.host === host && change.check === undefined).at(-1)!;
    const hostTemplates = [...new Set(config.components.filter((component) => component.hosts.includes(host)).map((component) => component.hostTemplate))];
    result.push({ host, name: WHOLE_HOST_CHECK, hostTemplates, ...stateFor(last.to) });
  }
  return result;
}

describe("evaluateWhatIf on random estates", () => {
  it("after equals the engine's evaluation of the changed checks, before that of the current ones", () => {
    fc.assert(
      fc.property(estateArbitrary, ([config, checks, changes]) => {
        const result = evaluateWhatIf(config, checks, changes);
        const before = createBsmEngine(config, checks).listAll();
        const after = createBsmEngine(config, changedChecksReference(config, checks, changes)).listAll();
        const flags = (status: { state: string; acknowledged: boolean; impacted: boolean }) => ({ state: status.state, acknowledged: status.acknowledged, impacted: status.impacted });

        expect(result.businessServices.map((outcome) => [outcome.id, outcome.before, outcome.after])).toEqual(
          before.businessServices.map((status, index) => [status.id, flags(status), flags(after.businessServices[index]!)]),
        );
        expect(result.components.map((outcome) => [outcome.id, outcome.before, outcome.after, outcome.hostsOperationalAfter])).toEqual(
          before.components.map((status, index) => [status.id, flags(status), flags(after.components[index]!), after.components[index]!.hostsOperational]),
        );
        expect(result.componentHosts.map((outcome) => [outcome.componentId, outcome.host, outcome.before, outcome.after])).toEqual(
          before.componentHosts.map((status, index) => [status.componentId, status.host, flags(status), flags(after.componentHosts[index]!)]),
        );
        for (const outcome of [...result.businessServices, ...result.components, ...result.componentHosts]) {
          expect(outcome.changed).toBe(JSON.stringify(outcome.before) !== JSON.stringify(outcome.after));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a host changed as a whole ends in that state in every component that holds it", () => {
    fc.assert(
      fc.property(estateArbitrary, ([config, checks, changes]) => {
        const result = evaluateWhatIf(config, checks, changes);
        const lastWholeHost = new Map<string, WhatIfTarget>();
        for (const change of changes) {
          if (change.check === undefined) lastWholeHost.set(change.host, change.to);
          else lastWholeHost.delete(change.host);
        }
        const expected: Record<WhatIfTarget, string> = { failed: "FAILED", downtime: "DOWNTIME", recovered: "OPERATIONAL" };
        for (const outcome of result.componentHosts) {
          const to = lastWholeHost.get(outcome.host);
          if (to !== undefined) expect(outcome.after).toEqual({ state: expected[to], acknowledged: false, impacted: false });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("leaves its inputs as they were", () => {
    fc.assert(
      fc.property(estateArbitrary, ([config, checks, changes]) => {
        const copy = structuredClone({ config, checks, changes });
        evaluateWhatIf(config, checks, changes);
        expect({ config, checks, changes }).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });
});
