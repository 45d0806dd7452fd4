import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/app-error";
import { parseObjectQuery, parseReportQuery, wantsCsv } from "./query";

const params = (text: string) => new URLSearchParams(text);

describe("parseReportQuery", () => {
  it("defaults to this month in the given zone", () => {
    expect(parseReportQuery(params(""), "UTC")).toEqual({ period: "month", offset: 0, timeZone: "UTC" });
    expect(parseReportQuery(params("period=quarter&offset=-1&zone=Europe/Berlin"), "UTC")).toEqual({ period: "quarter", offset: -1, timeZone: "Europe/Berlin" });
  });
  it.each(["period=week", "offset=1", "offset=-2", "zone=Nowhere/Land"])("refuses %s", (query) => {
    expect(() => parseReportQuery(params(query), "UTC")).toThrow(ValidationError);
  });
});

describe("wantsCsv", () => {
  it("follows format first, then Accept", () => {
    expect(wantsCsv(params("format=csv"), null)).toBe(true);
    expect(wantsCsv(params("format=json"), "text/csv")).toBe(false);
    expect(wantsCsv(params(""), "text/csv, */*")).toBe(true);
    expect(wantsCsv(params(""), "application/json")).toBe(false);
    expect(() => wantsCsv(params("format=xml"), null)).toThrow(ValidationError);
  });
});

describe("parseObjectQuery", () => {
  it("reads a business service or component id", () => {
    expect(parseObjectQuery(params("objectType=COMPONENT&objectId=7"))).toEqual({ objectType: "COMPONENT", objectId: 7 });
    expect(() => parseObjectQuery(params("objectType=COMPONENT_HOST&objectId=7"))).toThrow(ValidationError);
    expect(() => parseObjectQuery(params("objectType=COMPONENT&objectId=0"))).toThrow(ValidationError);
  });
});
