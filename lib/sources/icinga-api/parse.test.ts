import { describe, expect, it } from "vitest";
import { epochSecondsToMs, hostTemplatesOf, parseHosts, parseServices, parseStreamEvent } from "./parse";

function service(attrs: Record<string, unknown> = {}) {
  return {
    name: "web1!HTTP",
    type: "Service",
    attrs: {
      name: "HTTP",
      host_name: "web1",
      state: 2.0,
      state_type: 1.0,
      acknowledgement: 0.0,
      acknowledgement_last_change: 0,
      downtime_depth: 0.0,
      last_check: 1_700_000_100.5,
      last_state_change: 1_700_000_000.25,
      last_check_result: { output: "connection refused", performance_data: [] },
      groups: ["Web", "Customer facing"],
      ...attrs,
    },
  };
}

describe("Icinga 2 host templates", () => {
  it("drops the host's own name and repeats, keeping depth-first import order as priority", () => {
    expect(hostTemplatesOf("web1", ["web1", "linux-server", "generic-host", "web-server", "generic-host"])).toEqual([
      { name: "linux-server", priority: 1 },
      { name: "generic-host", priority: 2 },
      { name: "web-server", priority: 3 },
    ]);
    expect(hostTemplatesOf("web1", ["web1"])).toEqual([]);
  });
});

describe("parsing Icinga 2 hosts", () => {
  it("maps display name, address, groups, templates and keywords from vars.bsm_keywords", () => {
    const { hosts, skipped } = parseHosts([
      {
        name: "web1",
        attrs: { name: "web1", display_name: "Web one", address: "10.0.0.1", groups: ["web", "london"], templates: ["web1", "web-server"], vars: { bsm_keywords: ["prod", "frontend"] } },
      },
      { name: "db1", attrs: { name: "db1", display_name: "db1", address: "", groups: [], templates: ["db1"], vars: null } },
    ]);
    expect(skipped).toEqual([]);
    expect(hosts).toEqual([
      { name: "web1", alias: "Web one", address: "10.0.0.1", hostGroups: ["london", "web"], hostTemplates: [{ name: "web-server", priority: 1 }], keywords: ["frontend", "prod"] },
      { name: "db1", alias: "db1", address: "", hostGroups: [], hostTemplates: [], keywords: [] },
    ]);
  });

  it("skips hosts it cannot read, with their keys", () => {
    const { hosts, skipped } = parseHosts([{ attrs: {} }, { attrs: { name: "x", groups: "web", templates: [] } }, { attrs: { name: "y" } }, { attrs: { name: "y" } }, null]);
    expect(hosts.map((host) => host.name)).toEqual(["y"]);
    expect(skipped).toEqual([
      { key: "host without a name", reason: "host object without attrs.name" },
      { key: "x", reason: "templates and groups must be lists of names" },
      { key: "y", reason: "duplicate host" },
      { key: "host without a name", reason: "host object without attrs.name" },
    ]);
  });
});

describe("parsing Icinga 2 services", () => {
  it("maps state, state type, acknowledgement, downtime, output and last state change", () => {
    const { checks, newestChange } = parseServices([
      service(),
      service({ name: "Load", state: 0, state_type: 0, acknowledgement: 2, downtime_depth: 1, last_check_result: null, last_state_change: 0, groups: [] }),
    ]);
    expect(checks).toEqual([
      { host: "web1", name: "HTTP", state: "CRITICAL", stateType: "HARD", acknowledged: false, inDowntime: false, output: "connection refused", lastStateChange: 1_700_000_000_250, hostTemplates: [], serviceGroups: ["Customer facing", "Web"] },
      { host: "web1", name: "Load", state: "OK", stateType: "SOFT", acknowledged: true, inDowntime: true, output: "", lastStateChange: null, hostTemplates: [], serviceGroups: [] },
    ]);
    expect(newestChange).toBe(1_700_000_100.5);
  });

  it.each([
    [{ state: 4 }, "state 4 is not 0, 1, 2 or 3"],
    [{ state: "2" }, 'state "2" is not 0, 1, 2 or 3'],
    [{ state_type: 2 }, "state_type 2 is not 0 (soft) or 1 (hard)"],
    [{ acknowledgement: -1 }, "acknowledgement -1 is not 0, 1 or 2"],
    [{ downtime_depth: 0.5 }, "downtime_depth 0.5 is not a count"],
    [{ groups: "Web" }, "groups must be a list of service group names"],
  ])("skips a service with %j and keeps the rest", (attrs, reason) => {
    const { checks, skipped } = parseServices([service(attrs), service({ name: "Load" })]);
    expect(checks.map((check) => check.name)).toEqual(["Load"]);
    expect(skipped).toEqual([{ key: "web1/HTTP", reason }]);
  });

  it("skips services without names and duplicates", () => {
    const { checks, skipped } = parseServices([{ name: "a!b", attrs: { name: "b" } }, service(), service()]);
    expect(checks).toHaveLength(1);
    expect(skipped).toEqual([
      { key: "a!b", reason: "service object without attrs.host_name or attrs.name" },
      { key: "web1/HTTP", reason: "duplicate service" },
    ]);
  });

  it("reads a service's groups (any number, without repeats) as its service groups; none when absent", () => {
    const { checks } = parseServices([service({ groups: ["Web", "Web", "Backend"] }), service({ name: "Load", groups: undefined })]);
    expect(checks.map((check) => check.serviceGroups)).toEqual([["Backend", "Web"], []]);
  });

  it("reads Icinga times as epoch seconds, where 0 and -1 mean never", () => {
    expect(epochSecondsToMs(1_700_000_000.5)).toBe(1_700_000_000_500);
    expect(epochSecondsToMs(0)).toBeNull();
    expect(epochSecondsToMs(-1)).toBeNull();
    expect(epochSecondsToMs("1")).toBeNull();
  });
});

