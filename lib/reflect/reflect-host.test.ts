import { describe, expect, it } from "vitest";
import { changeExportState, exportStateChangeNeedsAdministrator } from "./export-settings";
import { refreshPending, setHostExportEnabled } from "./host-export";
import { markActionFailed } from "./mark-action-failed";
import { reflectAll, reflectHost } from "./reflect-host";
import { actionsOf, exportSettings, storedHost } from "./test-support";
import type { HostRecord } from "./types";

describe("Reflect", () => {
  it("does nothing on a host that is not pending", () => {
    const host = storedHost({ host: "web1", type: "Linux", elementExists: true });
    expect(reflectHost(host, exportSettings)).toEqual({ record: host, actions: [] });
  });

  it("creates the element of a pending host whose creation is allowed", () => {
    const host = storedHost({ host: "web1", type: "Linux", pending: true });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([["create", "Linux"]]);
    expect(outcome.record).toMatchObject({ status: "Ok", elementExists: true, elementType: "Linux", pending: false });
  });

  it("deletes the element of a host whose flag was turned off", () => {
    const host = storedHost({ host: "web1", type: "Linux", exportEnabled: false, elementExists: true, pending: true });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([["delete", "Linux"]]);
    expect(outcome.record).toMatchObject({ elementExists: false, elementType: null, pending: false });
  });

  it("replaces an element made for the host's old type when the new type may be exported", () => {
    const host = storedHost({ host: "h", type: "Linux", elementExists: true, elementType: "Solaris", status: "Changed" });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([
      ["delete", "Solaris"],
      ["create", "Linux"],
    ]);
    expect(outcome.record).toMatchObject({ status: "Ok", elementType: "Linux", pending: false });
  });

  it("deletes an element made for the host's old type when the new type may not be exported", () => {
    const host = storedHost({ host: "h", type: "Network", elementExists: true, elementType: "Linux" });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([["delete", "Linux"]]);
    expect(outcome.record).toMatchObject({ elementExists: false, pending: false });
  });

  it("deletes the element a removed host still has; the host stays Removed", () => {
    const host = storedHost({ host: "h", type: "Linux", removed: true, status: "Removed", elementExists: true });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([["delete", "Linux"]]);
    expect(outcome.record).toMatchObject({ status: "Removed", elementExists: false, pending: false });
  });

  it("deletes the element of a host whose type is now unsupported; the host is Detected", () => {
    const host = storedHost({ host: "h", type: "Cisco", elementExists: true, elementType: "Linux" });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([["delete", "Linux"]]);
    expect(outcome.record).toMatchObject({ status: "Detected", elementExists: false, pending: false });
  });

  it("is idempotent: applying it twice gives the same record and no second create", () => {
    const host = storedHost({ host: "web1", type: "Linux" });
    const first = reflectHost(host, exportSettings);
    const second = reflectHost(first.record, exportSettings);
    expect(actionsOf(first)).toEqual([["create", "Linux"]]);
    expect(second.actions).toEqual([]);
    expect(second.record).toEqual(first.record);
  });

  it("retries a host in Error and clears the message once it succeeds", () => {
    const host = storedHost({ host: "web1", type: "Linux", status: "Error", message: "name clash", pending: true });
    const outcome = reflectHost(host, exportSettings);
    expect(actionsOf(outcome)).toEqual([["create", "Linux"]]);
    expect(outcome.record).toMatchObject({ status: "Ok", message: null });
  });

  it("reports a failed create as Error with the message kept, and the host can be reflected again", () => {
    const outcome = reflectHost(storedHost({ host: "web1", type: "Linux" }), exportSettings);
    const failed = markActionFailed(outcome, outcome.actions[0], "name clash");
    expect(failed.record).toMatchObject({ status: "Error", message: "name clash", elementExists: false, pending: true });
    expect(actionsOf(reflectHost(failed.record, exportSettings))).toEqual([["create", "Linux"]]);
  });

  it("refreshes a stale pending flag on a host that needs nothing", () => {
    const host = storedHost({ host: "web1", type: "Linux", exportEnabled: false, pending: true });
    expect(reflectHost(host, exportSettings)).toEqual({ record: { ...host, pending: false }, actions: [] });
  });
});

