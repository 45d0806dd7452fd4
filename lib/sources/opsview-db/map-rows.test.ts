import { describe, expect, it } from "vitest";
import { epochSecondsToMs, mapHostRows, mapServiceCheckRows, type DatabaseRow } from "./map-rows";
import { HOST_COLUMNS, HOST_GROUP_COLUMNS, HOST_KEYWORD_COLUMNS, HOST_TEMPLATE_COLUMNS, SERVICE_CHECK_COLUMNS } from "./queries";
import type { HostTemplateSource } from "./template-source";

// Rows written with named fields for reading; the driver delivers them as arrays in the statement's column order.
type NamedRow = Record<string, unknown>;
const inColumnOrder = (columns: readonly string[]) => (row: NamedRow): DatabaseRow => columns.map((column) => row[column]);

function mapChecks(rows: NamedRow[], source?: HostTemplateSource) {
  return mapServiceCheckRows(rows.map(inColumnOrder(SERVICE_CHECK_COLUMNS)), source);
}

function mapHosts(rows: { hosts: NamedRow[]; groups: NamedRow[]; templates: NamedRow[]; keywords: NamedRow[] }, source?: HostTemplateSource) {
  return mapHostRows(
    {
      hosts: rows.hosts.map(inColumnOrder(HOST_COLUMNS)),
      groups: rows.groups.map(inColumnOrder(HOST_GROUP_COLUMNS)),
      templates: rows.templates.map(inColumnOrder(HOST_TEMPLATE_COLUMNS)),
      keywords: rows.keywords.map(inColumnOrder(HOST_KEYWORD_COLUMNS)),
    },
    source,
  );
}

function checkRow(overrides: NamedRow = {}): NamedRow {
  return {
    object_id: 10,
    host_name: "web1",
    service_name: "HTTP",
    current_state: 0,
    state_type: 1,
    acknowledged: 0,
    downtime_depth: 0,
    output: "HTTP OK",
    last_state_change: 1_700_000_000,
    status_update_time: 1_700_000_100,
    template_name: "Web Server",
    service_group: "Web",
    ...overrides,
  };
}

describe("mapping service check rows", () => {
  it.each([
    [0, "OK"],
    [1, "WARNING"],
    [2, "CRITICAL"],
    [3, "UNKNOWN"],
  ])("state %i is %s", (state, expected) => {
    expect(mapChecks([checkRow({ current_state: state })]).serviceChecks[0].state).toBe(expected);
  });

  it("maps state type, acknowledgement, downtime depth, output and last state change", () => {
    const { serviceChecks, skipped } = mapChecks([
      checkRow({ state_type: 0, acknowledged: 1, downtime_depth: 2, current_state: 2, output: "down" }),
    ]);
    expect(skipped).toEqual([]);
    expect(serviceChecks).toEqual([
      {
        host: "web1",
        name: "HTTP",
        state: "CRITICAL",
        stateType: "SOFT",
        acknowledged: true,
        inDowntime: true,
        output: "down",
        lastStateChange: 1_700_000_000_000,
        hostTemplates: ["Web Server"],
        serviceGroups: ["Web"],
      },
    ]);
  });

  it("collects the service groups of the one-row-per-template-and-group join, sorted and once each; NULL is none", () => {
    const { serviceChecks } = mapChecks([
      checkRow({ template_name: "Web Server", service_group: "Web" }),
      checkRow({ template_name: "Web Server", service_group: "Customer facing" }),
      checkRow({ template_name: "Base", service_group: "Web" }),
      checkRow({ object_id: 11, service_name: "Disk", service_group: null }),
    ]);
    expect(serviceChecks.map((check) => [check.name, check.serviceGroups])).toEqual([
      ["HTTP", ["Customer facing", "Web"]],
      ["Disk", []],
    ]);
  });

  it("collects every contributing template from the one-row-per-template join, sorted", () => {
    const { serviceChecks } = mapChecks([
      checkRow({ template_name: "Web Server" }),
      checkRow({ template_name: "Base" }),
      checkRow({ object_id: 11, service_name: "Disk", template_name: null }),
    ]);
    expect(serviceChecks.map((check) => [check.name, check.hostTemplates])).toEqual([
      ["HTTP", ["Base", "Web Server"]],
      ["Disk", []],
    ]);
  });

  it.each([
    [{ current_state: 4 }, "web1/HTTP", "current_state 4 is not 0, 1, 2 or 3"],
    [{ current_state: -1 }, "web1/HTTP", "current_state -1"],
    [{ current_state: null }, "web1/HTTP", "current_state null"],
    [{ current_state: "x" }, "web1/HTTP", "current_state x"],
    [{ state_type: 2 }, "web1/HTTP", "state_type 2 is not 0 (soft) or 1 (hard)"],
    [{ downtime_depth: -1 }, "web1/HTTP", "scheduled_downtime_depth -1"],
    [{ acknowledged: null }, "web1/HTTP", "problem_has_been_acknowledged null"],
    [{ service_name: null }, "service object 10", "without a host name or a service name"],
    [{ host_name: "" }, "service object 10", "without a host name or a service name"],
  ])("skips a malformed row %j with its key and keeps the others", (overrides, key, reason) => {
    const { serviceChecks, skipped } = mapChecks([
      checkRow({ object_id: 9, service_name: "Ping" }),
      checkRow(overrides),
      checkRow({ template_name: "Base" }),
      checkRow({ object_id: 11, service_name: "Disk" }),
    ]);
    expect(serviceChecks.map((check) => check.name)).toEqual(["Ping", "Disk"]);
    expect(skipped).toEqual([{ key, reason: expect.stringContaining(reason) }]);
  });

  it("accepts numbers the driver returns as strings, and fractional timestamps", () => {
    const { serviceChecks } = mapChecks([
      checkRow({ object_id: "10", current_state: "1", state_type: "1", last_state_change: "1700000000.250000" }),
    ]);
    expect(serviceChecks[0]).toMatchObject({ state: "WARNING", lastStateChange: 1_700_000_000_250 });
  });

  it("treats a missing or 1970 last state change as unknown", () => {
    expect(epochSecondsToMs(null)).toBeNull();
    expect(epochSecondsToMs(0)).toBeNull();
    expect(epochSecondsToMs("")).toBeNull();
    expect(mapChecks([checkRow({ last_state_change: null })]).serviceChecks[0].lastStateChange).toBeNull();
  });

  it("reports the newest status update time, malformed rows included, so the cursor moves past them", () => {
    const { latestStatusUpdate } = mapChecks([
      checkRow({ status_update_time: 1_700_000_100 }),
      checkRow({ object_id: 11, service_name: "Disk", current_state: 9, status_update_time: 1_700_000_200 }),
    ]);
    expect(latestStatusUpdate).toBe(1_700_000_200);
    expect(mapChecks([]).latestStatusUpdate).toBeNull();
  });

  it("skips a second active object with the same host and service name", () => {
    const { serviceChecks, skipped } = mapChecks([checkRow(), checkRow({ object_id: 12 })]);
    expect(serviceChecks).toHaveLength(1);
    expect(skipped).toEqual([{ key: "web1/HTTP", reason: "duplicate active service object 12" }]);
  });
});

