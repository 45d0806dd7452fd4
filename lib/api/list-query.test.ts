import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/app-error";
import { httpStatusOf } from "../errors/error-response";
import { applyListQuery, parseListQuery } from "./list-query";

const STATES = ["OPERATIONAL", "FAILED", "DOWNTIME"];
const query = (search: string) => parseListQuery(new URL(`http://x/api?${search}`), STATES);
const items = ["Web", "Web admin", "Db", "Queue", "Webmail"].map((name, index) => ({ name, status: index % 2 === 0 ? "OPERATIONAL" : "FAILED" }));

describe("list query", () => {
  it("defaults to the first page of 50 rows", () => {
    expect(query("")).toEqual({ page: 1, rows: 50, status: [] });
  });

  it("filters by part of the name, case-insensitively, and by status given either way", () => {
    expect(applyListQuery(items, query("name=WEB"), null).list.map((item) => item.name)).toEqual(["Web", "Web admin", "Webmail"]);
    expect(applyListQuery(items, query("status=failed"), null).list.map((item) => item.name)).toEqual(["Web admin", "Queue"]);
    expect(query("status=FAILED,DOWNTIME&status=operational").status).toEqual(["FAILED", "DOWNTIME", "OPERATIONAL"]);
  });

  it("pages and reports Opsview's summary", () => {
    expect(applyListQuery(items, query("rows=2&page=3"), null)).toEqual({
      list: [{ name: "Webmail", status: "OPERATIONAL" }],
      summary: { page: 3, rows: 2, totalpages: 3, totalrows: 5 },
      stale_since: null,
    });
    expect(applyListQuery(items, query(""), "2026-12-03T10:00:00.000Z").stale_since).toBe("2026-12-03T10:00:00.000Z");
  });

  it.each([["rows=0"], ["rows=5000"], ["page=-1"], ["page=two"], ["status=BROKEN"]])("refuses %s with a 400", (search) => {
    expect(() => query(search)).toThrow(ValidationError);
    try {
      query(search);
    } catch (error) {
      expect(httpStatusOf(error as ValidationError)).toBe(400);
    }
  });
});
