import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors/app-error";
import { apiTokenRefusal, parseApiTokenInput } from "./api-tokens";

const NOW = Date.parse("2026-12-03T12:00:00Z");
const token = (scope: "full" | "read-only" | "metrics", expiresAt: string | null = null) => ({ scope, expiresAt: expiresAt === null ? null : new Date(expiresAt) });

describe("apiTokenRefusal (what a token may do, checked on every request)", () => {
  it.each(["GET", "HEAD", "OPTIONS"])("a read-only token may %s", (method) => {
    expect(apiTokenRefusal(token("read-only"), method, NOW)).toBeNull();
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"])("a read-only token is refused %s with 403 and a message saying why", (method) => {
    expect(apiTokenRefusal(token("read-only"), method, NOW)).toEqual({
      status: 403,
      message: "This API token is read-only: it may not create, change or delete anything",
    });
  });

  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"])("a full token may %s", (method) => {
    expect(apiTokenRefusal(token("full"), method, NOW)).toBeNull();
  });

  it.each(["GET", "HEAD", "POST", "DELETE"])("a metrics token is refused %s anywhere in the REST API with 403 (it only reads /metrics)", (method) => {
    expect(apiTokenRefusal(token("metrics"), method, NOW)).toEqual({ status: 403, message: "This API token has the metrics scope: it may only read /metrics" });
  });

  it("an expired token is refused with 401, whatever its scope and method", () => {
    expect(apiTokenRefusal(token("full", "2026-12-03T11:59:59Z"), "GET", NOW)).toEqual({ status: 401, message: "API token expired" });
    expect(apiTokenRefusal(token("read-only", "2026-12-03T12:00:00Z"), "POST", NOW)).toEqual({ status: 401, message: "API token expired" });
  });

  it("a token is accepted until its expiry", () => {
    expect(apiTokenRefusal(token("full", "2026-12-03T12:00:01Z"), "DELETE", NOW)).toBeNull();
  });
});

describe("parseApiTokenInput", () => {
  it("takes a name, a scope (full by default) and an optional expiry", () => {
    expect(parseApiTokenInput({ name: " ci " }, NOW)).toEqual({ name: "ci", scope: "full", expiresAt: null });
    expect(parseApiTokenInput({ name: "ci", scope: "read-only", expiresAt: "2027-01-01T00:00:00Z" }, NOW)).toEqual({
      name: "ci",
      scope: "read-only",
      expiresAt: new Date("2027-01-01T00:00:00Z"),
    });
  });

  it("reads a date without a time as the end of that day (UTC)", () => {
    expect(parseApiTokenInput({ name: "ci", expiresAt: "2027-01-31" }, NOW).expiresAt).toEqual(new Date("2027-01-31T23:59:59.999Z"));
  });

  it("treats an empty expiry as none", () => {
    expect(parseApiTokenInput({ name: "ci", expiresAt: "" }, NOW).expiresAt).toBeNull();
  });

  it.each([
    [{ name: "" }, { name: "is required" }],
    [{ name: "ci", scope: "admin" }, { scope: "must be full, read-only or metrics" }],
    [{ name: "ci", expiresAt: "tomorrow" }, { expiresAt: "must be a date (2027-01-31) or a date and time (2027-01-31T18:00:00Z)" }],
    [{ name: "ci", expiresAt: "2026-12-03T11:00:00Z" }, { expiresAt: "must be in the future" }],
    [{ name: "ci", expiresAt: "2026-02-30" }, { expiresAt: "must be a date (2027-01-31) or a date and time (2027-01-31T18:00:00Z)" }],
    ["not an object", { input: "must be an object with name, scope and expiresAt" }],
  ])("refuses %j with a message per field", (input, fieldErrors) => {
    expect(() => parseApiTokenInput(input, NOW)).toThrow(ValidationError);
    try {
      parseApiTokenInput(input, NOW);
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual(fieldErrors);
    }
  });
});
