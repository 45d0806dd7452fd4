import { describe, expect, it } from "vitest";

import { SourceUnavailableError } from "../types";
import {
  normaliseRead,
  parseCheckState,
  parseDowntime,
  parseFlag,
  parseHostTemplateResponse,
  parseInteger,
  parseServiceCheckConfigResponse,
  parseStateType,
  parseStatusResponse,
  templatesByHost,
} from "./parse";

const NOW = Date.UTC(2026, 0, 5, 12, 0, 0);

function serviceRow(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "HTTP",
    service_object_id: "11",
    state: "ok",
    state_type: "hard",
    downtime: "0",
    acknowledged: "0",
    output: "HTTP OK",
    last_check: "2026-01-05 11:59:00",
    ...fields,
  };
}

function statusWith(services: unknown[], host: Record<string, unknown> = {}) {
  return { list: [{ name: "web1", alias: "Web 1", state: "up", downtime: "0", services, ...host }], summary: {} };
}

describe("strict value parsing", () => {
  it.each([
    ["3", 3],
    ["0", 0],
    [" 42 ", 42],
    ["-1", -1],
    [7, 7],
  ])("reads the integer %j as %d", (value, expected) => {
    expect(parseInteger(value, "field")).toBe(expected);
  });

  it.each([["3.5"], ["1e3"], [""], ["12abc"], [3.5], [null], [true], ["99999999999999999999"]])(
    "refuses %j as an integer",
    (value) => {
      expect(() => parseInteger(value, "field")).toThrow(/field is not an integer/);
    },
  );

  it.each([
    ["1", true],
    ["0", false],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
  ])("reads the flag %j as %s", (value, expected) => {
    expect(parseFlag(value, "acknowledged")).toBe(expected);
  });

  it.each([["yes"], ["2"], [""], ["true"], [null]])("refuses %j as a flag", (value) => {
    expect(() => parseFlag(value, "acknowledged")).toThrow(/acknowledged is not 0 or 1/);
  });

  it.each([
    ["ok", "OK"],
    ["warning", "WARNING"],
    ["CRITICAL", "CRITICAL"],
    ["unknown", "UNKNOWN"],
    ["2", "CRITICAL"],
    [3, "UNKNOWN"],
  ])("reads the state %j as %s", (value, expected) => {
    expect(parseCheckState(value)).toBe(expected);
  });

  it.each([["pending"], ["4"], [""], [-1], [undefined]])("refuses the state %j", (value) => {
    expect(() => parseCheckState(value)).toThrow(/state/);
  });

  it.each([
    ["hard", "HARD"],
    ["soft", "SOFT"],
    ["1", "HARD"],
    ["0", "SOFT"],
    [undefined, "HARD"],
  ])("reads the state type %j as %s", (value, expected) => {
    expect(parseStateType(value)).toBe(expected);
  });

  it("counts only downtime 2 (in downtime) as in downtime, not 1 (scheduled for later)", () => {
    expect(parseDowntime("0")).toBe(false);
    expect(parseDowntime("1")).toBe(false);
    expect(parseDowntime("2")).toBe(true);
    expect(parseDowntime(undefined)).toBe(false);
    expect(() => parseDowntime("3")).toThrow(/downtime is not 0, 1 or 2/);
  });
});

