import { describe, expect, it } from "vitest";
import type { HostRecord } from "../reflect";
import { changedOutcomes, sameRecord, toHostRecord, toStoredColumns, type ReflectedHostRow } from "./records";

const row: ReflectedHostRow = {
  host: "web-01",
  hostType: "Web",
  removed: false,
  exportEnabled: true,
  status: "Changed",
  pending: true,
  message: null,
  elementType: "Cache",
};

const record: HostRecord = {
  host: "web-01",
  type: "Web",
  removed: false,
  exportEnabled: true,
  elementExists: true,
  elementType: "Cache",
  status: "Changed",
  pending: true,
  message: null,
};

describe("persistence mapping of reflected hosts", () => {
  it("a stored row with an element becomes a record whose element was made for the element's type", () => {
    expect(toHostRecord(row)).toEqual(record);
  });

  it("a row without an element has no element type", () => {
    expect(toHostRecord({ ...row, elementType: null })).toMatchObject({ elementExists: false, elementType: null });
  });

  it("refuses a status the algorithm does not know", () => {
    expect(() => toHostRecord({ ...row, status: "Weird" })).toThrow("unknown reflect status Weird");
  });

  it("stores everything but the element, which lives in HostElement", () => {
    expect(toStoredColumns(record)).toEqual({
      host: "web-01",
      hostType: "Web",
      removed: false,
      exportEnabled: true,
      status: "Changed",
      pending: true,
      message: null,
    });
    expect(toHostRecord({ ...toStoredColumns(record), elementType: record.elementType })).toEqual(record);
  });

  it("two records are the same when every stored field and the element agree", () => {
    expect(sameRecord(record, { ...record })).toBe(true);
    expect(sameRecord(record, { ...record, pending: false })).toBe(false);
    expect(sameRecord(record, { ...record, elementType: "Web" })).toBe(false);
    expect(sameRecord(record, { ...record, message: "boom" })).toBe(false);
  });

  it("only outcomes with actions, new hosts or changed records are written", () => {
    const previous = new Map([[record.host, record]]);
    const untouched = { record: { ...record }, actions: [] };
    const acted = { record: { ...record }, actions: [{ kind: "delete" as const, host: "web-01", hostType: "Cache" }] };
    const fresh = { record: { ...record, host: "web-02" }, actions: [] };
    const refreshed = { record: { ...record, pending: false }, actions: [] };
    expect(changedOutcomes(previous, [untouched, acted, fresh, refreshed])).toEqual([acted, fresh, refreshed]);
  });
});
