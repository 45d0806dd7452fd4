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

  it("writes any time as Date#toISOString does, on day boundaries, leap days and outside the usual years too", () => {
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 23).replace("T", " ");
    const times = [
      0,
      1,
      Date.parse("2024-02-29T23:59:59.999Z"),
      Date.parse("2024-03-01T00:00:00.000Z"),
      Date.parse("2026-12-31T12:34:56.007Z"),
      Date.parse("9999-12-31T23:59:59.999Z"),
      -1,
      Date.parse("1969-07-20T20:17:40.000Z"),
      1_733_443_200_123.5,
      ...Array.from({ length: 2_000 }, (_, index) => Math.floor(((index * 7_919) % 2_000) * 1_234_567_891.3)),
    ];
    for (const ms of times) expect(copyTimestamp(ms)).toBe(iso(ms));
  });
});
