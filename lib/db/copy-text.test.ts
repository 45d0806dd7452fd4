import { describe, expect, it } from "vitest";
import { copyTextRow, copyTextRows, copyTimestamp } from "./copy-text";

describe("COPY text rows", () => {
  it.each([
    ["plain text", ["web1", "HTTP"], "web1\tHTTP\n"],
    ["NULL as \\N, booleans as t/f, numbers as digits", [null, true, false, 42], "\\N\tt\tf\t42\n"],
    ["backslash, tab, newline and carriage return escaped", ["a\\b\tc\nd\re"], "a\\\\b\\tc\\nd\\re\n"],
    ["the text \\N is not NULL", ["\\N"], "\\\\N\n"],
    ["an empty array", [[]], "{}\n"],
    ["array elements quoted, their quotes and backslashes escaped", [["a,b", 'say "hi"', "NULL", "x\\y"]], '{"a,b","say \\\\"hi\\\\"","NULL","x\\\\\\\\y"}\n'],
  ])("%s", (_, values, expected) => {
    expect(copyTextRow(values)).toBe(expected);
  });

  it("writes every item as one row, in order", () => {
    expect(copyTextRows([1, 2], (item) => [item, `x${item}`])).toBe("1\tx1\n2\tx2\n");
    expect(copyTextRows([], () => [])).toBe("");
  });

  it("writes timestamps as UTC wall time with milliseconds", () => {
    expect(copyTimestamp(Date.parse("2026-11-22T08:00:01.234Z"))).toBe("2026-11-22 08:00:01.234");
  });
});
