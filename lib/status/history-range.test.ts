import { describe, expect, it } from "vitest";
import { DAY_MS } from "../time/calendar";
import { parseMoment, parseRangeQuery, parseTravelMoment, rangeQueryOf } from "./history-range";

const now = Date.parse("2026-12-06T20:00:00Z");

describe("range in the URL", () => {
  it("nothing means the last 24 hours", () => {
    const parsed = parseRangeQuery({}, now, "UTC");
    expect(parsed).toEqual({ ok: true, choice: { kind: "preset", preset: "24h" }, interval: { from: now - DAY_MS, to: now } });
  });

  it("a preset names its interval in the user's zone", () => {
    const parsed = parseRangeQuery({ range: "this-month" }, now, "Asia/Tokyo");
    expect(parsed.ok && new Date(parsed.interval.from).toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(parsed.ok && parsed.interval.to).toBe(now);
    const week = parseRangeQuery({ range: "7d" }, now, "UTC");
    expect(week.ok && week.interval.to - week.interval.from).toBe(7 * DAY_MS);
  });

  it("a custom range takes ISO or epoch seconds and is cut to now", () => {
    const parsed = parseRangeQuery({ from: "2026-12-01T00:00:00Z", to: String((now + DAY_MS) / 1000) }, now, "UTC");
    expect(parsed).toEqual({
      ok: true,
      choice: { kind: "custom", from: Date.parse("2026-12-01T00:00:00Z"), to: now + DAY_MS },
      interval: { from: Date.parse("2026-12-01T00:00:00Z"), to: now },
    });
  });

  it.each([
    [{ range: "5y" }, /not a range/],
    [{ from: "2026-12-02T00:00:00Z" }, /both from and to/],
    [{ from: "yesterday", to: "2026-12-02T00:00:00Z" }, /not a date and time \(from\)/],
    [{ from: "2026-12-02T00:00:00Z", to: "2026-13-45T00:00:00Z" }, /\(to\)/],
    [{ from: "2026-12-02T00:00:00Z", to: "2026-12-02T00:00:00Z" }, /end after it starts/],
    [{ from: "2026-12-03T00:00:00Z", to: "2026-12-02T00:00:00Z" }, /end after it starts/],
    [{ from: "2024-01-01T00:00:00Z", to: "2026-12-02T00:00:00Z" }, /longer than 400 days/],
    [{ from: "2027-01-01T00:00:00Z", to: "2027-01-02T00:00:00Z" }, /future/],
  ])("a bad range %j is refused with a message", (query, message) => {
    const parsed = parseRangeQuery(query, now, "UTC");
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });

  it("the URL query round-trips", () => {
    expect(rangeQueryOf({ kind: "preset", preset: "24h" })).toBe("");
    expect(rangeQueryOf({ kind: "preset", preset: "30d" })).toBe("range=30d");
    const custom = { kind: "custom" as const, from: now - 3 * DAY_MS, to: now - DAY_MS };
    const query = Object.fromEntries(new URLSearchParams(rangeQueryOf(custom)));
    expect(parseRangeQuery(query, now, "UTC")).toMatchObject({ ok: true, choice: custom });
  });
});

describe("moment in the URL", () => {
  it("reads ISO and epoch seconds, refuses dates without a time", () => {
    expect(parseMoment("2026-12-01T03:12:00Z")).toBe(Date.parse("2026-12-01T03:12:00Z"));
    expect(parseMoment("1764558720")).toBe(1_764_558_720_000);
    expect(parseMoment("2026-12-01")).toBeNull();
    expect(parseMoment("soon")).toBeNull();
  });

  it("refuses the future and nonsense", () => {
    expect(parseTravelMoment("2026-12-01T03:12:00Z", now)).toEqual({ ok: true, at: Date.parse("2026-12-01T03:12:00Z") });
    expect(parseTravelMoment("2026-12-07T03:12:00Z", now)).toMatchObject({ ok: false, message: expect.stringMatching(/future/) });
    expect(parseTravelMoment("03:12", now)).toMatchObject({ ok: false, message: expect.stringMatching(/not a moment/) });
  });
});