describe("mapping host rows", () => {
  const rows = {
    hosts: [
      { object_id: 1, host_name: "web1", alias: "Web one", address: "10.0.0.1" },
      { object_id: 2, host_name: "db1", alias: null, address: null },
      { object_id: 3, host_name: null, alias: "x", address: "y" },
    ],
    groups: [
      { host_object_id: 1, name: "Web" },
      { host_object_id: 1, name: "London" },
      { host_object_id: 99, name: "Elsewhere" },
    ],
    templates: [
      { host_object_id: 1, name: "Web Server", priority: 2 },
      { host_object_id: 1, name: "Base", priority: 1 },
      { host_object_id: 2, name: "Database", priority: null },
    ],
    keywords: [
      { host_object_id: 1, keyword: "prod" },
      { host_object_id: 1, keyword: "frontend" },
      { host_object_id: 2, keyword: "prod" },
    ],
  };

  it("attaches groups, templates by priority and keywords to their hosts", () => {
    const { hosts } = mapHosts(rows);
    expect(hosts).toEqual([
      {
        name: "web1",
        alias: "Web one",
        address: "10.0.0.1",
        hostGroups: ["London", "Web"],
        hostTemplates: [
          { name: "Base", priority: 1 },
          { name: "Web Server", priority: 2 },
        ],
        keywords: ["frontend", "prod"],
      },
      { name: "db1", alias: "", address: "", hostGroups: [], hostTemplates: [], keywords: ["prod"] },
    ]);
  });

  it("skips a host without a name and a template without a priority, with their keys", () => {
    expect(mapHosts(rows).skipped).toEqual([
      { key: "host object 3", reason: "host row without an object id or a name" },
      { key: "db1", reason: expect.stringContaining("host template Database") },
    ]);
  });
});

describe("mapping Icinga IDO rows", () => {
  it("ranks host group templates in row order and gives every check its host's templates", () => {
    const source = { from: "host-group" as const, pattern: "^tmpl-(.+)$" };
    const { hosts } = mapHosts(
      {
        hosts: [{ object_id: 1, host_name: "web1", alias: "Web one", address: "10.0.0.1" }],
        groups: [{ host_object_id: 1, name: "tmpl-Linux" }],
        templates: [
          { host_object_id: 1, name: "site-London", priority: null, is_json: 0 },
          { host_object_id: 1, name: "tmpl-Linux", priority: null, is_json: 0 },
          { host_object_id: 1, name: "tmpl-Web", priority: null, is_json: 0 },
        ],
        keywords: [],
      },
      source,
    );
    expect(hosts[0].hostTemplates).toEqual([
      { name: "Linux", priority: 1 },
      { name: "Web", priority: 2 },
    ]);
    const { serviceChecks } = mapChecks(
      [
        { ...checkRow(), template_name: "tmpl-Web", template_is_json: 0 },
        { ...checkRow(), template_name: "site-London", template_is_json: 0 },
        { ...checkRow(), template_name: "tmpl-Linux", template_is_json: 0 },
      ],
      source,
    );
    expect(serviceChecks[0].hostTemplates).toEqual(["Linux", "Web"]);
  });

  it("reads templates from a JSON array custom variable", () => {
    const { hosts } = mapHosts(
      {
        hosts: [{ object_id: 1, host_name: "web1", alias: "", address: "" }],
        groups: [],
        templates: [{ host_object_id: 1, name: '["Web","Linux"]', priority: null, is_json: 1 }],
        keywords: [],
      },
      { from: "custom-variable", name: "bsm_templates" },
    );
    expect(hosts[0].hostTemplates).toEqual([
      { name: "Web", priority: 1 },
      { name: "Linux", priority: 2 },
    ]);
  });
});
