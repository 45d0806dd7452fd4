import { describe, expect, it } from "vitest";
import { isStorableText, parseIdSegment, recordId, storableText, INT4_MAX } from "./fields";

describe("isStorableText", () => {
  it.each([
    ["plain text", "web-01", true],
    ["a whole surrogate pair (an emoji)", "ok \u{1F600}", true],
    ["the empty string", "", true],
    ["a NUL character", "a\u0000b", false],
    ["a lone high surrogate", "a\uD800", false],
    ["a lone low surrogate", "\uDC00b", false],
    ["a reversed pair", "\uDC00\uD800", false],
  ])("%s → %s", (_what, value, expected) => {
    expect(isStorableText(value)).toBe(expected);
  });
});

describe("storableText", () => {
  it("refuses NUL and unpaired surrogates with a message, after the schema's own checks", () => {
    const name = storableText().trim().min(1, "is required");
    expect(name.safeParse("  web  ").data).toBe("web");
    const nul = name.safeParse("we\u0000b");
    expect(nul.success).toBe(false);
    expect(nul.error?.issues[0].message).toMatch(/NUL|unpaired/);
    expect(name.safeParse("\uD800").success).toBe(false);
  });
});

describe("recordId", () => {
  it.each([
    [1, true],
    [INT4_MAX, true],
    [INT4_MAX + 1, false],
    [2147483648, false],
    [0, false],
    [-1, false],
    [1.5, false],
    [Number.MAX_SAFE_INTEGER + 2, false],
  ])("%s → %s", (value, expected) => {
    expect(recordId().safeParse(value).success).toBe(expected);
  });
});

describe("parseIdSegment", () => {
  it.each([
    ["1", 1],
    ["2147483647", INT4_MAX],
    ["2147483648", null],
    ["99999999999", null],
    ["0", null],
    ["01", null],
    ["-1", null],
    ["1e3", null],
    ["abc", null],
    ["", null],
    ["%00", null],
    [" 1", null],
  ])("%j → %s", (segment, expected) => {
    expect(parseIdSegment(segment)).toBe(expected);
  });
});