describe("parseStatusResponse", () => {
  it("reads every string-typed field of a service row", () => {
    const read = parseStatusResponse(
      statusWith([
        serviceRow({
          state: "critical",
          state_type: "soft",
          downtime: "2",
          acknowledged: "1",
          output: "Connection refused",
          last_state_change: "1767614400",
        }),
      ]),
      NOW,
    );
    expect(read.skipped).toEqual([]);
    expect(read.hosts).toEqual([
      {
        name: "web1",
        alias: "Web 1",
        address: "",
        hostGroups: [],
        checks: [
          {
            name: "HTTP",
            state: "CRITICAL",
            stateType: "SOFT",
            acknowledged: true,
            inDowntime: true,
            output: "Connection refused",
            lastStateChange: 1767614400 * 1000,
          },
        ],
      },
    ]);
  });

  it("derives the last state change from state_duration when last_state_change is absent", () => {
    const read = parseStatusResponse(statusWith([serviceRow({ state_duration: "90" })]), NOW);
    expect(read.hosts[0].checks[0].lastStateChange).toBe(NOW - 90_000);
  });

  it("prefers last_state_change over state_duration and treats 0 as never", () => {
    const both = parseStatusResponse(statusWith([serviceRow({ state_duration: "90", last_state_change: "1767600000" })]), NOW);
    expect(both.hosts[0].checks[0].lastStateChange).toBe(1767600000 * 1000);
    const never = parseStatusResponse(statusWith([serviceRow({ last_state_change: "0" })]), NOW);
    expect(never.hosts[0].checks[0].lastStateChange).toBeNull();
  });

  it("defaults the optional fields that are missing", () => {
    const read = parseStatusResponse({ list: [{ name: "bare", services: [{ name: "Ping", state: "ok" }] }] }, NOW);
    expect(read.skipped).toEqual([]);
    expect(read.hosts[0]).toEqual({
      name: "bare",
      alias: "",
      address: "",
      hostGroups: [],
      checks: [
        {
          name: "Ping",
          state: "OK",
          stateType: "HARD",
          acknowledged: false,
          inDowntime: false,
          output: "",
          lastStateChange: null,
        },
      ],
    });
  });

  it("reads the address and host group when the host row has them", () => {
    const read = parseStatusResponse(statusWith([], { ip: "10.0.0.11", hostgroup: "Web" }), NOW);
    expect(read.hosts[0]).toMatchObject({ address: "10.0.0.11", hostGroups: ["Web"] });
  });

  it("reads a host without a services list as a host without checks", () => {
    const read = parseStatusResponse({ list: [{ name: "lonely" }] }, NOW);
    expect(read.hosts).toMatchObject([{ name: "lonely", checks: [] }]);
  });

  it("skips a service with an unknown state under its host/service key and reads the rest", () => {
    const read = parseStatusResponse(
      statusWith([serviceRow({ name: "HTTP" }), serviceRow({ name: "Queue", state: "pending" }), serviceRow({ name: "Load" })]),
      NOW,
    );
    expect(read.hosts[0].checks.map((check) => check.name)).toEqual(["HTTP", "Load"]);
    expect(read.skipped).toEqual([{ key: "web1/Queue", reason: 'unknown state "pending"' }]);
    expect(read.skippedChecks).toEqual([{ host: "web1", name: "Queue" }]);
  });

  it.each([
    [{ acknowledged: "yes" }, "acknowledged is not 0 or 1"],
    [{ downtime: "x" }, "downtime is not an integer"],
    [{ state_type: "medium" }, "unknown state_type"],
    [{ state: undefined }, "state is missing"],
    [{ output: 12 }, "output is not a string"],
    [{ last_state_change: "yesterday" }, "last_state_change is not an integer"],
    [{ state_duration: "-5" }, "state_duration is negative"],
  ])("skips a service row with %j", (fields, reason) => {
    const read = parseStatusResponse(statusWith([serviceRow(fields)]), NOW);
    expect(read.hosts[0].checks).toEqual([]);
    expect(read.skipped).toHaveLength(1);
    expect(read.skipped[0].key).toBe("web1/HTTP");
    expect(read.skipped[0].reason).toContain(reason);
  });

  it("skips a service row without a name under its position", () => {
    const read = parseStatusResponse(statusWith([serviceRow(), { state: "ok" }, "garbage"]), NOW);
    expect(read.hosts[0].checks).toHaveLength(1);
    expect(read.skipped.map((row) => row.key)).toEqual(["web1/#2", "web1/#3"]);
    expect(read.skippedChecks).toEqual([]);
  });

  it("keeps the first of two rows for the same service", () => {
    const read = parseStatusResponse(statusWith([serviceRow(), serviceRow({ state: "critical" })]), NOW);
    expect(read.hosts[0].checks.map((check) => check.state)).toEqual(["OK"]);
    expect(read.skipped).toEqual([{ key: "web1/HTTP", reason: expect.stringContaining("twice") }]);
  });

  it("skips a whole host row that cannot be read and remembers it as unreadable", () => {
    const read = parseStatusResponse(
      { list: [{ name: "odd", services: "none" }, { alias: "no name" }, { name: "fine", services: [] }] },
      NOW,
    );
    expect(read.hosts.map((host) => host.name)).toEqual(["fine"]);
    expect(read.skipped).toEqual([
      { key: "odd", reason: expect.stringContaining("services is not a list") },
      { key: "#2", reason: "host row has no name" },
    ]);
    expect(read.skippedHosts).toEqual(["odd"]);
  });

  it.each([[null], [[]], [{ list: "x" }], [{ summary: {} }], ["text"]])("refuses the top-level shape %j", (body) => {
    expect(() => parseStatusResponse(body, NOW)).toThrow(SourceUnavailableError);
  });
});

