import { describe, expect, it } from "vitest";
import { containsPattern, tableQuerySchema } from "./table-query";

const schema = tableQuerySchema(["host", "type"] as const);

describe("table queries from the URL", () => {
  it("reads search, sort, direction and page", () => {
    expect(schema.parse({ q: " web ", sort: "type", dir: "desc", page: "3" })).toEqual({ q: "web", sort: "type", dir: "desc", page: 3 });
  });

  it("falls back to the defaults for anything missing or unknown instead of failing the page", () => {
    expect(schema.parse({ sort: "password", dir: "sideways", page: "-1" })).toEqual({ q: "", sort: "host", dir: "asc", page: 1 });
  });

  it("escapes LIKE wildcards in a search", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});
