import { describe, expect, it } from "vitest";
import { formatDuration, formatUtcClock, formatUtcDateTime, formatUtcSeconds } from "./format-time";

const MOMENT = Date.UTC(2024, 0, 31, 13, 45, 7, 250);

describe("UTC moments", () => {
  it("to the second, from a number, a date or an ISO string", () => {
    for (const at of [MOMENT, new Date(MOMENT), new Date(MOMENT).toISOString()]) expect(formatUtcSeconds(at)).toBe("2024-01-31 13:45:07");
  });

  it("in British order with UTC said", () => {
    expect(formatUtcDateTime(new Date(MOMENT).toISOString())).toBe("31/01/2024, 13:45:07 UTC");
  });

  it("as a clock time", () => {
    expect(formatUtcClock(MOMENT)).toBe("13:45");
  });
});

describe("durations", () => {
  it.each([
    [0, "0 min"],
    [29_999, "0 min"],
    [59 * 60_000, "59 min"],
    [60 * 60_000, "1 h 0 min"],
    [(3 * 60 + 5) * 60_000 + 20_000, "3 h 5 min"],
  ])("%d ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
