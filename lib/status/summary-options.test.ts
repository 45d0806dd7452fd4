import { describe, expect, it } from "vitest";
import type { BusinessServiceStatusView } from "./list-business-service-statuses";
import { DEFAULT_SUMMARY_OPTIONS, applyServiceChanges, gridPage, matchesFilters, sortForGrid, summaryOptionsFromParams, summaryOptionsToParams } from "./summary-options";

const SINCE = "2026-11-22T08:00:00.000Z";
const AT = Date.parse("2026-11-22T09:30:00.000Z");

const service = (id: string, name: string, state: BusinessServiceStatusView["state"], impacted = false): BusinessServiceStatusView => ({
  id,
  name,
  state,
  impacted,
  acknowledged: false,
  stateSince: SINCE,
  componentsTotal: 1,
  componentsFailed: 0,
  componentsImpacted: 0,
  componentsDowntime: 0,
  componentsAcknowledged: 0,
});

const services = [
  service("1", "Billing", "OPERATIONAL"),
  service("2", "Web shop", "OFFLINE"),
  service("3", "Mail", "OPERATIONAL", true),
  service("4", "Backups", "DOWNTIME"),
  service("5", "Api", "OPERATIONAL"),
];

describe("Summary grid order", () => {
  it("by status is the Summary order: offline, downtime, impacted, operational, then by name", () => {
    expect(sortForGrid(services, undefined, "status", false).map((s) => s.name)).toEqual(["Web shop", "Backups", "Mail", "Api", "Billing"]);
    expect(sortForGrid(services, undefined, "status", true).map((s) => s.name)).toEqual(["Billing", "Api", "Mail", "Backups", "Web shop"]);
  });

  it("by availability puts the least available first, missing figures counting as 100%", () => {
    const availability = { "1": 99.5, "2": 80, "4": 99.5 };
    expect(sortForGrid(services, availability, "availability", false).map((s) => s.name)).toEqual(["Web shop", "Backups", "Billing", "Mail", "Api"]);
  });

  it("by name", () => {
    expect(sortForGrid(services, undefined, "name", false).map((s) => s.name)).toEqual(["Api", "Backups", "Billing", "Mail", "Web shop"]);
  });
});

describe("Summary filters", () => {
  it.each([
    ["", 5],
    ["OFFLINE", 1],
    ["DOWNTIME", 1],
    ["IMPACTED", 1],
    ["OPERATIONAL", 2],
  ] as const)("status %s keeps %i", (status, count) => {
    expect(services.filter((s) => matchesFilters(s, { name: "", status }))).toHaveLength(count);
  });

  it("name matches any part, ignoring case", () => {
    expect(services.filter((s) => matchesFilters(s, { name: "SHOP", status: "" })).map((s) => s.id)).toEqual(["2"]);
  });
});

describe("Summary options in the URL", () => {
  it("round-trip, and the defaults make an empty query", () => {
    const options = { sort: "availability", descending: true, name: "web", status: "OFFLINE", gridHidden: true } as const;
    expect(summaryOptionsFromParams(summaryOptionsToParams(options))).toEqual(options);
    expect(summaryOptionsToParams(DEFAULT_SUMMARY_OPTIONS).toString()).toBe("");
  });

  it("ignore values they do not know", () => {
    expect(summaryOptionsFromParams(new URLSearchParams("sort=colour&status=PURPLE&dir=up"))).toEqual(DEFAULT_SUMMARY_OPTIONS);
  });
});

describe("live changes applied to the Summary", () => {
  const change = (id: string, state: string, impacted = false) => ({ objectType: "BUSINESS_SERVICE", objectKey: id, state, acknowledged: false, impacted });
  const ordered = sortForGrid(services, undefined, "status", false);

  it("move a service that went offline to the top and keep unchanged services as they were", () => {
    const next = applyServiceChanges(ordered, [change("5", "OFFLINE"), { ...change("3", "FAILED"), objectType: "COMPONENT" }], AT);
    expect(next.map((s) => s.name)).toEqual(["Api", "Web shop", "Backups", "Mail", "Billing"]);
    expect(next.find((s) => s.id === "1")).toBe(ordered.find((s) => s.id === "1"));
  });

  it("start a new state at the event's time, and keep the time when only the acknowledgement or impact changed", () => {
    const next = applyServiceChanges(ordered, [change("5", "OFFLINE"), { ...change("3", "OPERATIONAL"), acknowledged: true }], AT);
    expect(next.find((s) => s.id === "5")?.stateSince).toBe("2026-11-22T09:30:00.000Z");
    expect(next.find((s) => s.id === "3")).toMatchObject({ acknowledged: true, stateSince: SINCE });
  });

  it("ignore services not in the list, unknown states and changes that change nothing", () => {
    expect(applyServiceChanges(ordered, [change("99", "OFFLINE"), change("1", "PURPLE"), change("2", "OFFLINE")], AT)).toBe(ordered);
  });
});

describe("Summary grid pages", () => {
  it.each([
    [0, 0, { page: 0, pages: 1, first: 0, end: 0 }],
    [50, 0, { page: 0, pages: 1, first: 0, end: 50 }],
    [51, 1, { page: 1, pages: 2, first: 50, end: 51 }],
    [120, 2, { page: 2, pages: 3, first: 100, end: 120 }],
  ])("%i rows, page %i", (rows, requested, expected) => {
    expect(gridPage(rows, requested)).toEqual(expected);
  });

  it("show the last page when the rows shrank below the page asked for", () => {
    expect(gridPage(60, 5)).toEqual({ page: 1, pages: 2, first: 50, end: 60 });
    expect(gridPage(10, 3, 4)).toEqual({ page: 2, pages: 3, first: 8, end: 10 });
  });
});
