import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBsmEngine, type BsmEngine, type BsmEvaluation } from "./engine";
import { checkKeyOf } from "./rules";
import { evaluateReference } from "./testing/reference-model";
import { CHECK_STATES, type BsmConfig, type BsmTransition, type ServiceCheckStatus, type StatusFlags, type BsmState } from "./types";

/*
 * Random small estates (a few hosts shared by several components, components
 * shared by several services, checks contributed by several templates), so
 * that collisions docs/status-rules.md cares about happen often.
 */

const HOSTS = ["h0", "h1", "h2", "h3", "h4", "h5"];
const TEMPLATES = ["A", "B", "C"];

const checkArbitrary: fc.Arbitrary<ServiceCheckStatus> = fc.record({
  host: fc.constantFrom(...HOSTS, "elsewhere"),
  name: fc.constantFrom("n0", "n1", "n2"),
  hostTemplates: fc.subarray(TEMPLATES),
  state: fc.constantFrom(...CHECK_STATES, "CRITICAL", "CRITICAL"),
  acknowledged: fc.boolean(),
  inDowntime: fc.boolean(),
});

const configArbitrary: fc.Arbitrary<BsmConfig> = fc
  .tuple(
    fc.array(
      fc.record({ hostTemplate: fc.constantFrom(...TEMPLATES), hosts: fc.shuffledSubarray(HOSTS), requiredSeed: fc.nat() }),
      { maxLength: 5 },
    ),
    fc.array(fc.record({ members: fc.array(fc.nat({ max: 6 }), { maxLength: 5 }), name: fc.constantFrom("x", "y", "z") }), {
      maxLength: 4,
    }),
  )
  .map(([components, services]) => ({
    components: components.map(({ hostTemplate, hosts, requiredSeed }, index) => ({
      id: `c${index}`,
      name: `component ${index}`,
      hostTemplate,
      hosts,
      requiredOnline: requiredSeed % (hosts.length + 1),
    })),
    // Member 6 names no configured component more often than not: references to unknown components are allowed.
    businessServices: services.map(({ members, name }, index) => ({
      id: `s${index}`,
      name,
      components: [...new Set(members.map((member) => `c${member}`))],
    })),
  }));

type Change =
  | { kind: "set"; check: ServiceCheckStatus }
  | { kind: "remove"; host: string; name: string }
  | { kind: "batch"; checks: ServiceCheckStatus[] };

const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  { weight: 6, arbitrary: checkArbitrary.map((check) => ({ kind: "set" as const, check })) },
  { weight: 1, arbitrary: checkArbitrary.map(({ host, name }) => ({ kind: "remove" as const, host, name })) },
  { weight: 1, arbitrary: fc.array(checkArbitrary, { maxLength: 6 }).map((checks) => ({ kind: "batch" as const, checks })) },
);

function keyed(checks: Iterable<ServiceCheckStatus>): Map<string, ServiceCheckStatus> {
  return new Map([...checks].map((check) => [checkKeyOf(check), check]));
}

function expectMatchesReference(engine: BsmEngine, config: BsmConfig, checks: ServiceCheckStatus[]): void {
  const reference = evaluateReference(config, checks);
  const evaluation = engine.listAll();
  expect(evaluation.componentHosts).toEqual(reference.componentHosts);
  expect(evaluation.components.map((status, index) => ({ ...status, zoneOrder: reference.components[index].zoneOrder, componentViewOrder: reference.components[index].componentViewOrder }))).toEqual(reference.components);
  expect(config.components.map((component) => engine.zoneOrder(component.id))).toEqual(reference.components.map((c) => c.zoneOrder));
  expect(config.components.map((component) => engine.componentViewOrder(component.id))).toEqual(
    reference.components.map((c) => c.componentViewOrder),
  );
  expect(evaluation.businessServices).toEqual(reference.businessServices);
  expect(evaluation.summaryOrder).toEqual(reference.summaryOrder);
}

const flags = ({ state, acknowledged, impacted }: StatusFlags<BsmState>) => ({ state, acknowledged, impacted });
const sameFlags = (a: StatusFlags<BsmState>, b: StatusFlags<BsmState>) =>
  a.state === b.state && a.acknowledged === b.acknowledged && a.impacted === b.impacted;