describe("Reflect All", () => {
  const types = ["Linux", "Windows", "Solaris", "Network", "Cisco"];
  const hosts: HostRecord[] = Array.from({ length: 500 }, (_, index) => {
    const type = types[index % types.length];
    const elementType = index % 3 === 0 ? null : types[(index + (index % 2)) % types.length];
    return storedHost({
      host: `host${index}`,
      type,
      removed: index % 7 === 0,
      exportEnabled: index % 4 !== 0,
      elementExists: elementType !== null,
      elementType,
    });
  });

  it("brings every host to its desired state, so none stays pending", () => {
    const { outcomes } = reflectAll(hosts, exportSettings);
    expect(outcomes).toHaveLength(hosts.length);
    expect(outcomes.filter((outcome) => outcome.record.pending)).toEqual([]);
  });

  it("creates elements only for present hosts whose creation is allowed, each for the host's type", () => {
    const { actions } = reflectAll(hosts, exportSettings);
    const byHost = new Map(hosts.map((host) => [host.host, host]));
    for (const action of actions.filter((candidate) => candidate.kind === "create")) {
      const host = byHost.get(action.host);
      expect(host).toMatchObject({ removed: false, exportEnabled: true, type: action.hostType });
      expect(exportSettings.get(action.hostType)).toBe("ON");
    }
  });

  it("acts only on pending hosts and leaves the others exactly as they were", () => {
    const { outcomes } = reflectAll(hosts, exportSettings);
    const untouched = refreshPending(hosts, exportSettings).filter((host) => !host.pending);
    expect(untouched.length).toBeGreaterThan(0);
    for (const host of untouched) {
      expect(outcomes.find((outcome) => outcome.record.host === host.host)).toEqual({ record: host, actions: [] });
    }
  });

  it("is idempotent: a second Reflect All does nothing", () => {
    const first = reflectAll(hosts, exportSettings);
    const second = reflectAll(
      first.outcomes.map((outcome) => outcome.record),
      exportSettings,
    );
    expect(second.actions).toEqual([]);
    expect(second.outcomes.map((outcome) => outcome.record)).toEqual(first.outcomes.map((outcome) => outcome.record));
  });
});

describe("export flag and export settings", () => {
  it("turning a host's export flag on makes it pending without creating anything", () => {
    const host = storedHost({ host: "web1", type: "Linux", exportEnabled: false });
    expect(setHostExportEnabled(host, true, exportSettings)).toEqual({ ...host, exportEnabled: true, pending: true });
  });

  it("turning the flag back off before reflecting leaves the host not pending", () => {
    const host = storedHost({ host: "web1", type: "Linux", exportEnabled: false });
    const toggled = setHostExportEnabled(setHostExportEnabled(host, true, exportSettings), false, exportSettings);
    expect(toggled).toEqual(host);
  });

  it("turning a type's export OFF makes hosts with an element of that type pending", () => {
    const hosts = [storedHost({ host: "a", type: "Linux", elementExists: true }), storedHost({ host: "b", type: "Windows", elementExists: true })];
    const change = changeExportState(exportSettings, "Linux", "OFF");
    if (!change.ok) throw new Error(change.reason);
    expect(refreshPending(hosts, change.settings).map((host) => host.pending)).toEqual([true, false]);
  });

  it("NA can be chosen and undone, and only that needs an administrator", () => {
    const toNa = changeExportState(exportSettings, "Linux", "NA");
    expect(toNa.ok && toNa.settings.get("Linux")).toBe("NA");
    const fromNa = changeExportState(exportSettings, "Network", "ON");
    expect(fromNa.ok && fromNa.settings.get("Network")).toBe("ON");
    expect(exportStateChangeNeedsAdministrator("ON", "NA")).toBe(true);
    expect(exportStateChangeNeedsAdministrator("NA", "OFF")).toBe(true);
    expect(exportStateChangeNeedsAdministrator("ON", "OFF")).toBe(false);
    expect(exportStateChangeNeedsAdministrator("NA", "NA")).toBe(false);
  });

  it("an NA type gets no element whatever its hosts' flags say", () => {
    const change = changeExportState(exportSettings, "Linux", "NA");
    if (!change.ok) throw new Error(change.reason);
    const hosts = [storedHost({ host: "a", type: "Linux", exportEnabled: true, elementExists: true })];
    expect(refreshPending(hosts, change.settings).map((host) => host.pending)).toEqual([true]);
  });

  it("an unsupported type has no export state to change", () => {
    expect(changeExportState(exportSettings, "Cisco", "ON")).toEqual({ ok: false, reason: "host type Cisco is not supported: the source reports no such template" });
  });

  it("changing an export state leaves the given settings as they were", () => {
    const change = changeExportState(exportSettings, "Windows", "OFF");
    expect(change.ok && change.settings.get("Windows")).toBe("OFF");
    expect(exportSettings.get("Windows")).toBe("ON");
  });
});
