import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/app-error";
import { excludedPeriodInput, parseSlaInput, slaTargetInput } from "./inputs";

const fieldErrorsOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  throw new Error("expected a validation error");
};

describe("slaTargetInput", () => {
  it("takes a target with defaults", () => {
    expect(parseSlaInput(slaTargetInput, { targetPercent: 99.95 })).toEqual({ targetPercent: 99.95, period: "MONTH", countDowntime: false, timeZone: "UTC" });
    expect(parseSlaInput(slaTargetInput, { targetPercent: "99.9", period: "QUARTER", timeZone: "Europe/London", countDowntime: true }).targetPercent).toBe(99.9);
  });
  it.each([[0], [100], [-1], [99.9999], ["abc"], [""]])("refuses the target %s", (targetPercent) => {
    expect(fieldErrorsOf(() => parseSlaInput(slaTargetInput, { targetPercent }))).toHaveProperty("targetPercent");
  });
  it("refuses an unknown zone and period", () => {
    expect(fieldErrorsOf(() => parseSlaInput(slaTargetInput, { targetPercent: 99, timeZone: "Mars/Olympus" }))).toHaveProperty("timeZone");
    expect(fieldErrorsOf(() => parseSlaInput(slaTargetInput, { targetPercent: 99, period: "WEEK" }))).toHaveProperty("period");
  });
});

describe("excludedPeriodInput", () => {
  const valid = { objectType: "BUSINESS_SERVICE", objectId: 3, from: "2026-12-01T00:00:00Z", to: "2026-12-01T02:00:00Z", reason: "Monitoring fault" };
  it("reads ISO times and epoch milliseconds", () => {
    expect(parseSlaInput(excludedPeriodInput, valid)).toMatchObject({ from: Date.UTC(2026, 11, 1), to: Date.UTC(2026, 11, 1, 2) });
    expect(parseSlaInput(excludedPeriodInput, { ...valid, from: 0, to: 1000 })).toMatchObject({ from: 0, to: 1000 });
  });
  it("refuses an end not after the start, an over-long period, a bad time and an empty or long reason", () => {
    expect(fieldErrorsOf(() => parseSlaInput(excludedPeriodInput, { ...valid, to: valid.from }))).toHaveProperty("to");
    expect(fieldErrorsOf(() => parseSlaInput(excludedPeriodInput, { ...valid, to: "2028-06-01T00:00:00Z" }))).toHaveProperty("to");
    expect(fieldErrorsOf(() => parseSlaInput(excludedPeriodInput, { ...valid, from: "yesterday" }))).toHaveProperty("from");
    expect(fieldErrorsOf(() => parseSlaInput(excludedPeriodInput, { ...valid, reason: "  " }))).toHaveProperty("reason");
    expect(fieldErrorsOf(() => parseSlaInput(excludedPeriodInput, { ...valid, reason: "x".repeat(501) }))).toHaveProperty("reason");
    expect(fieldErrorsOf(() => parseSlaInput(excludedPeriodInput, { ...valid, objectType: "COMPONENT_HOST" }))).toHaveProperty("objectType");
  });
});
