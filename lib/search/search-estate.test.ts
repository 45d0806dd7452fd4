import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/app-error";
import { DEFAULT_PER_KIND, parseSearchQuery } from "./search-estate";

const parse = (search: string) => parseSearchQuery(new URL(`http://localhost/api/search${search}`));

describe("parseSearchQuery", () => {
  it("reads q, trimmed, and the default limit per kind", () => {
    expect(parse("?q=%20Payment%20")).toEqual({ q: "Payment", limit: DEFAULT_PER_KIND });
    expect(parse("?q=web&limit=12")).toEqual({ q: "web", limit: 12 });
  });

  it.each([
    ["no q", "", "q (what to search for) is required"],
    ["an empty q", "?q=%20%20", "q (what to search for) must not be empty"],
    ["a q of 101 characters", `?q=${"a".repeat(101)}`, "q (what to search for) must be at most 100 characters"],
    ["a q with NUL", "?q=a%00b", "must not contain NUL or unpaired surrogate characters"],
    ["a limit of 0", "?q=a&limit=0", "limit must be a whole number from 1 to 20"],
    ["a limit that is not a number", "?q=a&limit=ten", "limit must be a whole number from 1 to 20"],
    ["a fractional limit", "?q=a&limit=1.5", "limit must be a whole number from 1 to 20"],
  ])("refuses %s with a plain message", (_, search, message) => {
    expect(() => parse(search)).toThrow(ValidationError);
    expect(() => parse(search)).toThrow(message);
  });
});