const OPERATIONAL_FLAGS = { state: "OPERATIONAL", acknowledged: false, impacted: false } as const;

/** What the transitions between two full evaluations must be; objects missing before start as OPERATIONAL. */
function expectedTransitions(before: BsmEvaluation, after: BsmEvaluation): string[] {
  const described: string[] = [];
  const compare = (label: string, previous: StatusFlags<BsmState> | undefined, next: StatusFlags<BsmState>) => {
    const from = previous ?? OPERATIONAL_FLAGS;
    if (!sameFlags(from, next)) described.push(JSON.stringify([label, flags(from), flags(next)]));
  };
  for (const host of after.componentHosts) {
    compare(
      `componentHost ${host.componentId}/${host.host}`,
      before.componentHosts.find((h) => h.componentId === host.componentId && h.host === host.host),
      host,
    );
  }
  for (const component of after.components) {
    compare(`component ${component.id}`, before.components.find((c) => c.id === component.id), component);
  }
  for (const service of after.businessServices) {
    compare(`businessService ${service.id}`, before.businessServices.find((s) => s.id === service.id), service);
  }
  return described.sort();
}

function describeTransitions(transitions: readonly BsmTransition[]): string[] {
  return transitions
    .map((t) =>
      JSON.stringify([
        t.objectType === "componentHost" ? `componentHost ${t.componentId}/${t.host}` : `${t.objectType} ${t.id}`,
        flags(t.before),
        flags(t.after),
      ]),
    )
    .sort();
}

// fast-check runs 1,000 to 3,000 random estates per property; the slowest took 3.7-5.0 s here (load 2-4).
const PROPERTY_BUDGET_MS = 60_000;

describe("incremental updates equal a full evaluation", { timeout: PROPERTY_BUDGET_MS }, () => {
  it("after every change, on random estates, and the transitions are exactly the objects that changed", () => {
    fc.assert(
      fc.property(configArbitrary, fc.array(checkArbitrary, { maxLength: 14 }), fc.array(changeArbitrary, { maxLength: 12 }), (config, initial, changes) => {
        const checks = keyed(initial);
        const engine = createBsmEngine(config, initial);
        expectMatchesReference(engine, config, [...checks.values()]);
        for (const change of changes) {
          const before = engine.listAll();
          let transitions: BsmTransition[];
          if (change.kind === "set") {
            transitions = engine.applyCheckChange(change.check);
            checks.set(checkKeyOf(change.check), change.check);
          } else if (change.kind === "remove") {
            transitions = engine.removeCheck(change.host, change.name);
            checks.delete(checkKeyOf(change));
          } else {
            transitions = engine.applyCheckChanges(change.checks);
            for (const check of change.checks) checks.set(checkKeyOf(check), check);
          }
          const after = engine.listAll();
          expect(after).toEqual(createBsmEngine(config, checks.values()).listAll());
          expect(describeTransitions(transitions)).toEqual(expectedTransitions(before, after));
          expect(engine.checkCount).toBe(checks.size);
        }
        expectMatchesReference(engine, config, [...checks.values()]);
      }),
      { numRuns: 2_000 },
    );
  });

  it("the full evaluation agrees with the wording of docs/status-rules.md on random estates", () => {
    fc.assert(
      fc.property(configArbitrary, fc.array(checkArbitrary, { maxLength: 20 }), (config, checks) => {
        expectMatchesReference(createBsmEngine(config, checks), config, [...keyed(checks).values()]);
      }),
      { numRuns: 3_000 },
    );
  });

  it("reconfigure equals building afresh and reports the objects whose status differs", () => {
    fc.assert(
      fc.property(configArbitrary, configArbitrary, fc.array(checkArbitrary, { maxLength: 14 }), (first, second, checks) => {
        const engine = createBsmEngine(first, checks);
        const before = engine.listAll();
        const transitions = engine.reconfigure(second);
        const after = engine.listAll();
        expect(after).toEqual(createBsmEngine(second, checks).listAll());
        expect(describeTransitions(transitions)).toEqual(expectedTransitions(before, after));
      }),
      { numRuns: 1_000 },
    );
  });
});