describe("parseHostTemplateResponse", () => {
  it("accepts a bare list and a {list} wrapper alike", () => {
    const rows = [{ id: "1", name: "Web Server" }, { id: "2", name: "OS - Linux" }];
    const bare = parseHostTemplateResponse(rows);
    const wrapped = parseHostTemplateResponse({ list: rows, summary: { rows: "2" } });
    expect(bare).toEqual(wrapped);
    expect(bare.templates).toEqual([
      { name: "Web Server", hosts: null, serviceChecks: null },
      { name: "OS - Linux", hosts: null, serviceChecks: null },
    ]);
  });

  it("reads the per-template hosts and service checks, with an optional host priority", () => {
    const read = parseHostTemplateResponse([
      { id: "1", name: "Web Server", hosts: [{ name: "web1", priority: "2" }, "web2"], servicechecks: [{ name: "HTTP" }] },
    ]);
    expect(read.templates).toEqual([
      { name: "Web Server", hosts: [{ name: "web1", priority: 2 }, { name: "web2", priority: null }], serviceChecks: ["HTTP"] },
    ]);
  });

  it("skips a template row it cannot read and keeps the others", () => {
    const read = parseHostTemplateResponse([
      { id: "1" },
      { id: "2", name: "Bad", hosts: "web1" },
      { id: "3", name: "Good" },
      { id: "4", name: "Good" },
    ]);
    expect(read.templates.map((template) => template.name)).toEqual(["Good"]);
    expect(read.skipped.map((row) => row.key)).toEqual(["hosttemplate:#1", "hosttemplate:Bad", "hosttemplate:Good"]);
  });

  it("refuses an answer that is neither a list nor {list}", () => {
    expect(() => parseHostTemplateResponse({ templates: [] })).toThrow(SourceUnavailableError);
  });
});

