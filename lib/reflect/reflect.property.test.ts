import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCreationAllowed } from "./export-settings";
import { elementTypeOf, isPending } from "./host-state";
import { reflectAll, reflectHost } from "./reflect-host";
import { reflectPoll } from "./reflect-poll";
import { EXPORT_STATES, REFLECTION_MODES, REFLECT_STATUSES, type ExportSettings, type HostElementAction, type HostRecord, type SourceHost } from "./types";

const hostTypes = ["Linux", "Windows", "Solaris", "Network", "Cisco"];
const hostNames = ["a", "b", "c", "d", "e", "f"];

const exportSettingsArbitrary: fc.Arbitrary<ExportSettings> = fc
  .array(fc.tuple(fc.constantFrom(...hostTypes), fc.constantFrom(...EXPORT_STATES)), { maxLength: 5 })
  .map((entries) => new Map(entries));

const recordArbitrary = (host: string): fc.Arbitrary<HostRecord> =>
  fc
    .record({
      type: fc.constantFrom(...hostTypes),
      removed: fc.boolean(),
      exportEnabled: fc.boolean(),
      elementType: fc.option(fc.constantFrom(...hostTypes)),
      status: fc.constantFrom(...REFLECT_STATUSES),
    })
    .map((fields) => ({
      ...fields,
      host,
      elementExists: fields.elementType !== null,
      pending: false,
      message: fields.status === "Error" ? "earlier failure" : null,
    }));

const pollArbitrary = fc
  .record({
    mode: fc.constantFrom(...REFLECTION_MODES),
    exportSettings: exportSettingsArbitrary,
    previousHosts: fc.subarray(hostNames),
    currentHosts: fc.subarray(hostNames),
    newFlags: fc.array(fc.boolean(), { minLength: hostNames.length, maxLength: hostNames.length }),
    currentTypes: fc.array(fc.constantFrom(...hostTypes), { minLength: hostNames.length, maxLength: hostNames.length }),
  })
  .chain((shape) =>
    fc.tuple(...shape.previousHosts.map(recordArbitrary)).map((previous) => ({
      mode: shape.mode,
      exportSettings: shape.exportSettings,
      previous,
      current: shape.currentHosts.map((host): SourceHost => ({ host, type: shape.currentTypes[hostNames.indexOf(host)] })),
      exportEnabledForNewHosts: new Map(hostNames.map((host, index) => [host, shape.newFlags[index]])),
    })),
  );

/** Applies actions to the element a host had; throws on a create beside an element or a delete of nothing. */
function applyActions(elementType: string | null, actions: readonly HostElementAction[]): string | null {
  return actions.reduce<string | null>((element, action) => {
    if (action.kind === "create") {
      if (element !== null) throw new Error("create beside an existing element");
      return action.hostType;
    }
    if (element !== action.hostType) throw new Error("delete of an element that does not exist");
    return null;
  }, elementType);
}

// fast-check runs 100 cases per property; each property took under 0.1 s here (load 2-4).
const PROPERTY_BUDGET_MS = 30_000;

describe("reflection properties", { timeout: PROPERTY_BUDGET_MS }, () => {
  it("a poll never touches a host that is neither new, changed nor removed", () => {
    fc.assert(
      fc.property(pollArbitrary, (input) => {
        const { outcomes } = reflectPoll(input);
        const currentType = new Map(input.current.map((host) => [host.host, host.type]));
        for (const record of input.previous) {
          const unchanged = record.removed ? !currentType.has(record.host) : currentType.get(record.host) === record.type;
          if (!unchanged) continue;
          const outcome = outcomes.find((candidate) => candidate.record.host === record.host);
          expect(outcome?.actions).toEqual([]);
          expect(outcome?.record.elementType).toBe(elementTypeOf(record));
        }
      }),
    );
  });

  it("a poll's actions lead from the previous element to the new record's, one element at most", () => {
    fc.assert(
      fc.property(pollArbitrary, (input) => {
        for (const { record, actions } of reflectPoll(input).outcomes) {
          const previous = input.previous.find((candidate) => candidate.host === record.host);
          const before = previous === undefined ? null : elementTypeOf(previous);
          expect(applyActions(before, actions)).toBe(record.elementType);
          expect(record.elementExists).toBe(record.elementType !== null);
          expect(record.pending).toBe(isPending(record, input.exportSettings));
        }
      }),
    );
  });

  it("a poll creates an element only when the host's creation is allowed, for its current type", () => {
    fc.assert(
      fc.property(pollArbitrary, (input) => {
        for (const { record, actions } of reflectPoll(input).outcomes) {
          for (const action of actions.filter((candidate) => candidate.kind === "create")) {
            expect(action.hostType).toBe(record.type);
            expect(record.removed).toBe(false);
            expect(isCreationAllowed(record.exportEnabled, record.type, input.exportSettings)).toBe(true);
          }
        }
      }),
    );
  });

  it("Reflect All after any poll leaves nothing pending, and a second Reflect All does nothing", () => {
    fc.assert(
      fc.property(pollArbitrary, (input) => {
        const polled = reflectPoll(input).outcomes.map((outcome) => outcome.record);
        const first = reflectAll(polled, input.exportSettings);
        for (const { record, actions } of first.outcomes) {
          const before = polled.find((candidate) => candidate.host === record.host);
          expect(applyActions(before === undefined ? null : elementTypeOf(before), actions)).toBe(record.elementType);
          expect(record.pending).toBe(false);
        }
        const second = reflectAll(
          first.outcomes.map((outcome) => outcome.record),
          input.exportSettings,
        );
        expect(second.actions).toEqual([]);
      }),
    );
  });

  it("Reflect acts exactly on pending hosts", () => {
    fc.assert(
      fc.property(recordArbitrary("h"), exportSettingsArbitrary, (record, exportSettings) => {
        const { actions } = reflectHost(record, exportSettings);
        expect(actions.length > 0).toBe(isPending(record, exportSettings));
      }),
    );
  });
});
