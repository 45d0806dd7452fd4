import { describe, expect, it } from "vitest";
import { formatMinutes, formatPercent, periodTitle } from "./format";

describe("SLA formats", () => {
  it("shows percentages with two decimals and lengths in minutes or hours", () => {
    expect(formatPercent(99.5)).toBe("99.50 %");
    expect(formatPercent(null)).toBe("—");
    expect(formatMinutes(20_000)).toBe("< 1 min");
    expect(formatMinutes(45 * 60_000)).toBe("45 min");
    expect(formatMinutes(125 * 60_000)).toBe("2 h 5 min");
    expect(formatMinutes(null)).toBe("—");
  });
  it("names the period in the reader's zone", () => {
    expect(periodTitle("month", "2026-11-30T23:00:00.000Z", "Europe/Berlin")).toBe("December 2026");
    expect(periodTitle("quarter", "2026-09-30T23:00:00.000Z", "Europe/Berlin")).toBe("Q4 2026");
  });
});
