import { describe, expect, it } from "vitest";
import { markActionFailed } from "./mark-action-failed";
import { reflectHost } from "./reflect-host";
import { reflectPoll, type PollInput } from "./reflect-poll";
import { actionsOf, exportSettings, storedHost } from "./test-support";
import { REFLECTION_MODES, type HostRecord, type SourceHost } from "./types";

function poll(previous: HostRecord[], current: SourceHost[], overrides: Partial<PollInput> = {}) {
  return reflectPoll({ mode: "MANUAL", exportSettings, previous, current, ...overrides });
}

function onlyOutcome(result: ReturnType<typeof reflectPoll>) {
  expect(result.outcomes).toHaveLength(1);
  return result.outcomes[0];
}

describe("a poll acts only on hosts that are new, changed or removed", () => {
  it.each(REFLECTION_MODES)("%s: an unchanged host whose flag was turned on is not given an element; it becomes pending", (mode) => {
    const host = storedHost({ host: "web1", type: "Linux", exportEnabled: true, elementExists: false });
    const outcome = onlyOutcome(poll([host], [{ host: "web1", type: "Linux" }], { mode }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Ok", elementExists: false, pending: true });
  });

  it.each(REFLECTION_MODES)("%s: an unchanged host whose flag was turned off keeps its element; it becomes pending", (mode) => {
    const host = storedHost({ host: "web1", type: "Linux", exportEnabled: false, elementExists: true });
    const outcome = onlyOutcome(poll([host], [{ host: "web1", type: "Linux" }], { mode }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Ok", elementExists: true, elementType: "Linux", pending: true });
  });

  it.each(REFLECTION_MODES)("%s: an unchanged host whose type's export was turned OFF keeps its element; it becomes pending", (mode) => {
    const host = storedHost({ host: "sun1", type: "Solaris", elementExists: true });
    const outcome = onlyOutcome(poll([host], [{ host: "sun1", type: "Solaris" }], { mode }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ elementExists: true, pending: true });
  });

  it("an unchanged host whose setup matches the settings is Ok, not pending, and untouched", () => {
    const host = storedHost({ host: "web1", type: "Linux", elementExists: true, status: "Changed" });
    const outcome = onlyOutcome(poll([host], [{ host: "web1", type: "Linux" }]));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toEqual({ ...host, status: "Ok", pending: false });
  });

  it("an unchanged host of an unsupported type is Detected", () => {
    const host = storedHost({ host: "sw1", type: "Cisco" });
    expect(onlyOutcome(poll([host], [{ host: "sw1", type: "Cisco" }])).record).toMatchObject({ status: "Detected", pending: false });
  });

  it("only the changed host of several is acted on", () => {
    const previous = [
      storedHost({ host: "a", type: "Linux", elementExists: true }),
      storedHost({ host: "b", type: "Linux", exportEnabled: true }),
      storedHost({ host: "c", type: "Linux", elementExists: true }),
    ];
    const result = poll(previous, [
      { host: "a", type: "Linux" },
      { host: "b", type: "Linux" },
      { host: "c", type: "Windows" },
    ]);
    expect(result.actions).toEqual([
      { kind: "delete", host: "c", hostType: "Linux" },
      { kind: "create", host: "c", hostType: "Windows" },
    ]);
    expect(result.outcomes.map((outcome) => [outcome.record.host, outcome.record.pending])).toEqual([
      ["a", false],
      ["b", true],
      ["c", false],
    ]);
  });
});

describe("pending", () => {
  it("stays pending while the element made for the host's old type remains, until the host is reflected", () => {
    const host = storedHost({ host: "h", type: "Solaris", elementExists: true });
    const changed = onlyOutcome(poll([host], [{ host: "h", type: "Linux" }])).record;
    expect(changed).toMatchObject({ status: "Changed", elementType: "Solaris", pending: true });

    const nextPoll = onlyOutcome(poll([changed], [{ host: "h", type: "Linux" }]));
    expect(nextPoll.actions).toEqual([]);
    expect(nextPoll.record).toMatchObject({ status: "Ok", type: "Linux", elementType: "Solaris", pending: true });

    const reflected = reflectHost(nextPoll.record, exportSettings);
    expect(actionsOf(reflected)).toEqual([
      ["delete", "Solaris"],
      ["create", "Linux"],
    ]);
    expect(reflected.record).toMatchObject({ status: "Ok", elementType: "Linux", pending: false });
  });

  it.each(REFLECTION_MODES)("%s: a host that changes back to the type its element was made for keeps that element", (mode) => {
    const host = storedHost({ host: "h", type: "Windows", elementExists: true, elementType: "Linux", pending: true });
    const outcome = onlyOutcome(poll([host], [{ host: "h", type: "Linux" }], { mode }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Changed", elementType: "Linux", pending: false });
  });

  it("a removed host is pending exactly while its element still exists", () => {
    const withElement = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed", elementExists: true });
    const withoutElement = storedHost({ host: "g", type: "Linux", removed: true, status: "Removed" });
    const result = poll([withElement, withoutElement], []);
    expect(result.outcomes.map((outcome) => outcome.record.pending)).toEqual([true, false]);
  });
});

describe("removed hosts", () => {
  it.each(REFLECTION_MODES)("%s: a host that stays removed is not acted on again and stays Removed", (mode) => {
    const removed = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed", elementExists: true });
    const outcome = onlyOutcome(poll([removed], [], { mode }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Removed", removed: true, elementExists: true, pending: true });
  });

  it("a removed host that comes back with its element and type is Ok and not pending", () => {
    const removed = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed", elementExists: true });
    const outcome = onlyOutcome(poll([removed], [{ host: "h", type: "Linux" }]));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Ok", removed: false, elementExists: true, pending: false });
  });

  it("a removed host whose element was deleted comes back as a new host: its element is created if allowed", () => {
    const removed = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed" });
    const outcome = onlyOutcome(poll([removed], [{ host: "h", type: "Linux" }], { mode: "AUTOMATIC" }));
    expect(actionsOf(outcome)).toEqual([["create", "Linux"]]);
    expect(outcome.record).toMatchObject({ status: "Ok", removed: false, pending: false });
  });

  it("a removed host that comes back with another type is a changed host", () => {
    const removed = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed", elementExists: true });
    const outcome = onlyOutcome(poll([removed], [{ host: "h", type: "Windows" }], { mode: "SEMI_AUTOMATIC" }));
    expect(actionsOf(outcome)).toEqual([
      ["delete", "Linux"],
      ["create", "Windows"],
    ]);
    expect(outcome.record).toMatchObject({ status: "Changed", type: "Windows", removed: false, pending: false });
  });

  it("a removed host keeps its export flag when it comes back", () => {
    const removed = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed", exportEnabled: true });
    const outcome = onlyOutcome(poll([removed], [{ host: "h", type: "Linux" }], { exportEnabledForNewHosts: new Map([["h", false]]) }));
    expect(outcome.record.exportEnabled).toBe(true);
  });
});

describe("new hosts", () => {
  it("take their export flag from the caller, off by default", () => {
    const result = poll(
      [],
      [
        { host: "a", type: "Linux" },
        { host: "b", type: "Linux" },
      ],
      { exportEnabledForNewHosts: new Map([["a", true]]) },
    );
    expect(result.outcomes.map((outcome) => [outcome.record.exportEnabled, outcome.record.elementExists])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it("of an NA type are never exported and not pending", () => {
    const outcome = onlyOutcome(poll([], [{ host: "r1", type: "Network" }], { exportEnabledForNewHosts: new Map([["r1", true]]) }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Ok", elementExists: false, pending: false });
  });

  it("of an unsupported type are Detected and get no element even with the flag on", () => {
    const outcome = onlyOutcome(poll([], [{ host: "sw1", type: "Cisco" }], { exportEnabledForNewHosts: new Map([["sw1", true]]) }));
    expect(outcome.actions).toEqual([]);
    expect(outcome.record).toMatchObject({ status: "Detected", elementExists: false, elementType: null, pending: false });
  });
});

describe("outcome order and input checks", () => {
  it("lists previous records in their order, then new hosts in the source's order", () => {
    const result = poll(
      [storedHost({ host: "z", type: "Linux" }), storedHost({ host: "m", type: "Linux" })],
      [
        { host: "b", type: "Linux" },
        { host: "m", type: "Linux" },
        { host: "a", type: "Linux" },
      ],
    );
    expect(result.outcomes.map((outcome) => outcome.record.host)).toEqual(["z", "m", "b", "a"]);
  });

  it("rejects a host listed twice in the source", () => {
    expect(() => poll([], [{ host: "a", type: "Linux" }, { host: "a", type: "Windows" }])).toThrow(/duplicate host in current: a/);
  });
});

describe("Error status", () => {
  it("a failed create shows Error with its message, and the host stays pending", () => {
    const outcome = onlyOutcome(poll([], [{ host: "web1", type: "Linux" }], { exportEnabledForNewHosts: new Map([["web1", true]]) }));
    const failed = markActionFailed(outcome, outcome.actions[0], "element name web1 already in use");
    expect(failed.actions).toEqual([]);
    expect(failed.record).toMatchObject({
      status: "Error",
      message: "element name web1 already in use",
      elementExists: false,
      elementType: null,
      pending: true,
    });
  });

  it("the Error and its message are kept by later polls while the host is pending, and cleared by a successful Reflect", () => {
    const outcome = onlyOutcome(poll([], [{ host: "web1", type: "Linux" }], { exportEnabledForNewHosts: new Map([["web1", true]]) }));
    const failed = markActionFailed(outcome, outcome.actions[0], "database unavailable").record;

    const nextPoll = onlyOutcome(poll([failed], [{ host: "web1", type: "Linux" }]));
    expect(nextPoll.actions).toEqual([]);
    expect(nextPoll.record).toMatchObject({ status: "Error", message: "database unavailable", pending: true });

    const reflected = reflectHost(nextPoll.record, exportSettings);
    expect(actionsOf(reflected)).toEqual([["create", "Linux"]]);
    expect(reflected.record).toMatchObject({ status: "Ok", message: null, elementExists: true, pending: false });
  });

  it("an Error on a host that is no longer pending gives way to its plain status at the next poll", () => {
    const errored = storedHost({ host: "web1", type: "Linux", exportEnabled: false, status: "Error", message: "boom" });
    const outcome = onlyOutcome(poll([errored], [{ host: "web1", type: "Linux" }]));
    expect(outcome.record).toMatchObject({ status: "Ok", message: null, pending: false });
  });

  it("a failed create after a successful delete leaves the host without element", () => {
    const host = storedHost({ host: "h", type: "Linux", elementExists: true });
    const outcome = onlyOutcome(poll([host], [{ host: "h", type: "Windows" }]));
    const failed = markActionFailed(outcome, outcome.actions[1], "name clash");
    expect(actionsOf(failed)).toEqual([["delete", "Linux"]]);
    expect(failed.record).toMatchObject({ status: "Error", message: "name clash", elementExists: false, pending: true });
  });

  it("a failed delete keeps the old element and skips the create that would follow it", () => {
    const host = storedHost({ host: "h", type: "Linux", elementExists: true });
    const outcome = onlyOutcome(poll([host], [{ host: "h", type: "Windows" }]));
    const failed = markActionFailed(outcome, outcome.actions[0], "element is locked");
    expect(failed.actions).toEqual([]);
    expect(failed.record).toMatchObject({ status: "Error", elementExists: true, elementType: "Linux", type: "Windows", pending: true });
  });

  it("a failed automatic delete of a removed host keeps the element", () => {
    const host = storedHost({ host: "h", type: "Linux", elementExists: true });
    const outcome = onlyOutcome(poll([host], [], { mode: "AUTOMATIC" }));
    const failed = markActionFailed(outcome, outcome.actions[0], "timeout");
    expect(failed.record).toMatchObject({ status: "Error", message: "timeout", removed: true, elementExists: true, pending: true });

    const nextPoll = onlyOutcome(poll([failed.record], [], { mode: "AUTOMATIC" }));
    expect(nextPoll.actions).toEqual([]);
    expect(nextPoll.record).toMatchObject({ status: "Error", message: "timeout", pending: true });
  });

  it("refuses to mark an action that is not part of the outcome", () => {
    const outcome = onlyOutcome(poll([], [{ host: "web1", type: "Linux" }]));
    expect(() => markActionFailed(outcome, { kind: "create", host: "web1", hostType: "Linux" }, "x")).toThrow(/not an action/);
  });
});