describe("template mapping", () => {
  const templates = parseHostTemplateResponse({
    list: [
      { id: "1", name: "Web Server", hosts: [{ name: "web1" }, { name: "web2" }], servicechecks: [{ name: "HTTP" }, { name: "Load" }] },
      { id: "2", name: "Database Server", hosts: [{ name: "db1", priority: "1" }], servicechecks: [{ name: "MySQL" }] },
      {
        id: "3",
        name: "OS - Linux",
        hosts: [{ name: "web1" }, { name: "db1", priority: "0" }],
        servicechecks: [{ name: "Disk /" }, { name: "Load" }],
      },
      { id: "4", name: "Unused", servicechecks: [{ name: "HTTP" }] },
    ],
  }).templates;

  it("gives each host its templates with priority by listing position unless the entry says otherwise", () => {
    const byHost = templatesByHost(templates);
    expect(byHost.get("web1")).toEqual([
      { name: "Web Server", priority: 1 },
      { name: "OS - Linux", priority: 3 },
    ]);
    expect(byHost.get("web2")).toEqual([{ name: "Web Server", priority: 1 }]);
    expect(byHost.get("db1")).toEqual([
      { name: "OS - Linux", priority: 0 },
      { name: "Database Server", priority: 1 },
    ]);
  });

  it("credits a check to each of its host's templates that holds a check of that name", () => {
    const status = parseStatusResponse(
      {
        list: [
          {
            name: "web1",
            services: [
              { name: "HTTP", state: "ok" },
              { name: "Load", state: "ok" },
              { name: "Disk /", state: "ok" },
              { name: "NTP", state: "ok" },
            ],
          },
          { name: "web3", services: [{ name: "HTTP", state: "ok" }] },
        ],
      },
      NOW,
    );
    const read = normaliseRead(status, templates);
    expect(read.hosts.map((host) => [host.name, host.hostTemplates.map((t) => t.name)])).toEqual([
      ["web1", ["Web Server", "OS - Linux"]],
      ["web3", []],
    ]);
    expect(read.serviceChecks.map((check) => [check.host, check.name, check.hostTemplates])).toEqual([
      ["web1", "HTTP", ["Web Server"]],
      ["web1", "Load", ["Web Server", "OS - Linux"]],
      ["web1", "Disk /", ["OS - Linux"]],
      ["web1", "NTP", []],
      ["web3", "HTTP", []],
    ]);
  });

  it("leaves hosts and checks without templates when the listing has no per-template hosts", () => {
    const bare = parseHostTemplateResponse([{ id: "1", name: "Web Server" }]).templates;
    const status = parseStatusResponse(statusWith([serviceRow()]), NOW);
    const read = normaliseRead(status, bare);
    expect(read.hosts[0].hostTemplates).toEqual([]);
    expect(read.hosts[0].keywords).toEqual([]);
    expect(read.serviceChecks[0].hostTemplates).toEqual([]);
  });
});

describe("service groups from /rest/config/servicecheck", () => {
  it("reads each check's service group as {name, ref} or a plain name; a check without one has none", () => {
    const read = parseServiceCheckConfigResponse({
      list: [
        { id: "1", name: "HTTP", servicegroup: { name: "Web", ref: "/rest/config/servicegroup/1" } },
        { id: "2", name: "Disk", servicegroup: "Operating system" },
        { id: "3", name: "NTP", servicegroup: null },
      ],
    });
    expect([...read.serviceGroups]).toEqual([
      ["HTTP", "Web"],
      ["Disk", "Operating system"],
    ]);
    expect(read.skipped).toEqual([]);
  });

  it("skips unreadable rows with their key and keeps the first of two rows with one name", () => {
    const read = parseServiceCheckConfigResponse([
      { name: "HTTP", servicegroup: { name: "Web" } },
      { name: "HTTP", servicegroup: { name: "Other" } },
      { name: "Load", servicegroup: { ref: "/rest/config/servicegroup/2" } },
      "junk",
    ]);
    expect([...read.serviceGroups]).toEqual([["HTTP", "Web"]]);
    expect(read.skipped).toEqual([
      { key: "servicecheck:HTTP", reason: "service check appears twice; the first row is used" },
      { key: "servicecheck:Load", reason: "servicegroup.name is missing" },
      { key: "servicecheck:#4", reason: "service check row is not an object" },
    ]);
    expect(() => parseServiceCheckConfigResponse({ rows: [] })).toThrow(SourceUnavailableError);
  });

  it("gives each status row its check's group; a multi-service row (\"Disk: /var\") its check's before the colon", () => {
    const status = parseStatusResponse(
      { list: [{ name: "web1", services: [{ name: "HTTP", state: "ok" }, { name: "Disk: /var", state: "ok" }, { name: "NTP", state: "ok" }] }] },
      NOW,
    );
    const groups = new Map([
      ["HTTP", "Web"],
      ["Disk", "Operating system"],
    ]);
    expect(normaliseRead(status, [], groups).serviceChecks.map((check) => [check.name, check.serviceGroups])).toEqual([
      ["HTTP", ["Web"]],
      ["Disk: /var", ["Operating system"]],
      ["NTP", []],
    ]);
  });
});
