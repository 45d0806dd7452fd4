import { describe, expect, it } from "vitest";

import { parseOpsviewRestSettings, restRoot } from "./settings";

const VALID = { baseUrl: "https://opsview.example.com", username: "bsm", password: "hunter2-secret" };

describe("Opsview REST settings", () => {
  it("accepts an https URL and defaults acceptSelfSigned to false", () => {
    expect(parseOpsviewRestSettings(VALID)).toEqual({ ok: true, settings: { ...VALID, acceptSelfSigned: false } });
  });

  it("accepts an http URL with a path prefix", () => {
    const result = parseOpsviewRestSettings({ ...VALID, baseUrl: "http://10.0.0.5:8080/opsview/" });
    expect(result.ok && restRoot(result.settings)).toBe("http://10.0.0.5:8080/opsview");
  });

  it.each([
    [{ baseUrl: "ftp://opsview.example.com" }, "baseUrl"],
    [{ baseUrl: "opsview.example.com" }, "baseUrl"],
    [{ baseUrl: "https://bsm:pw@opsview.example.com" }, "baseUrl"],
    [{ username: " " }, "username"],
    [{ password: "" }, "password"],
    [{ acceptSelfSigned: "yes" }, "acceptSelfSigned"],
  ])("refuses %j naming the field", (change, field) => {
    const result = parseOpsviewRestSettings({ ...VALID, ...change });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(field);
  });

  it("never repeats the password in its message", () => {
    const result = parseOpsviewRestSettings({ ...VALID, baseUrl: "nope" });
    expect(!result.ok && result.message).not.toContain(VALID.password);
  });
});