describe("parsing Icinga 2 event stream lines", () => {
  // Shapes as Icinga 2.13 sends them (fields trimmed).
  const checkResult = { type: "CheckResult", host: "web1", service: "HTTP", timestamp: 1_796_407_647.1, acknowledgement: false, downtime_depth: 0, check_result: { state: 2, output: "bad" } };
  const downtime = (type: string, service: string) => ({
    type,
    timestamp: 1_796_407_701.3,
    downtime: { __name: `web1!${service}!3546919b`, name: "3546919b", host_name: "web1", service_name: service, fixed: true },
  });

  it.each([
    ["a check result", checkResult, "web1!HTTP"],
    ["a state change", { ...checkResult, type: "StateChange", state: 2, state_type: 1 }, "web1!HTTP"],
    ["an acknowledgement", { type: "AcknowledgementSet", host: "web1", service: "HTTP", timestamp: 1, acknowledgement_type: 1 }, "web1!HTTP"],
    ["an acknowledgement cleared", { type: "AcknowledgementCleared", host: "web1", service: "HTTP", timestamp: 1 }, "web1!HTTP"],
    ["a downtime started", downtime("DowntimeStarted", "HTTP"), "web1!HTTP"],
    ["a flexible downtime triggered", downtime("DowntimeTriggered", "HTTP"), "web1!HTTP"],
    ["a downtime removed", downtime("DowntimeRemoved", "Load"), "web1!Load"],
  ])("names the service of %s", (_, event, service) => {
    expect(parseStreamEvent(JSON.stringify(event))?.service).toBe(service);
  });

  it("tells events apart, and the same event on two streams alike", () => {
    const first = parseStreamEvent(JSON.stringify(checkResult));
    expect(parseStreamEvent(JSON.stringify({ ...checkResult, check_result: { state: 2, output: "bad" } }))?.id).toBe(first?.id);
    expect(parseStreamEvent(JSON.stringify({ ...checkResult, timestamp: 1_796_407_648.2 }))?.id).not.toBe(first?.id);
    expect(parseStreamEvent(JSON.stringify({ ...checkResult, type: "StateChange" }))?.id).not.toBe(first?.id);
    expect(parseStreamEvent(JSON.stringify(downtime("DowntimeStarted", "HTTP")))?.id).not.toBe(parseStreamEvent(JSON.stringify(downtime("DowntimeTriggered", "HTTP")))?.id);
  });

  it.each([
    ["a host's check result", { ...checkResult, service: undefined }],
    ["a host's downtime", downtime("DowntimeStarted", "")],
    ["a type it did not ask for", { ...checkResult, type: "Notification" }],
    ["an event without a type", { host: "web1", service: "HTTP" }],
    ["a list", [checkResult]],
  ])("ignores %s", (_, event) => {
    expect(parseStreamEvent(JSON.stringify(event))).toBeNull();
  });

  it("ignores a line that is not JSON", () => {
    expect(parseStreamEvent('{"type":"CheckResult","host":"web1"')).toBeNull();
  });
});
